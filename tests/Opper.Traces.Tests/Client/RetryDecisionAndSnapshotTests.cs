using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>
/// Retry decisions can be overridden (<see cref="OpperRetryPolicy.ShouldRetry"/>), and a client
/// keeps a snapshot of its options: changing them, or their retry policy, after it is built
/// changes nothing.
/// </summary>
[TestFixture]
public class RetryDecisionAndSnapshotTests
{
    /// <summary>Retries what the test says; records what it was asked.</summary>
    private sealed class DecidingPolicy : RecordingRetryPolicy
    {
        private readonly Func<int, Exception, bool> _decide;

        public DecidingPolicy(Func<int, Exception, bool> decide) => _decide = decide;

        public List<(int Retry, Exception Exception)> Asked { get; } = new();

        public override bool ShouldRetry(int retry, Exception exception)
        {
            Asked.Add((retry, exception));
            return _decide(retry, exception);
        }
    }

    [Test]
    public async Task Should_retry_can_retry_a_status_the_default_does_not()
    {
        var policy = new DecidingPolicy((_, ex) => ex is OpperConflictException);
        using var api = new MockApi(o => o.RetryPolicy = policy);
        api.Reply(HttpStatusCode.Conflict, "{}");
        api.ReplyExample(HttpStatusCode.OK, "GetSpanResponse.with-feedback.json");

        var span = await api.Client.Spans.GetAsync(Wire.RootSpanId);

        Assert.That(span.Id, Is.EqualTo(Wire.RootSpanId));
        Assert.That(api.Sent, Has.Count.EqualTo(2));
        Assert.That(policy.Asked.Select(a => (a.Retry, a.Exception.GetType())), Is.EqualTo(new[] { (1, typeof(OpperConflictException)) }));
    }

    [Test]
    public void Should_retry_can_refuse_what_the_default_retries()
    {
        var policy = new DecidingPolicy((_, _) => false);
        using var api = new MockApi(o => o.RetryPolicy = policy);
        api.Fail(new HttpRequestException("connection reset"));

        Assert.ThrowsAsync<HttpRequestException>(() => api.Client.Traces.GetAsync(Wire.TraceId));

        Assert.That(api.Sent, Has.Count.EqualTo(1));
        Assert.That(policy.Asked.Single().Exception, Is.TypeOf<HttpRequestException>());
        Assert.That(policy.Delays, Is.Empty);
    }

    [Test]
    public void Should_retry_is_not_asked_for_a_post_which_is_never_retried()
    {
        var policy = new DecidingPolicy((_, _) => true);
        using var api = new MockApi(o => o.RetryPolicy = policy);
        api.Reply(HttpStatusCode.ServiceUnavailable, "{}");

        Assert.ThrowsAsync<OpperServerException>(() => api.Client.Spans.CreateAsync(new Opper.Models.CreateSpanRequest { Name = "x" }));

        Assert.That(api.Sent, Has.Count.EqualTo(1));
        Assert.That(policy.Asked, Is.Empty);
    }

    [Test]
    public void The_default_decision_retries_transient_failures_only()
    {
        var policy = new OpperRetryPolicy();
        Assert.Multiple(() =>
        {
            Assert.That(policy.ShouldRetry(1, new OpperServerException("x", 503)), Is.True);
            Assert.That(policy.ShouldRetry(1, new OpperRateLimitException("x")), Is.True);
            Assert.That(policy.ShouldRetry(1, new OpperTimeoutException("x", 1)), Is.True);
            Assert.That(policy.ShouldRetry(1, new HttpRequestException("x")), Is.True);
            Assert.That(policy.ShouldRetry(1, new OpperServerException("x", 501)), Is.False);
            Assert.That(policy.ShouldRetry(1, new OpperNotFoundException("x")), Is.False);
            Assert.That(policy.ShouldRetry(1, new InvalidOperationException("x")), Is.False);
        });
    }

    [Test]
    public async Task Changing_the_options_after_the_client_is_built_changes_nothing()
    {
        using var api = new MockApi(o =>
        {
            o.MaxRetries = 2;
            o.DefaultHeaders["X-Team"] = "tracing";
            o.UserAgentSuffix = "app/1.0";
        });
        api.Options.MaxRetries = 0;
        api.Options.ApiKey = "another-key-0000";
        api.Options.BaseUrl = new Uri("https://elsewhere.example.test/v9");
        api.Options.DefaultHeaders["X-Team"] = "changed";
        api.Options.UserAgentSuffix = "changed/2.0";
        api.Retries.InitialDelay = TimeSpan.FromSeconds(30);
        api.Retries.MaxDelay = TimeSpan.FromSeconds(60);
        api.Options.RetryPolicy = new OpperRetryPolicy();
        api.Reply(HttpStatusCode.ServiceUnavailable, "{}");
        api.Reply(HttpStatusCode.ServiceUnavailable, "{}");
        api.ReplyExample(HttpStatusCode.OK, "GetSpanResponse.with-feedback.json");

        await api.Client.Spans.GetAsync(Wire.RootSpanId);

        Assert.That(api.Sent, Has.Count.EqualTo(3), "MaxRetries as built");
        Assert.That(api.Retries.Delays, Has.Count.EqualTo(2), "the retry policy as built records the waits");
        Assert.That(api.Retries.Delays, Has.All.LessThan(TimeSpan.FromSeconds(2)), "the delays as built (0.5 s, then 1 s, plus jitter)");
        foreach (var sent in api.Sent)
        {
            Assert.That(sent.Uri.Host, Is.EqualTo(MockApi.BaseUrl.Host));
            Assert.That(sent.Header("Authorization"), Is.EqualTo("Bearer " + MockApi.ApiKey));
            Assert.That(sent.Header("X-Team"), Is.EqualTo("tracing"));
            Assert.That(sent.Header("User-Agent"), Does.EndWith(" app/1.0"));
        }
    }
}
