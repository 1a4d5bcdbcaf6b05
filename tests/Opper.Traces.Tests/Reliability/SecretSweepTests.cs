using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Newtonsoft.Json;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;
using Opper.Traces.Tests.Reliability.Support;

namespace Opper.Traces.Tests.Reliability;

/// <summary>
/// Every error path, with a recognisable key and a server that echoes it wherever it can (bodies,
/// escaped JSON, property names, header values and names, the reason phrase, redirect targets):
/// nothing the SDK produces — message, ToString(), Data, inner exceptions, ResponseBody, Detail,
/// Headers, Path, and whatever reaches Trace, Debug or the console — contains the key or a
/// prefix of it (a cut-off key is still a leak).
/// </summary>
[TestFixture]
[NonParallelizable] // hooks Console and the Trace listeners
public class SecretSweepTests
{
    private const string Key = Real.Key;

    /// <summary>The key's first nine characters: finds the whole key and any prefix a cut left behind.</summary>
    private const string KeyPrefix = "sk-SECRET";

    private LocalServer _server = null!;
    private LocalServer _other = null!;
    private StringWriter _console = null!;
    private TextWriter _savedOut = null!;
    private TextWriter _savedError = null!;
    private TextWriterTraceListener _listener = null!;
    private StringWriter _traced = null!;

    [SetUp]
    public async Task SetUp()
    {
        _server = await LocalServer.StartAsync();
        _other = await LocalServer.StartAsync(EchoEverything);
        _console = new StringWriter();
        _savedOut = Console.Out;
        _savedError = Console.Error;
        Console.SetOut(_console);
        Console.SetError(_console);
        _traced = new StringWriter();
        _listener = new TextWriterTraceListener(_traced);
        Trace.Listeners.Add(_listener); // Debug writes to the same listeners
    }

    [TearDown]
    public async Task TearDown()
    {
        Console.SetOut(_savedOut);
        Console.SetError(_savedError);
        Trace.Listeners.Remove(_listener);
        _listener.Dispose();
        _traced.Dispose();
        _console.Dispose();
        await _server.DisposeAsync();
        await _other.DisposeAsync();
    }

    // ------------------------------------------------------------ what the server echoes

    private static string Received(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization.Substring(7) : Key;
    }

    /// <summary>Echoes the key (as received, or the known one when none came) in every header it can.</summary>
    private static void EchoHeaders(HttpContext context, string key)
    {
        context.Response.Headers["x-request-id"] = "req-" + key;
        context.Response.Headers["x-echo-authorization"] = "Bearer " + key;
        context.Response.Headers[key] = "a header named with the key";
        context.Response.Headers["Set-Cookie"] = "session=" + key;
        context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = "Rejected " + key;
    }

    private static Task EchoEverything(HttpContext context, ReceivedRequest request) => EchoJsonError(context, 401);

    private static async Task EchoJsonError(HttpContext context, int status)
    {
        var key = Received(context);
        EchoHeaders(context, key);
        var escaped = string.Concat(key.Select(c => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));
        var body = "{\"type\":\"Error " + key + "\",\"message\":\"Invalid key " + key + "\",\"detail\":{\"received\":\"Bearer " + escaped + "\",\""
            + key + "\":[\"" + key.Replace("-", "\\u002d", StringComparison.Ordinal) + "\"],\"url\":\"https:\\/\\/x\\/?k=" + key + "\"}}";
        await LocalServer.Respond(context, status, body);
    }

    private static async Task EchoHtmlError(HttpContext context, int status)
    {
        var key = Received(context);
        EchoHeaders(context, key);
        await LocalServer.Respond(context, status, "<html><body><h1>Denied</h1><p>Authorization: Bearer " + key + "</p><!-- " + key + " --></body></html>", "text/html");
    }

    // ------------------------------------------------------------ the sweep

    public static IEnumerable<TestCaseData> Statuses() =>
        new[] { 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504, 418 }.Select(s => new TestCaseData(s));

    [TestCaseSource(nameof(Statuses))]
    public async Task Json_error_bodies_that_echo_the_key(int status)
    {
        _server.Handler = (context, _) => EchoJsonError(context, status);
        using var client = Client();

        await AssertNoLeak(await Real.Fails(client.Traces.GetAsync("t-1")), typeof(OpperApiException));
    }

    [TestCaseSource(nameof(Statuses))]
    public async Task Html_error_pages_that_echo_the_key(int status)
    {
        _server.Handler = (context, _) => EchoHtmlError(context, status);
        using var client = Client();

        await AssertNoLeak(await Real.Fails(client.Spans.CreateAsync(new CreateSpanRequest { Name = "n" })), typeof(OpperApiException));
    }

