using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RichardSzalay.MockHttp;

namespace Opper.Traces.Tests.Client.Support;

/// <summary>
/// An <see cref="OpperClient"/> wired to a <see cref="MockHttpMessageHandler"/>: queue the
/// responses with <see cref="Reply"/> (one per expected request, in order), call the client,
/// then assert on <see cref="Sent"/>. Retries never sleep: <see cref="Retries"/> records the
/// delays instead. A request nobody queued a response for fails the call.
/// </summary>
internal sealed class MockApi : IDisposable
{
    /// <summary>A recognisable key: tests assert that it never leaks into errors.</summary>
    public const string ApiKey = "opper-test-key-Zq7W2xLm9Rt4Kp0d";

    public static readonly Uri BaseUrl = new("https://api.opper.ai/v2");

    private readonly ConcurrentQueue<SentRequest> _sent = new();

    public MockApi(Action<OpperClientOptions>? configure = null)
    {
        Handler = new MockHttpMessageHandler();
        Handler.Fallback.Throw(new InvalidOperationException("The client sent a request that the test did not queue a response for."));
        Http = Handler.ToHttpClient();
        Options = new OpperClientOptions { ApiKey = ApiKey, BaseUrl = BaseUrl, RetryPolicy = Retries };
        configure?.Invoke(Options);
        Client = new OpperClient(Http, Options);
    }

    public MockHttpMessageHandler Handler { get; }

    public HttpClient Http { get; }

    public RecordingRetryPolicy Retries { get; } = new();

    public OpperClientOptions Options { get; }

    public OpperClient Client { get; }

    /// <summary>The requests the client sent, in order.</summary>
    public IReadOnlyList<SentRequest> Sent => _sent.ToArray();

    /// <summary>The one request the client sent (fails when it sent none or several).</summary>
    public SentRequest SingleSent()
    {
        var sent = Sent;
        Assert.That(sent, Has.Count.EqualTo(1), "requests sent: " + string.Join(", ", sent.Select(s => s.Method + " " + s.Uri)));
        return sent[0];
    }

    /// <summary>Queues the response to the next request.</summary>
    public void Reply(HttpStatusCode status, string? body = null, string mediaType = "application/json", params (string Name, string Value)[] headers) =>
        Enqueue((_, _) => Task.FromResult(Response(status, body, mediaType, headers)));

    /// <summary>Queues a response built by the test (for bodies that are not strings).</summary>
    public void Reply(Func<HttpResponseMessage> response) => Enqueue((_, _) => Task.FromResult(response()));

    /// <summary>Queues a response whose body is a file of <c>spec/examples</c>.</summary>
    public void ReplyExample(HttpStatusCode status, string exampleFile, params (string Name, string Value)[] headers) =>
        Reply(status, Examples.Text(exampleFile), "application/json", headers);

    /// <summary>Queues a transport failure (the connection broke).</summary>
    public void Fail(Exception exception) => Enqueue((_, _) => throw exception);

    /// <summary>Queues a server that never answers: the request ends only when its token is cancelled.</summary>
    public void Hang() => Enqueue(async (_, cancellationToken) =>
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    });

    /// <summary>Answers every request (in any number, from any thread) with <paramref name="respond"/>.</summary>
    public void ReplyAlways(Func<SentRequest, HttpResponseMessage> respond) =>
        Handler.AddBackendDefinition(new Recorder(this, (sent, _) => Task.FromResult(respond(sent))));

    public static HttpResponseMessage Response(HttpStatusCode status, string? body, string mediaType = "application/json", params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }

        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public void Dispose()
    {
        Client.Dispose();
        Http.Dispose();
        Handler.Dispose();
    }

    private void Enqueue(Func<SentRequest, CancellationToken, Task<HttpResponseMessage>> respond) =>
        Handler.AddRequestExpectation(new Recorder(this, respond));

    /// <summary>A MockHttp request that matches anything, records it and answers with a function of it.</summary>
    private sealed class Recorder : IMockedRequest
    {
        private readonly MockApi _api;
        private readonly Func<SentRequest, CancellationToken, Task<HttpResponseMessage>> _respond;

        public Recorder(MockApi api, Func<SentRequest, CancellationToken, Task<HttpResponseMessage>> respond)
        {
            _api = api;
            _respond = respond;
        }

        // MockHttp asks exactly one mocked request per request whether it matches, at once; it
        // answers later, and not at all when the call is cancelled first. So requests are
        // recorded here, where none can be missed.
        public bool Matches(HttpRequestMessage request)
        {
            _api._sent.Enqueue(SentRequest.Capture(request));
            return true;
        }

        // MockHttp completes the call only when this returns a task that succeeds or is cancelled
        // (a faulted task would hang the call): a transport failure is thrown, not returned.
        public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _respond(_api._sent.Last(s => ReferenceEquals(s.Message, request)), cancellationToken);
    }
}
