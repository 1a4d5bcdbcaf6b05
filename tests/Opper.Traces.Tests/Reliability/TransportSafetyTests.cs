using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;
using Opper.Traces.Tests.Reliability.Support;

namespace Opper.Traces.Tests.Reliability;

/// <summary>
/// Where the key goes, checked on what real servers receive: never over plain http to a host
/// that is not loopback unless allowed, never to another origin after a redirect, never from
/// https down to http; and ids cannot change the path of the request.
/// </summary>
[TestFixture]
public class TransportSafetyTests
{
    private static readonly string Span = Examples.Text("GetSpanResponse.with-feedback.json");
    private static readonly string Metric = Examples.Text("GetSpanMetricResponse.basic.json");

    private LocalServer _server = null!;
    private LocalServer _other = null!;

    [SetUp]
    public async Task StartServers()
    {
        _server = await LocalServer.StartAsync((context, request) =>
            LocalServer.Respond(context, 200, request.RawTarget.Contains("/metrics/", StringComparison.Ordinal) ? Metric : Span));
        _other = await LocalServer.StartAsync((context, _) => LocalServer.Respond(context, 200, Span));
    }

    [TearDown]
    public async Task StopServers()
    {
        await _server.DisposeAsync();
        await _other.DisposeAsync();
    }

    private OpperClient Client(Uri baseUrl, Action<OpperClientOptions>? configure = null) => Real.Client(baseUrl, new RecordingRetryPolicy(), configure);

    // ------------------------------------------------------------ plain http

