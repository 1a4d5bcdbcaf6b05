using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Opper.Traces.Tests.Client.Support;
using Opper.Traces.Tests.Reliability.Support;

namespace Opper.Traces.Tests.Reliability;

/// <summary>
/// A response larger than <c>MaxResponseBytes</c> stops with a clear error, from a real server:
/// announced by Content-Length or not, endless, compressed (a small body that expands past the
/// limit) or an error page. The client reads only about the limit, and works on afterwards.
/// </summary>
[TestFixture]
public class ResponseSizeTests
{
    private const long Limit = 256 * 1024;

    private LocalServer _server = null!;

    [SetUp]
    public async Task StartServer()
    {
        _server = await LocalServer.StartAsync();
    }

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private OpperClient Client() => Real.Client(_server.BaseUrl, new RecordingRetryPolicy(), o => o.MaxResponseBytes = Limit);

    /// <summary>A JSON object of <paramref name="total"/> bytes: a good start, then whitespace.</summary>
    private static async Task WriteBody(HttpContext context, long total, bool announceLength)
    {
        var head = Encoding.UTF8.GetBytes("{\"id\":\"t-1\",\"name\":\"big\",\"spans\":[] ");
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        if (announceLength)
        {
            context.Response.ContentLength = total;
        }

        await context.Response.Body.WriteAsync(head, context.RequestAborted);
        var filler = Enumerable.Repeat((byte)' ', 64 * 1024).ToArray();
        var written = (long)head.Length;
        while (written < total - 1)
        {
            var chunk = (int)Math.Min(filler.Length, total - 1 - written);
            var flushed = await context.Response.BodyWriter.WriteAsync(filler.AsMemory(0, chunk), context.RequestAborted);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                // The connection is gone: Kestrel would accept further writes without sending them.
                return;
            }

            written += chunk;
        }

        await context.Response.Body.WriteAsync("}"u8.ToArray(), context.RequestAborted);
    }

    private async Task AssertClientStillWorks(OpperClient client)
    {
        _server.Handler = (context, _) => LocalServer.Respond(context, 200, Examples.Text("GetTraceResponse.research-assistant.json"));
        var trace = await Real.Ends(client.Traces.GetAsync("t-1"));
        Assert.That(trace.Spans, Has.Count.EqualTo(17));
    }

    [Test]
    public async Task A_content_length_over_the_limit_is_refused_before_the_body_is_read()
    {
        _server.Handler = (context, _) => WriteBody(context, 64L * 1024 * 1024, announceLength: true);
        using var client = Client();

        var ex = await Real.Fails(client.Traces.GetAsync("t-1"));

        TooLarge.AssertRefused(ex, Limit, bytesRead: 0, contentLength: 64L * 1024 * 1024);
        Assert.That(ex.Message, Does.Contain(Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain("67108864"));
        Assert.That(_server.RequestCount, Is.EqualTo(1), "not retried");
        await AssertClientStillWorks(client);
    }

    [Test]
    public async Task An_endless_body_without_content_length_stops_at_the_limit()
    {
        // A raw socket server, so that "sent" means taken by the kernel: Kestrel completes writes
        // to a connection the client closed without sending them.
        using var raw = new RawTcpServer(RawBehaviour.EndlessBody);
        using var client = Real.Client(raw.BaseUrl, new RecordingRetryPolicy(), o => o.MaxResponseBytes = Limit);

        var ex = await Real.Fails(client.Traces.GetAsync("t-1"));

        TooLarge.AssertRefused(ex, Limit, bytesRead: Limit + 1, contentLength: null);
        Assert.That(raw.Accepted, Is.EqualTo(1), "not retried");
        await Task.Delay(200); // let the server's last send fail
        Assert.That(raw.BytesSent, Is.LessThan(64L * 1024 * 1024), "the client stopped reading: the server could send little more than the socket buffers hold");
    }

    [Test]
    public async Task A_body_that_is_just_within_the_limit_is_read()
    {
        _server.Handler = (context, _) => WriteBody(context, Limit, announceLength: false);
        using var client = Client();

        var trace = await Real.Ends(client.Traces.GetAsync("t-1"));

        Assert.That(trace.Name, Is.EqualTo("big"));
    }

    [Test]
    public async Task A_small_compressed_body_that_expands_past_the_limit_is_refused()
    {
        // 50 MB of JSON that gzip turns into about 50 KB: Content-Length is small, the body is not.
        byte[] compressed;
        using (var buffer = new MemoryStream())
        {
            using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(Encoding.UTF8.GetBytes("{\"id\":\"t-1\",\"name\":\"bomb\",\"spans\":[] "));
                var spaces = Enumerable.Repeat((byte)' ', 1024 * 1024).ToArray();
                for (var i = 0; i < 50; i++)
                {
                    gzip.Write(spaces);
                }

                gzip.Write("}"u8);
            }

            compressed = buffer.ToArray();
        }

        _server.Handler = async (context, _) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = compressed.Length;
            await context.Response.Body.WriteAsync(compressed, context.RequestAborted);
        };
        using var client = Client();

        var ex = await Real.Fails(client.Traces.GetAsync("t-1"));

        Assert.That(compressed.Length, Is.LessThan(Limit), "the body on the wire is within the limit");
        // Bytes read count the decompressed body; the handler drops the Content-Length of the compressed one.
        TooLarge.AssertRefused(ex, Limit, bytesRead: Limit + 1, contentLength: null);
        await AssertClientStillWorks(client);
    }

    [Test]
    public async Task A_huge_error_page_gives_the_status_error_with_a_bounded_body()
    {
        var page = "<html><body>" + new string('x', 8 * 1024 * 1024) + "</body></html>";
        _server.Handler = (context, _) => LocalServer.Respond(context, 500, page, "text/html");
        using var client = Real.Client(_server.BaseUrl, new RecordingRetryPolicy(), o => o.MaxRetries = 0);

        var ex = await Real.Fails(client.Traces.GetAsync("t-1"));

        Assert.That(ex, Is.TypeOf<OpperServerException>());
        var server = (OpperServerException)ex;
        Assert.That(server.ResponseBody.Length, Is.LessThanOrEqualTo(64 * 1024));
        Assert.That(server.Message.Length, Is.LessThan(1000));
        await AssertClientStillWorks(client);
    }
}
