using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;
using Opper.Traces.Tests.Reliability.Support;

namespace Opper.Traces.Tests.Reliability;

/// <summary>
/// Faults of a real HTTP server on 127.0.0.1, through the SDK's own connection pool: every
/// failure surfaces as its documented exception, retries stay bounded in count (waits are
/// recorded, not slept), POST and PATCH are never received twice, and the client keeps working.
/// </summary>
[TestFixture]
public class FaultTests
{
    private static readonly string Trace = Examples.Text("GetTraceResponse.research-assistant.json");
    private static readonly string SpanBody = Examples.Text("CreateSpanResponse.basic.json");

    private LocalServer _server = null!;
    private RecordingRetryPolicy _retries = null!;

    [SetUp]
    public async Task StartServer()
    {
        _server = await LocalServer.StartAsync();
        _retries = new RecordingRetryPolicy();
    }

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private OpperClient Client(Action<OpperClientOptions>? configure = null) => Real.Client(_server.BaseUrl, _retries, configure);

    private int Received(string method) => _server.Requests.Count(r => r.Method == method);

    /// <summary>Answers normally from now on, and checks that the client works again.</summary>
    private async Task AssertClientStillWorks(OpperClient client)
    {
        _server.Handler = (context, _) => LocalServer.Respond(context, 200, Trace);
        var trace = await Real.Ends(client.Traces.GetAsync(Wire.TraceId));
        Assert.That(trace.Spans, Has.Count.EqualTo(17), "a call after the fault succeeds");
    }

    private static async Task CloseMidBody(HttpContext context, string body, bool chunked)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        if (!chunked)
        {
            context.Response.ContentLength = bytes.Length;
        }

