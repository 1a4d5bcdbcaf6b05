using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>
/// Idempotent calls are retried on 429/5xx and transport failures, up to MaxRetries; POST and
/// PATCH never are. Waits are recorded by <see cref="RecordingRetryPolicy"/>, never slept.
/// </summary>
[TestFixture]
public class RetryTests
{
    private static readonly int[] RetryableStatuses = { 429, 500, 502, 503, 504 };

    [TestCaseSource(nameof(RetryableStatuses))]
    public async Task A_get_is_retried_until_it_succeeds(int status)
    {
        using var api = new MockApi();
        api.Reply((HttpStatusCode)status, "{}");
        api.Reply((HttpStatusCode)status, "{}");
        api.ReplyExample(HttpStatusCode.OK, "GetSpanResponse.with-feedback.json");

        var span = await api.Client.Spans.GetAsync(Wire.RootSpanId);

        Assert.That(span.Id, Is.EqualTo(Wire.RootSpanId));
        Assert.That(api.Sent, Has.Count.EqualTo(3));
        Assert.That(api.Retries.Delays, Has.Count.EqualTo(2));
    }

    [TestCaseSource(nameof(RetryableStatuses))]
    public void A_get_gives_up_after_max_retries_plus_one_attempts(int status)
    {
        using var api = new MockApi(o => o.MaxRetries = 2);
        for (var i = 0; i < 3; i++)
        {
            api.Reply((HttpStatusCode)status, "{}", "application/json", ("x-request-id", "attempt-" + i));
        }

        var ex = Assert.CatchAsync<OpperApiException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.StatusCode, Is.EqualTo(status));
        Assert.That(ex.RequestId, Is.EqualTo("attempt-2"), "the error is the last attempt's");
        Assert.That(api.Sent, Has.Count.EqualTo(3));
        Assert.That(api.Retries.Delays, Has.Count.EqualTo(2));
    }

    [Test]
    public void Max_retries_zero_means_one_attempt()
    {
        using var api = new MockApi(o => o.MaxRetries = 0);
        api.Reply(HttpStatusCode.ServiceUnavailable, "{}");

        Assert.ThrowsAsync<OpperServerException>(() => api.Client.Traces.GetAsync(Wire.TraceId));

        Assert.That(api.Sent, Has.Count.EqualTo(1));
        Assert.That(api.Retries.Delays, Is.Empty);
    }

    [Test]
    public async Task A_delete_is_retried()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.BadGateway, "{}");
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.SpanMetrics.DeleteAsync(Wire.RootSpanId, Wire.MetricId);

        Assert.That(api.Sent.Select(s => s.Method), Is.EqualTo(new[] { "DELETE", "DELETE" }));
    }

    [TestCaseSource(nameof(RetryableStatuses))]
    public void A_post_is_never_retried(int status)
    {
        using var api = new MockApi();
        api.Reply((HttpStatusCode)status, "{}");

        var ex = Assert.CatchAsync<OpperApiException>(() => api.Client.Spans.CreateAsync(new CreateSpanRequest { Name = "n" }))!;

        Assert.That(ex.StatusCode, Is.EqualTo(status));
        Assert.That(api.Sent, Has.Count.EqualTo(1));
        Assert.That(api.Retries.Delays, Is.Empty);
    }

    [TestCaseSource(nameof(RetryableStatuses))]
    public void A_patch_is_never_retried(int status)
    {
        using var api = new MockApi();
        api.Reply((HttpStatusCode)status, "{}");

        Assert.CatchAsync<OpperApiException>(() => api.Client.SpanMetrics.UpdateAsync(Wire.RootSpanId, Wire.MetricId, new UpdateSpanMetricRequest { Value = 1 }));

        Assert.That(api.Sent, Has.Count.EqualTo(1));
    }

    [TestCase(400)]
    [TestCase(401)]
    [TestCase(404)]
    [TestCase(409)]
    [TestCase(422)]
    [TestCase(501)]
    public void Other_statuses_are_not_retried(int status)
    {
        using var api = new MockApi();
        api.Reply((HttpStatusCode)status, "{}");

        Assert.CatchAsync<OpperApiException>(() => api.Client.Traces.GetAsync(Wire.TraceId));

        Assert.That(api.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_transport_failure_of_a_get_is_retried()
    {
        using var api = new MockApi();
        api.Fail(new HttpRequestException("Connection reset by peer"));
        api.Fail(new HttpRequestException("Connection refused"));
        api.ReplyExample(HttpStatusCode.OK, "GetTraceResponse.research-assistant.json");

        var trace = await api.Client.Traces.GetAsync(Wire.TraceId);

        Assert.That(trace.Spans, Has.Count.EqualTo(17));
        Assert.That(api.Sent, Has.Count.EqualTo(3));
    }

    [Test]
    public void Transport_failures_on_every_attempt_throw_the_last_one()
    {
        using var api = new MockApi();
        api.Fail(new HttpRequestException("first"));
        api.Fail(new HttpRequestException("second"));
        api.Fail(new HttpRequestException("third"));

        var ex = Assert.ThrowsAsync<HttpRequestException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.Message, Is.EqualTo("third"));
        Assert.That(api.Sent, Has.Count.EqualTo(3));
    }

    [Test]
    public void A_transport_failure_of_a_post_is_not_retried()
    {
        using var api = new MockApi();
        api.Fail(new HttpRequestException("Connection reset by peer"));

        Assert.ThrowsAsync<HttpRequestException>(() => api.Client.Functions.CreateAsync(new CreateFunctionRequest { Name = "f", Instructions = "i" }));

        Assert.That(api.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Backoff_grows_between_retries()
    {
        using var api = new MockApi(o => o.MaxRetries = 3);
        api.Reply(HttpStatusCode.ServiceUnavailable, "{}");
        api.Reply(HttpStatusCode.ServiceUnavailable, "{}");
        api.Reply(HttpStatusCode.ServiceUnavailable, "{}");
        api.ReplyExample(HttpStatusCode.OK, "GetTraceResponse.research-assistant.json");

        await api.Client.Traces.GetAsync(Wire.TraceId);

        var delays = api.Retries.Delays;
        Assert.That(delays, Has.Count.EqualTo(3));
        Assert.That(delays[0], Is.GreaterThan(TimeSpan.Zero));
        Assert.That(delays[1], Is.GreaterThan(delays[0]));
        Assert.That(delays[2], Is.GreaterThan(delays[1]));
    }

    [Test]
    public async Task Retry_after_in_seconds_is_waited_at_least()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "7"));
        api.ReplyExample(HttpStatusCode.OK, "GetTraceResponse.research-assistant.json");

        await api.Client.Traces.GetAsync(Wire.TraceId);

        Assert.That(api.Retries.Delays.Single(), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task Retry_after_as_an_http_date_is_waited_at_least()
    {
        using var api = new MockApi();
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        api.Reply(HttpStatusCode.ServiceUnavailable, "{}", "application/json", ("Retry-After", until.ToString("r", CultureInfo.InvariantCulture)));
        api.ReplyExample(HttpStatusCode.OK, "GetTraceResponse.research-assistant.json");

        await api.Client.Traces.GetAsync(Wire.TraceId);

        // The header has whole seconds; the wait must reach the second it names.
        var named = DateTimeOffset.ParseExact(until.ToString("r", CultureInfo.InvariantCulture), "r", CultureInfo.InvariantCulture);
        Assert.That(api.Retries.Delays.Single(), Is.GreaterThanOrEqualTo(named - DateTimeOffset.UtcNow));
    }

    [Test]
    public void A_retry_after_over_60_seconds_is_not_waited_for()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.TooManyRequests, """{"type":"RateLimitError","message":"Too many requests"}""", "application/json", ("Retry-After", "120"));

        var ex = Assert.ThrowsAsync<OpperRateLimitException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(api.Sent, Has.Count.EqualTo(1));
        Assert.That(api.Retries.Delays, Is.Empty);
    }

    [Test]
    public void A_retry_after_date_more_than_60_seconds_away_is_not_waited_for()
    {
        using var api = new MockApi();
        var until = DateTimeOffset.UtcNow.AddMinutes(10);
        api.Reply(HttpStatusCode.ServiceUnavailable, "{}", "application/json", ("Retry-After", until.ToString("r", CultureInfo.InvariantCulture)));

        var ex = Assert.ThrowsAsync<OpperServerException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.RetryAfter, Is.GreaterThan(TimeSpan.FromMinutes(9)).And.LessThanOrEqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(api.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public void The_rate_limit_exception_reports_retry_after_even_when_retries_are_off()
    {
        using var api = new MockApi(o => o.MaxRetries = 0);
        api.Reply(HttpStatusCode.TooManyRequests, "{}", "application/json", ("Retry-After", "3"));

        var ex = Assert.ThrowsAsync<OpperRateLimitException>(() => api.Client.Spans.CreateAsync(new CreateSpanRequest { Name = "n" }))!;

        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void Max_retries_cannot_be_negative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpperClientOptions { MaxRetries = -1 });
    }
}
