using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Opper.Traces.Tests.Reliability.Support;

/// <summary>A request as the server received it: the raw request target, headers and body.</summary>
internal sealed class ReceivedRequest
{
    public ReceivedRequest(string method, string rawTarget, string path, IReadOnlyDictionary<string, string> headers, string body, string connectionId, int index)
    {
        Method = method;
        RawTarget = rawTarget;
        Path = path;
        Headers = headers;
        Body = body;
        ConnectionId = connectionId;
        Index = index;
    }

    public string Method { get; }

    /// <summary>The request target exactly as it came over the wire (path and query, still escaped).</summary>
    public string RawTarget { get; }

    /// <summary>The path as the server routes it (unescaped except for <c>%2F</c>).</summary>
    public string Path { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }

    public string ConnectionId { get; }

    /// <summary>0 for the first request this server received, then 1, 2, ...</summary>
    public int Index { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => Method + " " + RawTarget;
}

/// <summary>
/// A Kestrel server on 127.0.0.1 (a free port) whose every request is answered by
/// <see cref="Handler"/>. It records what it received and counts the TCP connections it
/// accepted. Handlers that wait should wait on <see cref="ReceivedRequest"/>'s
/// <c>HttpContext.RequestAborted</c>, which also fires when the server stops.
/// </summary>
internal sealed class LocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _requestCount;
    private int _connectionsOpened;
    private int _openConnections;
    private int _peakOpenConnections;

    private LocalServer(WebApplication app) => _app = app;

    /// <summary>Answers the request; the default answers 200 with <c>{}</c>.</summary>
    public Func<HttpContext, ReceivedRequest, Task> Handler { get; set; } = (context, _) => Respond(context, 200, "{}");

    /// <summary>Whether request bodies are recorded (turn off for load, where nobody reads them).</summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary><c>http(s)://127.0.0.1:port</c>.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>The base URL the client is given: <see cref="Root"/> + <c>/v2</c>, like the real API.</summary>
    public Uri BaseUrl => new(Root, "/v2");

    /// <summary>Fires when the server stops: handlers that wait forever end with it.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>TCP connections accepted since the server started.</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    /// <summary>The most connections that were open at the same time.</summary>
    public int PeakOpenConnections => Volatile.Read(ref _peakOpenConnections);

    public static async Task<LocalServer> StartAsync(Func<HttpContext, ReceivedRequest, Task>? handler = null, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        LocalServer? server = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }

                // Counts TCP connections, below HTTP: one per socket the client opened.
                listen.Use(next => async connection =>
                {
                    server!.OnConnectionOpened();
                    try
                    {
                        await next(connection);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref server._openConnections);
                    }
                });
            });
        });

        var app = builder.Build();
        server = new LocalServer(app);
        if (handler is not null)
        {
            server.Handler = handler;
        }

        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        server.Root = new Uri(address);
        return server;
    }

    private void OnConnectionOpened()
    {
        Interlocked.Increment(ref _connectionsOpened);
        var open = Interlocked.Increment(ref _openConnections);
        int peak;
        while (open > (peak = Volatile.Read(ref _peakOpenConnections)) && Interlocked.CompareExchange(ref _peakOpenConnections, open, peak) != peak)
        {
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var index = Interlocked.Increment(ref _requestCount) - 1;
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var received = new ReceivedRequest(context.Request.Method, raw, context.Request.Path.Value ?? string.Empty, headers, body, context.Connection.Id, index);
        if (RecordRequests)
        {
            _requests.Enqueue(received);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        context.RequestAborted = linked.Token;
        try
        {
            await Handler(context, received);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // The client went away or the server is stopping: nothing to answer.
        }
    }

    /// <summary>Writes a response with a body (JSON unless told otherwise).</summary>
    public static async Task Respond(HttpContext context, int status, string body, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers.Append(name, value);
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>Waits until the client goes away or the server stops: a server that never answers.</summary>
    public static async Task Hang(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            _stopping.Dispose();
        }
    }
}