        await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await context.Response.Body.FlushAsync();
        await Task.Delay(100); // let the half body reach the client before the connection goes
        context.Abort();
    }

    // ------------------------------------------------------------ connection closed mid-body

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_get_whose_connection_closes_mid_body_is_retried_then_reported(bool chunked)
    {
        _server.Handler = (context, _) => CloseMidBody(context, Trace, chunked);
        using var client = Client();

        var ex = await Real.Fails(client.Traces.GetAsync("t-1"));

        Assert.That(ex, Is.InstanceOf<HttpRequestException>(), ex.ToString());
        Assert.That(ex.Message, Does.Contain("GET /traces/{trace_id}").And.Contain("while reading the response"), "it broke in the body, not before");
        Assert.That(Received("GET"), Is.EqualTo(3), "MaxRetries = 2: three attempts");
        Assert.That(_retries.Delays, Has.Count.EqualTo(2));
        await AssertClientStillWorks(client);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_post_whose_connection_closes_mid_body_is_not_sent_again(bool chunked)
    {
        _server.Handler = (context, _) => CloseMidBody(context, SpanBody, chunked);
        using var client = Client();

        var ex = await Real.Fails(client.Spans.CreateAsync(new CreateSpanRequest { Name = "once" }));

        Assert.That(ex, Is.InstanceOf<HttpRequestException>(), ex.ToString());
        Assert.That(Received("POST"), Is.EqualTo(1));
        Assert.That(_retries.Delays, Is.Empty);
        await AssertClientStillWorks(client);
    }

    // ------------------------------------------------------------ slow drip past the timeout

    private static async Task Drip(HttpContext context, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        for (var i = 0; i < bytes.Length; i++)
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(i, 1), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(20, context.RequestAborted);
        }
    }

    [Test]
    public async Task A_slow_drip_past_the_timeout_ends_each_attempt_with_a_timeout()
    {
        _server.Handler = (context, _) => Drip(context, Trace);
        // Long enough for the healthy call at the end on a busy machine; the drip never finishes.
        using var client = Client(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1);
            o.MaxRetries = 1;
        });

        var ex = await Real.Fails(client.Traces.GetAsync("t-1"));

        Assert.That(ex, Is.TypeOf<OpperTimeoutException>(), ex.ToString());
        Assert.That(((OpperTimeoutException)ex).Attempts, Is.EqualTo(2));
        Assert.That(ex.Message, Does.Contain("timed out").And.Contain("2 of 2 attempts"));
        Assert.That(Received("GET"), Is.EqualTo(2));
        await AssertClientStillWorks(client);
    }

    [Test]
    public async Task A_slow_drip_of_a_patch_response_times_out_once()
    {
        _server.Handler = (context, _) => Drip(context, Examples.Text("UpdateSpanResponse.basic.json"));
        using var client = Client(o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var ex = await Real.Fails(client.Spans.UpdateAsync("s-1", new UpdateSpanRequest { Name = "once" }));

        Assert.That(ex, Is.TypeOf<OpperTimeoutException>(), ex.ToString());
        Assert.That(((OpperTimeoutException)ex).Attempts, Is.EqualTo(1));
        Assert.That(Received("PATCH"), Is.EqualTo(1));
        await AssertClientStillWorks(client);
    }

    // ------------------------------------------------------------ 503 storm, 429 with a date

    [Test]
    public async Task A_storm_of_503s_with_retry_after_is_retried_a_bounded_number_of_times()
    {
        _server.Handler = (context, _) => LocalServer.Respond(context, 503, """{"type":"ServiceUnavailable","message":"overloaded"}""", "application/json", ("Retry-After", "2"));
        using var client = Client();

        var gets = Enumerable.Range(0, 16).Select(i => Real.Fails(client.Traces.GetAsync("t-" + i)));
        var posts = Enumerable.Range(0, 8).Select(i => Real.Fails(client.Spans.CreateAsync(new CreateSpanRequest { Name = "post-" + i })));
        var patches = Enumerable.Range(0, 8).Select(i => Real.Fails(client.Spans.UpdateAsync("s-" + i, new UpdateSpanRequest { Name = "patch-" + i })));
        var errors = await Task.WhenAll(gets.Concat(posts).Concat(patches));

        Assert.That(errors, Has.All.TypeOf<OpperServerException>());
        Assert.That(errors.Cast<OpperServerException>().Select(e => e.StatusCode), Has.All.EqualTo(503));
        Assert.That(errors.Cast<OpperServerException>().Select(e => e.RetryAfter), Has.All.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(errors.Cast<OpperServerException>().Select(e => e.ErrorMessage), Has.All.EqualTo("overloaded"));
        Assert.That(Received("GET"), Is.EqualTo(16 * 3), "each GET: at most MaxRetries + 1 attempts");
        Assert.That(Received("POST"), Is.EqualTo(8), "POST is never retried");
        Assert.That(Received("PATCH"), Is.EqualTo(8), "PATCH is never retried");
        Assert.That(_server.Requests.Where(r => r.Method != "GET").Select(r => r.Body).Distinct().Count(), Is.EqualTo(16), "no POST or PATCH body arrived twice");
        Assert.That(_retries.Delays, Has.Count.EqualTo(16 * 2));
        Assert.That(_retries.Delays, Has.All.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2)), "Retry-After is waited at least");
        await AssertClientStillWorks(client);
    }

    [Test]
    public async Task A_storm_of_503s_that_passes_lets_the_get_succeed()
    {
        _server.Handler = (context, request) => request.Index < 2
            ? LocalServer.Respond(context, 503, "<html><body>Service Unavailable</body></html>", "text/html", ("Retry-After", "1"))
            : LocalServer.Respond(context, 200, Trace);
        using var client = Client();

        var trace = await Real.Ends(client.Traces.GetAsync("t-1"));

        Assert.That(trace.Spans, Has.Count.EqualTo(17));
        Assert.That(Received("GET"), Is.EqualTo(3));
        Assert.That(_retries.Delays, Has.All.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
    }

    private static string HttpDate(TimeSpan fromNow) => DateTimeOffset.UtcNow.Add(fromNow).ToString("r", CultureInfo.InvariantCulture);

    [Test]
    public async Task A_429_with_an_http_date_retry_after_is_waited_for_then_retried()
    {
        _server.Handler = (context, request) => request.Index == 0
            ? LocalServer.Respond(context, 429, """{"message":"slow down"}""", "application/json", ("Retry-After", HttpDate(TimeSpan.FromSeconds(20))))
            : LocalServer.Respond(context, 200, Trace);
        using var client = Client();

        var trace = await Real.Ends(client.Traces.GetAsync("t-1"));

        Assert.That(trace.Id, Is.EqualTo(Wire.TraceId));
        Assert.That(Received("GET"), Is.EqualTo(2));
        Assert.That(_retries.Delays.Single(), Is.GreaterThan(TimeSpan.FromSeconds(18)), "the wait is at least what the date asks (the date has whole seconds)");
    }

    [Test]
    public async Task A_429_whose_http_date_is_too_far_is_thrown_at_once_with_retry_after()
    {
        _server.Handler = (context, _) => LocalServer.Respond(context, 429, """{"message":"slow down"}""", "application/json", ("Retry-After", HttpDate(TimeSpan.FromMinutes(5))));
        using var client = Client();

        var ex = await Real.Fails(client.Traces.GetAsync("t-1"));

        Assert.That(ex, Is.TypeOf<OpperRateLimitException>());
        var rateLimit = (OpperRateLimitException)ex;
        Assert.That(rateLimit.RetryAfter, Is.GreaterThan(TimeSpan.FromMinutes(4)).And.LessThanOrEqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(Received("GET"), Is.EqualTo(1));
        Assert.That(_retries.Delays, Is.Empty);
    }

    [Test]
    public async Task Persistent_429s_with_an_http_date_end_in_a_rate_limit_exception_with_retry_after()
    {
        _server.Handler = (context, _) => LocalServer.Respond(context, 429, """{"message":"slow down"}""", "application/json", ("Retry-After", HttpDate(TimeSpan.FromSeconds(10))));
        using var client = Client();

        var ex = await Real.Fails(client.SpanMetrics.ListAsync("s-1"));

        Assert.That(ex, Is.TypeOf<OpperRateLimitException>());
        Assert.That(((OpperRateLimitException)ex).RetryAfter, Is.GreaterThan(TimeSpan.FromSeconds(5)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(Received("GET"), Is.EqualTo(3));
        Assert.That(_retries.Delays, Has.Count.EqualTo(2));
    }

    // ------------------------------------------------------------ connection resets

    [Test]
    public async Task A_connection_aborted_before_any_answer_fails_a_get_after_its_retries()
    {
        _server.Handler = (context, _) =>
        {
            context.Abort();
            return Task.CompletedTask;
        };
        using var client = Client();

        var ex = await Real.Fails(client.Traces.GetAsync("t-1"));

        Assert.That(ex, Is.InstanceOf<HttpRequestException>(), ex.ToString());
        Assert.That(Received("GET"), Is.EqualTo(3));
        await AssertClientStillWorks(client);
    }

    [Test]
    public async Task A_connection_aborted_after_a_post_or_patch_never_gets_it_sent_twice()
    {
        _server.Handler = (context, request) =>
        {
            if (request.Method == "GET")
            {
                return LocalServer.Respond(context, 200, Trace);
            }

            context.Abort();
            return Task.CompletedTask;
        };
        using var client = Client();

        // Warm the pool first: the platform retries some failures of a reused connection by
        // itself, and that must never resend a POST or PATCH that the server already read.
        for (var round = 0; round < 5; round++)
        {
            await Real.Ends(client.Traces.GetAsync("warm-" + round));
            var post = await Real.Fails(client.Spans.CreateAsync(new CreateSpanRequest { Name = "post-" + round }));
            await Real.Ends(client.Traces.GetAsync("warm-again-" + round));
            var patch = await Real.Fails(client.SpanMetrics.UpdateAsync("s-1", "m-1", new UpdateSpanMetricRequest { Comment = "patch-" + round }));
            Assert.That(post, Is.InstanceOf<HttpRequestException>(), post.ToString());
            Assert.That(patch, Is.InstanceOf<HttpRequestException>(), patch.ToString());
        }

        var bodies = _server.Requests.Where(r => r.Method is "POST" or "PATCH").Select(r => r.Body).ToList();
        Assert.That(bodies, Has.Count.EqualTo(10), "each POST and PATCH was received exactly once: " + string.Join(" | ", bodies));
        Assert.That(bodies.Distinct().Count(), Is.EqualTo(10));
        Assert.That(_retries.Delays, Is.Empty);
    }

    [Test]
    public async Task A_delete_whose_connection_is_aborted_is_retried()
    {
        _server.Handler = (context, _) =>
        {
            context.Abort();
            return Task.CompletedTask;
        };
        using var client = Client();

        var ex = await Real.Fails(client.Spans.DeleteAsync("s-1"));

        Assert.That(ex, Is.InstanceOf<HttpRequestException>());
        Assert.That(Received("DELETE"), Is.EqualTo(3));
    }

    [TestCase(RawBehaviour.ResetOnAccept)]
    [TestCase(RawBehaviour.ResetAfterRequest)]
    public async Task A_tcp_reset_fails_a_get_after_its_retries_with_http_request_exception(RawBehaviour behaviour)
    {
        using var raw = new RawTcpServer(behaviour);
        using var client = Real.Client(raw.BaseUrl, _retries);

        var ex = await Real.Fails(client.Traces.GetAsync("t-1"));

        Assert.That(ex, Is.InstanceOf<HttpRequestException>(), ex.ToString());
        Assert.That(_retries.Delays, Has.Count.EqualTo(2), "three attempts");
    }

    [Test]
    public void A_socket_error_that_the_handler_lets_through_is_a_retried_transport_failure()
    {
        // SocketsHttpHandler can throw a bare SocketException (ENOTCONN from reading the remote
        // end point of a connection that was reset as it opened): seen against RawTcpServer.
        using var api = new MockApi();
        for (var i = 0; i < 3; i++)
        {
            api.Fail(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.NotConnected));
        }

        var ex = Assert.ThrowsAsync<HttpRequestException>(() => api.Client.Traces.GetAsync("t-1"))!;

        Assert.That(ex.InnerException, Is.InstanceOf<System.Net.Sockets.SocketException>());
        Assert.That(ex.Message, Does.Contain("GET /traces/{trace_id}"));
        Assert.That(api.Sent, Has.Count.EqualTo(3), "retried like any transport failure");
    }

    [Test]
    public async Task A_tcp_reset_after_a_post_is_not_retried()
    {
        using var raw = new RawTcpServer(RawBehaviour.ResetAfterRequest);
        using var client = Real.Client(raw.BaseUrl, _retries);

        var ex = await Real.Fails(client.Spans.CreateAsync(new CreateSpanRequest { Name = "once" }));

        Assert.That(ex, Is.InstanceOf<HttpRequestException>(), ex.ToString());
        Assert.That(_retries.Delays, Is.Empty);
        Assert.That(raw.Accepted, Is.EqualTo(1), "one connection, one request");
    }

    // ------------------------------------------------------------ a server that never answers

    [Test]
    public async Task A_server_that_never_answers_times_out_each_attempt_of_a_get()
    {
        _server.Handler = (context, _) => LocalServer.Hang(context);
        using var client = Client(o => o.Timeout = TimeSpan.FromSeconds(1)); // also serves the healthy call at the end

        var ex = await Real.Fails(client.Traces.GetAsync("t-1"));

        Assert.That(ex, Is.TypeOf<OpperTimeoutException>());
        Assert.That(((OpperTimeoutException)ex).Attempts, Is.EqualTo(3));
        Assert.That(Received("GET"), Is.EqualTo(3));
        await AssertClientStillWorks(client);
    }

    [Test]
    public async Task A_server_that_never_answers_a_post_times_it_out_once()
    {
        _server.Handler = (context, _) => LocalServer.Hang(context);
        using var client = Client(o => o.Timeout = TimeSpan.FromMilliseconds(200));

        var ex = await Real.Fails(client.Spans.CreateAsync(new CreateSpanRequest { Name = "once" }));

        Assert.That(ex, Is.TypeOf<OpperTimeoutException>());
        Assert.That(((OpperTimeoutException)ex).Attempts, Is.EqualTo(1));
        Assert.That(Received("POST"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_tcp_peer_that_accepts_and_never_reads_times_out()
    {
        using var raw = new RawTcpServer(RawBehaviour.Silent);
        using var client = Real.Client(raw.BaseUrl, _retries, o => o.Timeout = TimeSpan.FromMilliseconds(200));

        var ex = await Real.Fails(client.Traces.GetAsync("t-1"));

        Assert.That(ex, Is.TypeOf<OpperTimeoutException>());
        Assert.That(((OpperTimeoutException)ex).Attempts, Is.EqualTo(3));
        Assert.That(raw.Accepted, Is.EqualTo(3), "each attempt gave up its connection and opened a new one");
    }

    [Test]
    public async Task Nothing_listening_is_a_transport_failure()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var client = Real.Client(new Uri("http://127.0.0.1:" + port + "/v2"), _retries);

        var ex = await Real.Fails(client.Traces.GetAsync("t-1"));

        Assert.That(ex, Is.InstanceOf<HttpRequestException>());
        Assert.That(_retries.Delays, Has.Count.EqualTo(2));
    }

    // ------------------------------------------------------------ bodies

    [Test]
    public async Task A_success_body_that_is_not_json_is_a_serialization_error_and_not_retried()
    {
        _server.Handler = (context, _) => LocalServer.Respond(context, 200, "<html>maintenance</html>", "text/html");
        using var client = Client();

        var ex = await Real.Fails(client.Traces.GetAsync("t-1"));

        Assert.That(ex, Is.TypeOf<OpperSerializationException>());
        Assert.That(((OpperSerializationException)ex).StatusCode, Is.EqualTo(200));
        Assert.That(Received("GET"), Is.EqualTo(1));
        await AssertClientStillWorks(client);
    }

    [TestCase(400, typeof(OpperBadRequestException), 1)]
    [TestCase(401, typeof(OpperUnauthorizedException), 1)]
    [TestCase(404, typeof(OpperNotFoundException), 1)]
    [TestCase(409, typeof(OpperConflictException), 1)]
    [TestCase(422, typeof(OpperValidationException), 1)]
    [TestCase(500, typeof(OpperServerException), 3)]
    [TestCase(502, typeof(OpperServerException), 3)]
    [TestCase(504, typeof(OpperServerException), 3)]
    [TestCase(418, typeof(OpperApiException), 1)]
    public async Task Each_error_status_from_a_real_server_maps_to_its_exception(int status, Type type, int attempts)
    {
        _server.Handler = (context, _) => LocalServer.Respond(context, status, """{"type":"E","message":"m","detail":"d"}""", "application/json", ("x-request-id", "req-1"));
        using var client = Client();

        var ex = await Real.Fails(client.Spans.GetAsync("s-1"));

        Assert.That(ex, Is.TypeOf(type));
        var api = (OpperApiException)ex;
        Assert.That(api.StatusCode, Is.EqualTo(status));
        Assert.That(api.RequestId, Is.EqualTo("req-1"));
        Assert.That(api.ErrorMessage, Is.EqualTo("m"));
        Assert.That(Received("GET"), Is.EqualTo(attempts));
    }
}