    /// <summary>An HttpClient that resolves every host name to <paramref name="server"/>: "remote" hosts without a network.</summary>
    private static HttpClient RoutedTo(LocalServer server) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Root.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    });

    [Test]
    public async Task The_key_is_not_sent_over_plain_http_to_a_host_that_is_not_loopback()
    {
        using var http = RoutedTo(_server);
        using var client = new OpperClient(http, new OpperClientOptions { ApiKey = Real.Key, BaseUrl = new Uri($"http://api.example.test:{_server.Root.Port}/v2") });

        var ex = await Real.Fails(client.Spans.GetAsync("s-1"));

        Assert.That(ex, Is.TypeOf<InvalidOperationException>());
        Assert.That(ex.Message, Does.Contain("api.example.test").And.Contain("AllowInsecureHttp"));
        Assert.That(_server.RequestCount, Is.Zero, "nothing left the process");
    }

    [Test]
    public async Task Allow_insecure_http_sends_it_when_the_caller_opts_in()
    {
        using var http = RoutedTo(_server);
        using var client = new OpperClient(http, new OpperClientOptions { ApiKey = Real.Key, BaseUrl = new Uri($"http://api.example.test:{_server.Root.Port}/v2"), AllowInsecureHttp = true });

        await Real.Ends(client.Spans.GetAsync("s-1"));

        var received = _server.Requests.Single();
        Assert.That(received.Header("Host"), Is.EqualTo($"api.example.test:{_server.Root.Port}"));
        Assert.That(received.Header("Authorization"), Is.EqualTo("Bearer " + Real.Key));
    }

    // ------------------------------------------------------------ redirects

    private void RedirectTo(int status, Func<ReceivedRequest, string> location) =>
        _server.Handler = (context, request) =>
        {
            if (request.Path.Contains("/moved", StringComparison.Ordinal))
            {
                return LocalServer.Respond(context, 200, Span);
            }

            context.Response.StatusCode = status;
            context.Response.Headers.Location = location(request);
            return Task.CompletedTask;
        };

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(303)]
    [TestCase(307)]
    [TestCase(308)]
    public async Task A_redirect_to_another_origin_arrives_without_the_key(int status)
    {
        RedirectTo(status, _ => new Uri(_other.Root, "/v2/spans/elsewhere").AbsoluteUri);
        using var client = Client(_server.BaseUrl);

        var span = await Real.Ends(client.Spans.GetAsync("s-1"));

        Assert.That(span.Id, Is.EqualTo(Wire.RootSpanId));
        Assert.That(_server.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer " + Real.Key));
        var followed = _other.Requests.Single();
        Assert.That(followed.RawTarget, Is.EqualTo("/v2/spans/elsewhere"));
        Assert.That(followed.Header("Authorization"), Is.Null, "the second origin (another port) never sees the key");
    }

    [Test]
    public async Task A_post_redirected_with_307_to_another_origin_keeps_its_body_but_not_the_key()
    {
        RedirectTo(307, _ => new Uri(_other.Root, "/v2/spans").AbsoluteUri);
        _other.Handler = (context, _) => LocalServer.Respond(context, 201, Examples.Text("CreateSpanResponse.basic.json"));
        using var client = Client(_server.BaseUrl);

        await Real.Ends(client.Spans.CreateAsync(new CreateSpanRequest { Name = "moved" }));

        var followed = _other.Requests.Single();
        Assert.That(followed.Method, Is.EqualTo("POST"));
        Assert.That(followed.Body, Does.Contain("\"moved\""));
        Assert.That(followed.Header("Authorization"), Is.Null);
        Assert.That(_server.Requests.Count(r => r.Method == "POST") + _other.Requests.Count, Is.EqualTo(2), "one POST per server: redirected, not repeated");
    }

    [Test]
    public async Task A_redirect_to_the_same_host_by_another_name_is_another_origin()
    {
        RedirectTo(302, _ => $"http://localhost:{_server.Root.Port}/v2/spans/moved");
        using var client = Client(_server.BaseUrl);

        await Real.Ends(client.Spans.GetAsync("s-1"));

        Assert.That(_server.Requests, Has.Count.EqualTo(2));
        Assert.That(_server.Requests[1].Header("Host"), Does.StartWith("localhost:"));
        Assert.That(_server.Requests[1].Header("Authorization"), Is.Null);
    }

    [TestCase(302)]
    [TestCase(307)]
    public async Task A_redirect_within_the_origin_keeps_the_key(int status)
    {
        RedirectTo(status, _ => "/v2/spans/moved");
        using var client = Client(_server.BaseUrl);

        await Real.Ends(client.Spans.GetAsync("s-1"));

        Assert.That(_server.Requests, Has.Count.EqualTo(2));
        Assert.That(_server.Requests[1].RawTarget, Is.EqualTo("/v2/spans/moved"));
        Assert.That(_server.Requests[1].Header("Authorization"), Is.EqualTo("Bearer " + Real.Key));
    }

    [Test]
    public async Task A_redirect_back_to_the_origin_after_another_origin_stays_without_the_key()
    {
        RedirectTo(302, _ => new Uri(_other.Root, "/v2/spans/bounce").AbsoluteUri);
        _other.Handler = (context, _) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(_server.Root, "/v2/spans/moved").AbsoluteUri;
            return Task.CompletedTask;
        };
        using var client = Client(_server.BaseUrl);

        await Real.Ends(client.Spans.GetAsync("s-1"));

        Assert.That(_server.Requests, Has.Count.EqualTo(2));
        Assert.That(_server.Requests[1].Header("Authorization"), Is.Null, "once the key was withheld it stays withheld");
    }

    [Test]
    public async Task A_redirect_loop_ends_after_a_bounded_number_of_hops()
    {
        RedirectTo(302, request => "/v2/spans/loop-" + request.Index);
        using var client = Client(_server.BaseUrl);

        var ex = await Real.Fails(client.Spans.GetAsync("s-1"));

        Assert.That(ex, Is.TypeOf<OpperApiException>());
        Assert.That(((OpperApiException)ex).StatusCode, Is.EqualTo(302));
        Assert.That(_server.RequestCount, Is.EqualTo(6), "the request and five redirects");
    }

    [Test]
    public async Task A_redirect_from_https_to_http_is_refused()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var https = await LocalServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(_other.Root, "/v2/spans/s-1").AbsoluteUri;
            return Task.CompletedTask;
        }, certificate);
        using var http = SelfSignedCertificate.TrustingClient();
        using var client = new OpperClient(http, new OpperClientOptions { ApiKey = Real.Key, BaseUrl = https.BaseUrl, RetryPolicy = new RecordingRetryPolicy() });

        var ex = await Real.Fails(client.Spans.GetAsync("s-1"));

        Assert.That(ex, Is.InstanceOf<HttpRequestException>());
        Assert.That(ex.Message, Does.Contain("redirected from https to http"));
        Assert.That(https.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer " + Real.Key), "the https server got the key");
        Assert.That(_other.RequestCount, Is.Zero, "the http server got nothing at all");
    }

    [Test]
    public async Task An_https_redirect_to_another_https_origin_arrives_without_the_key()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var second = await LocalServer.StartAsync((context, _) => LocalServer.Respond(context, 200, Span), certificate);
        await using var first = await LocalServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = new Uri(second.Root, "/v2/spans/s-1").AbsoluteUri;
            return Task.CompletedTask;
        }, certificate);
        using var http = SelfSignedCertificate.TrustingClient();
        using var client = new OpperClient(http, new OpperClientOptions { ApiKey = Real.Key, BaseUrl = first.BaseUrl, RetryPolicy = new RecordingRetryPolicy() });

        await Real.Ends(client.Spans.GetAsync("s-1"));

        Assert.That(first.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer " + Real.Key));
        Assert.That(second.Requests.Single().Header("Authorization"), Is.Null);
    }

    // ------------------------------------------------------------ ids and the path

    [TestCase("a/b", "a%2Fb")]
    [TestCase("..", "%2E%2E")]
    [TestCase(".", "%2E")]
    [TestCase("../../admin", "..%2F..%2Fadmin")]
    [TestCase("..\\..\\admin", "..%5C..%5Cadmin")]
    [TestCase("a?b=c", "a%3Fb%3Dc")]
    [TestCase("a#frag", "a%23frag")]
    [TestCase("100%", "100%25")]
    [TestCase("%2F", "%252F")]
    [TestCase("%2e%2e", "%252e%252e")]
    [TestCase("with space", "with%20space")]
    [TestCase("Ünïcödé-日本-🙂", "%C3%9Cn%C3%AFc%C3%B6d%C3%A9-%E6%97%A5%E6%9C%AC-%F0%9F%99%82")]
    [TestCase(";x=1", "%3Bx%3D1")]
    [TestCase("a\tb\r\nc", "a%09b%0D%0Ac")]
    public async Task An_id_reaches_the_server_as_one_escaped_segment(string id, string escaped)
    {
        using var client = Client(_server.BaseUrl);

        await Real.Ends(client.Spans.GetAsync(id));
        await Real.Ends(client.SpanMetrics.GetAsync(id, id));

        var received = _server.Requests;
        Assert.That(received[0].RawTarget, Is.EqualTo("/v2/spans/" + escaped), "the request target on the wire");
        Assert.That(received[1].RawTarget, Is.EqualTo("/v2/spans/" + escaped + "/metrics/" + escaped));
        Assert.That(Uri.UnescapeDataString(received[0].RawTarget.Substring("/v2/spans/".Length)), Is.EqualTo(id), "the server can recover the id exactly");
    }
}
