using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Opper.FakeApi;

/// <summary>
/// A stateful fake of Opper's traces and spans API, served by Kestrel on 127.0.0.1 (a free port)
/// inside the test process. Spans posted to it make traces that GET and list return; tests seed
/// traces with <see cref="AddTrace"/>, read the store through <see cref="Spans"/> and
/// <see cref="Traces"/>, and see every request in <see cref="Requests"/>.
/// </summary>
public sealed class FakeOpperApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeOpperApiOptions _options;
    private readonly FakeStore _store = new();
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _requestCount;
    private int _current;
    private int _peak;

    private FakeOpperApi(WebApplication app, FakeOpperApiOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>The base URL to give the client (<c>http://127.0.0.1:PORT/v2/</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request received since the start (or the last <see cref="ResetRequests"/>), in arrival order.</summary>
    public IReadOnlyList<FakeRequest> Requests => _requests.ToArray();

    /// <summary>How many requests are being handled right now (intercept delays included).</summary>
    public int CurrentConcurrentRequests => Volatile.Read(ref _current);

    /// <summary>The most requests handled at the same time since the start (or the last <see cref="ResetRequests"/>).</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _peak);

    /// <summary>The stored spans in insertion order, in CreateSpanRequest's shape with <c>id</c> and <c>trace_id</c> filled (copies).</summary>
    public IReadOnlyList<JObject> Spans => _store.Spans();

    /// <summary>Every trace as GET <c>/v2/traces/{id}</c> would return it, in the order the traces were first stored (copies).</summary>
    public IReadOnlyList<JObject> Traces => _store.Traces();

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeOpperApi> StartAsync(FakeOpperApiOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Listen(System.Net.IPAddress.Loopback, 0);
        });

        var app = builder.Build();
        var api = new FakeOpperApi(app, options ?? new FakeOpperApiOptions());
        app.Run(api.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        api.BaseUrl = new Uri(new Uri(app.Urls.Single()), "/v2/");
        return api;
    }

    /// <summary>
    /// Stores a whole trace (a GetTraceResponse, e.g. a file of <c>spec/examples</c>): GET returns
    /// this text as it is and the list shows it. Returns the trace id. A trace with the same id replaces it.
    /// </summary>
    public string AddTrace(string getTraceResponseJson) => _store.AddTrace(getTraceResponseJson);

    /// <summary>
    /// Stores a span as if it had been posted (CreateSpanRequest fields; <c>id</c> and
    /// <c>trace_id</c> are generated when absent). SpanSchema fields given too (<c>data</c>,
    /// <c>metrics</c>, <c>duration_ms</c>) and a <c>status</c> (used when the span is the root) are
    /// kept for the trace view. Returns the span's id; throws when the id is already stored.
    /// </summary>
    public string AddSpan(string spanJson)
    {
        var span = FakeJson.ParseObject(spanJson, "A span");
        if (span["name"] is not { Type: JTokenType.String })
        {
            throw new ArgumentException("A span needs a string \"name\".", nameof(spanJson));
        }

        var stored = _store.AddSpan(span, replace: false) ?? throw new InvalidOperationException("Span " + (string?)span["id"] + " is already stored.");
        return (string)stored["id"]!;
    }

    /// <summary>Empties the store (spans and traces); requests and counters are kept.</summary>
    public void ClearStore() => _store.Clear();

    /// <summary>Forgets the recorded requests and sets <see cref="MaxConcurrentRequests"/> back to the requests in flight now.</summary>
    public void ResetRequests()
    {
        _requests.Clear();
        Volatile.Write(ref _peak, Volatile.Read(ref _current));
    }

    private async Task HandleAsync(HttpContext context)
    {
        var current = Interlocked.Increment(ref _current);
        int peak;
        while (current > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, current, peak) != peak)
        {
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            var request = await ReadAsync(context, linked.Token).ConfigureAwait(false);
            _requests.Enqueue(request);
            var response = _options.Intercept is { } intercept ? await intercept(request, linked.Token).ConfigureAwait(false) : null;
            response ??= Authorized(request) ? FakeRoutes.Handle(request, _store, _options) : FakeRoutes.Unauthorized();
            await WriteAsync(context, response, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // The client went away or the server is stopping: the connection closes without an answer.
            context.Abort();
        }
        finally
        {
            Interlocked.Decrement(ref _current);
        }
    }

    private bool Authorized(FakeRequest request) =>
        _options.ApiKey is not { } key || string.Equals(request.Header("Authorization"), "Bearer " + key, StringComparison.Ordinal);

    private async Task<FakeRequest> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var index = Interlocked.Increment(ref _requestCount) - 1;
        return new FakeRequest(index, context.Request.Method, context.Request.Path.Value ?? string.Empty, query, headers, body);
    }

    private static async Task WriteAsync(HttpContext context, FakeResponse response, CancellationToken cancellationToken)
    {
        if (response.Delay != TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, cancellationToken).ConfigureAwait(false);
        }

        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        if (!string.IsNullOrEmpty(response.Body))
        {
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentType = response.ContentType;
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server; requests still waiting (hung or delayed) end without an answer.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }
    }
}