    [TestCase(1000)]
    [TestCase(1005)]
    [TestCase(1010)]
    [TestCase(1015)]
    public async Task An_error_body_cut_at_max_response_bytes_inside_the_key(int limit)
    {
        // The key starts at byte 995: each limit cuts it at another place (or not at all).
        _server.Handler = (context, _) =>
        {
            EchoHeaders(context, Key);
            return LocalServer.Respond(context, 500, new string('x', 995) + Key + " and more", "text/plain");
        };
        using var client = Client(o =>
        {
            o.MaxResponseBytes = limit;
            o.MaxRetries = 0;
        });

        await AssertNoLeak(await Real.Fails(client.Traces.GetAsync("t-1")), typeof(OpperServerException));
    }

    public static IEnumerable<TestCaseData> BadSuccessBodies() => new[]
    {
        new TestCaseData("{\"id\":\"t\",\"name\":12,\"x\":\"" + Key + "\"}").SetArgDisplayNames("wrong type after the key"),
        new TestCaseData("{\"id\":\"" + Key + "\",\"name\":" + "{}}").SetArgDisplayNames("key in a value before the error"),
        new TestCaseData("{\"duration_ms\":\"" + Key + "\"}").SetArgDisplayNames("key as a wrong-typed value"),
        new TestCaseData("{\"duration_ms\":\"Bearer " + Key + new string('x', 60) + "\"}").SetArgDisplayNames("key inside a long wrong-typed value"),
        new TestCaseData("{\"start_time\":\"" + Key + "\"}").SetArgDisplayNames("key as a date"),
        new TestCaseData("{\"" + Key + "\" 1}").SetArgDisplayNames("key as a property name, then bad syntax"),
        new TestCaseData("{\"meta\":{\"" + Key + "\":[1,}}").SetArgDisplayNames("key in the path of a syntax error"),
        new TestCaseData("{\"spans\":[{\"" + Key + "\":{\"a\":[[[[[[[[[[}").SetArgDisplayNames("key in the path, truncated"),
        new TestCaseData("{\"id\":\"t\",\"name\":\"n\"} " + Key).SetArgDisplayNames("key as trailing text"),
        new TestCaseData(Key).SetArgDisplayNames("key as the whole body"),
        new TestCaseData("{\"id\":\"\\u0073k-SECRET-1234567890\",\"name\":[]}").SetArgDisplayNames("escaped key before the error"),
        new TestCaseData("{\"duration_ms\":\"\\u0073k-SECRET-1234567890\"}").SetArgDisplayNames("escaped key as the bad value"),
    };

    [TestCaseSource(nameof(BadSuccessBodies))]
    public async Task Serialization_errors_on_bodies_that_contain_the_key(string body)
    {
        _server.Handler = (context, _) =>
        {
            EchoHeaders(context, Key);
            return LocalServer.Respond(context, 200, body);
        };
        using var client = Client();

        await AssertNoLeak(await Real.Fails(client.Traces.GetAsync("t-1")), typeof(OpperSerializationException));
    }

    [Test]
    public async Task A_timeout()
    {
        _server.Handler = (context, _) =>
        {
            EchoHeaders(context, Key);
            return LocalServer.Hang(context);
        };
        using var client = Client(o => o.Timeout = TimeSpan.FromMilliseconds(150));

        await AssertNoLeak(await Real.Fails(client.Traces.GetAsync("t-1")), typeof(OpperTimeoutException));
    }

    [Test]
    public async Task A_timeout_in_the_middle_of_a_body_that_echoes_the_key()
    {
        _server.Handler = async (context, _) =>
        {
            EchoHeaders(context, Key);
            context.Response.ContentLength = 100_000;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"id\":\"" + Key + "\",\"name\":\"" + Key), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await LocalServer.Hang(context);
        };
        using var client = Client(o => o.Timeout = TimeSpan.FromMilliseconds(150));

