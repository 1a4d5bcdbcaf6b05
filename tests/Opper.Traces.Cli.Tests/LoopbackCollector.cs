using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace Opper.Traces.Cli.Tests;

/// <summary>An OTLP/HTTP collector stand-in on 127.0.0.1: records each request and answers with a fixed status and body.</summary>
internal sealed class LoopbackCollector : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LoopbackCollector(int status = 200, string body = "{}")
    {
        Port = FreePort();
        _listener.Prefixes.Add("http://127.0.0.1:" + Port + "/");
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (string? key in context.Request.Headers.AllKeys)
                {
                    headers[key!] = context.Request.Headers[key] ?? string.Empty;
                }

                Requests.Add(new Received(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType, headers, await reader.ReadToEndAsync()));
                byte[] answer = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(answer);
                context.Response.Close();
            }
        });
    }

    public int Port { get; }

    public string Url => "http://127.0.0.1:" + Port;

    public List<Received> Requests { get; } = new();

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.WaitAsync(TimeSpan.FromSeconds(5));
    }

    internal sealed record Received(string Method, string Path, string? ContentType, Dictionary<string, string> Headers, string Body);
}