        await AssertNoLeak(await Real.Fails(client.Traces.GetAsync("t-1")), typeof(OpperTimeoutException));
    }

    [TestCase(RawBehaviour.ResetOnAccept)]
    [TestCase(RawBehaviour.ResetAfterRequest)]
    [TestCase(RawBehaviour.Silent)]
    public async Task Transport_failures(RawBehaviour behaviour)
    {
        using var raw = new RawTcpServer(behaviour);
        using var client = Real.Client(raw.BaseUrl, new RecordingRetryPolicy(), o => o.Timeout = TimeSpan.FromMilliseconds(150));

        await AssertNoLeak(await Real.Fails(client.Spans.DeleteAsync("s-1")), typeof(Exception));
    }

    [Test]
    public async Task A_connection_closed_mid_body()
    {
        _server.Handler = async (context, _) =>
        {
            EchoHeaders(context, Key);
            context.Response.ContentLength = 100_000;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"id\":\"" + Key + "\",\"name\":\"" + Key), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(100);
            context.Abort();
        };
        using var client = Client(o => o.MaxRetries = 0);

        await AssertNoLeak(await Real.Fails(client.Traces.GetAsync("t-1")), typeof(HttpRequestException));
    }

    [Test]
    public async Task A_redirect_to_another_origin_whose_location_names_the_key()
    {
        _server.Handler = (context, _) =>
        {
            EchoHeaders(context, Key);
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = new Uri(_other.Root, "/v2/traces/t-1?token=" + Key).AbsoluteUri;
            return Task.CompletedTask;
        };
        using var client = Client();

        await AssertNoLeak(await Real.Fails(client.Traces.GetAsync("t-1")), typeof(OpperUnauthorizedException));
        Assert.That(_other.Requests.Single().Header("Authorization"), Is.Null, "the other origin got no key");
    }

    [Test]
    public async Task A_redirect_loop_whose_location_names_the_key()
    {
        _server.Handler = (context, request) =>
        {
            EchoHeaders(context, Key);
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "/v2/traces/loop-" + request.Index + "?k=" + Key;
            return Task.CompletedTask;
        };
        using var client = Client();

        await AssertNoLeak(await Real.Fails(client.Traces.GetAsync("t-1")), typeof(OpperApiException));
    }

    [Test]
    public async Task A_redirect_from_https_to_http_that_names_the_key()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var https = await LocalServer.StartAsync((context, _) =>
        {
            EchoHeaders(context, Key);
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(_other.Root, "/v2?k=" + Key).AbsoluteUri;
            return Task.CompletedTask;
        }, certificate);
        using var http = SelfSignedCertificate.TrustingClient();
        using var client = new OpperClient(http, new OpperClientOptions { ApiKey = Key, BaseUrl = https.BaseUrl, RetryPolicy = new RecordingRetryPolicy() });

        await AssertNoLeak(await Real.Fails(client.Traces.GetAsync("t-1")), typeof(HttpRequestException));
        Assert.That(_other.RequestCount, Is.Zero);
    }

    public static IEnumerable<TestCaseData> BadOptions() => new[]
    {
        new TestCaseData((Action<OpperClientOptions>)(o => o.BaseUrl = null)).SetArgDisplayNames("no base url"),
        new TestCaseData((Action<OpperClientOptions>)(o => o.BaseUrl = new Uri("http://example.com/v2"))).SetArgDisplayNames("plain http to another host"),
        new TestCaseData((Action<OpperClientOptions>)(o => o.ApiKey = Key + "\r\nX-Injected: 1")).SetArgDisplayNames("a key with a line break"),
        new TestCaseData((Action<OpperClientOptions>)(o => o.ApiKey = Key + "\u00e9")).SetArgDisplayNames("a key that is not ASCII"),
        new TestCaseData((Action<OpperClientOptions>)(o => o.ApiKey = Key + "\u0000")).SetArgDisplayNames("a key with a NUL"),
    };

    [TestCaseSource(nameof(BadOptions))]
    public async Task Bad_options_are_refused_before_anything_is_sent(Action<OpperClientOptions> configure)
    {
        using var client = Client(configure);

        await AssertNoLeak(await Real.Fails(client.Traces.GetAsync("t-1")), typeof(InvalidOperationException));
        Assert.That(_server.RequestCount, Is.Zero, "the key never left the process");
    }

    [Test]
    public async Task Invalid_base_urls()
    {
        foreach (var url in new[] { "/v2", "ftp://127.0.0.1/v2", "file:///tmp/v2", "ftp://user:" + Key + "@127.0.0.1/v2" })
        {
            var failure = Assert.Catch(() =>
            {
                using var client = Client(o => o.BaseUrl = new Uri(url, UriKind.RelativeOrAbsolute));
                client.Traces.GetAsync("t-1").GetAwaiter().GetResult();
            })!;
            await AssertNoLeak(failure, typeof(ArgumentException));
        }
    }

    [Test]
    public async Task Cancellation()
    {
        _server.Handler = (context, _) =>
        {
            EchoHeaders(context, Key);
            return LocalServer.Hang(context);
        };
        using var client = Client();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        await AssertNoLeak(await Real.Fails(client.Traces.GetAsync("t-1", cts.Token)), typeof(OperationCanceledException));
    }

    [Test]
    public async Task A_success_that_echoes_the_key_writes_nothing_anywhere()
    {
        _server.Handler = (context, _) =>
        {
            EchoHeaders(context, Key);
            return LocalServer.Respond(context, 200, "{\"id\":\"" + Key + "\",\"name\":\"n\",\"spans\":[]}");
        };
        using var client = Client();

        var trace = await Real.Ends(client.Traces.GetAsync("t-1"));

        Assert.That(trace.Id, Is.EqualTo(Key), "data is returned as sent: redaction is for errors and logs, not for the caller's data");
        await AssertNothingWritten();
    }

    [Test]
    public void Options_and_client_to_string()
    {
        var options = new OpperClientOptions { ApiKey = Key, BaseUrl = new Uri("https://user:" + Key + "@api.opper.ai/v2") };
        using var client = new OpperClient(options);

        Assert.That(options.ToString(), Does.Not.Contain(KeyPrefix).And.Contain("api.opper.ai"));
        Assert.That(client.ToString(), Does.Not.Contain(KeyPrefix).And.Contain("api.opper.ai"));
        Assert.That(new OpperClientOptions { ApiKey = "Bearer " + Key }.ToString(), Does.Not.Contain(KeyPrefix));
    }

    // ------------------------------------------------------------ helpers

    private OpperClient Client(Action<OpperClientOptions>? configure = null) => Real.Client(_server.BaseUrl, new RecordingRetryPolicy(), configure);

    /// <summary>Everything an exception shows, down every inner exception.</summary>
    private static IEnumerable<(string Where, string Text)> Everything(Exception root)
    {
        var pending = new Stack<(string, Exception)>();
        pending.Push(("exception", root));
        while (pending.Count > 0)
        {
            var (where, e) = pending.Pop();
            var name = where + " " + e.GetType().Name;
            yield return (name + ".Message", e.Message);
            yield return (name + ".ToString()", e.ToString());
            foreach (DictionaryEntry entry in e.Data)
            {
                yield return (name + ".Data", entry.Key + "=" + entry.Value);
            }

            switch (e)
            {
                case OpperApiException api:
                    yield return (name + ".ResponseBody", api.ResponseBody);
                    yield return (name + ".Detail", api.Detail?.ToString(Formatting.None) ?? string.Empty);
                    yield return (name + ".ErrorType", api.ErrorType ?? string.Empty);
                    yield return (name + ".ErrorMessage", api.ErrorMessage ?? string.Empty);
                    yield return (name + ".RequestId", api.RequestId ?? string.Empty);
                    yield return (name + ".Error", JsonConvert.SerializeObject(api.Error));
                    yield return (name + ".Headers", string.Join("\n", api.Headers.Select(h => h.Key + ": " + string.Join(", ", h.Value))));
                    break;
                case OpperSerializationException serialization:
                    yield return (name + ".Path", serialization.Path);
                    yield return (name + ".RequestId", serialization.RequestId ?? string.Empty);
                    break;
                case JsonReaderException reader:
                    yield return (name + ".Path", reader.Path ?? string.Empty);
                    break;
                case JsonSerializationException serializer:
                    yield return (name + ".Path", serializer.Path ?? string.Empty);
                    break;
            }

            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push((name + " >", inner));
                }
            }
            else if (e.InnerException is not null)
            {
                pending.Push((name + " >", e.InnerException));
            }
        }
    }

    private async Task AssertNoLeak(Exception ex, Type expected)
    {
        Assert.That(ex, Is.InstanceOf(expected), ex.ToString());
        var leaks = Everything(ex).Where(t => t.Text.Contains(KeyPrefix, StringComparison.Ordinal)).Select(t => t.Where + ": " + t.Text).ToList();
        Assert.That(leaks, Is.Empty, "the key leaked");
        await AssertNothingWritten();
    }

    private async Task AssertNothingWritten()
    {
        await Task.Delay(1); // let anything written from other threads land
        Trace.Flush();
        Assert.That(_console.ToString(), Does.Not.Contain(KeyPrefix), "console");
        Assert.That(_traced.ToString(), Does.Not.Contain(KeyPrefix), "Trace/Debug");
    }
}
