using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>
/// A cancelled token ends a call at once, whatever the retries; <c>Timeout</c> bounds each
/// attempt and the last timed-out attempt throws a <see cref="TimeoutException"/>. Hanging
/// servers end only through the tokens, so these tests take milliseconds.
/// </summary>
[TestFixture]
public class CancellationAndTimeoutTests
{
    private static readonly TimeSpan Tiny = TimeSpan.FromMilliseconds(50);

    public static IEnumerable<TestCaseData> AllOperations() =>
        OperationCalls.All.Keys.Select(id => new TestCaseData(id).SetArgDisplayNames(id));

    [TestCaseSource(nameof(AllOperations))]
    public void A_cancelled_token_throws_before_anything_is_sent(string operationId)
    {
        using var api = new MockApi();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => OperationCalls.Call(api.Client, operationId, cts.Token));

        Assert.That(api.Sent, Is.Empty);
    }

    [Test]
    public void Cancelling_while_the_server_is_silent_throws_operation_canceled()
    {
        using var api = new MockApi();
        api.Hang();
        using var cts = new CancellationTokenSource();

        var call = api.Client.Traces.GetAsync(Wire.TraceId, cts.Token);
        cts.CancelAfter(Tiny);

        var ex = Assert.CatchAsync<OperationCanceledException>(() => call)!;
        Assert.That(ex, Is.Not.InstanceOf<TimeoutException>());
        Assert.That(ex.CancellationToken, Is.EqualTo(cts.Token));
        Assert.That(api.Sent, Has.Count.EqualTo(1), "a cancelled call is not retried");
    }

    [Test]
    public void Cancelling_during_a_retry_delay_throws_operation_canceled()
    {
        using var cts = new CancellationTokenSource();
        using var api = new MockApi(o =>
        {
            // The client keeps a copy of its retry policy: set it up before the client is built.
            var retries = (RecordingRetryPolicy)o.RetryPolicy;
            retries.Wait = true;
            retries.OnDelay = _ => cts.CancelAfter(Tiny);
        });
        api.Reply(HttpStatusCode.ServiceUnavailable, "{}", "application/json", ("Retry-After", "30"));

        Assert.CatchAsync<OperationCanceledException>(() => api.Client.Traces.GetAsync(Wire.TraceId, cts.Token));

        Assert.That(api.Retries.Delays.Single(), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)), "the wait had begun");
        Assert.That(api.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public void Each_attempt_is_bounded_and_the_last_timeout_throws_timeout_exception()
    {
        using var api = new MockApi(o =>
        {
            o.Timeout = Tiny;
            o.MaxRetries = 2;
        });
        api.Hang();
        api.Hang();
        api.Hang();

        var ex = Assert.CatchAsync<TimeoutException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex, Is.InstanceOf<OpperTimeoutException>());
        Assert.That(ex.Message, Does.Contain("timed out"));
        Assert.That(((OpperTimeoutException)ex).Attempts, Is.EqualTo(3));
        Assert.That(api.Sent, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_timed_out_attempt_is_retried()
    {
        // Long enough for the second attempt's trivial 204 on a busy machine, short enough to be quick.
        using var api = new MockApi(o => o.Timeout = TimeSpan.FromMilliseconds(250));
        api.Hang();
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.Spans.DeleteAsync(Wire.RootSpanId);

        Assert.That(api.Sent, Has.Count.EqualTo(2));
        Assert.That(api.Retries.Delays, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_timed_out_post_is_not_retried()
    {
        using var api = new MockApi(o => o.Timeout = Tiny);
        api.Hang();

        var ex = Assert.CatchAsync<TimeoutException>(() => api.Client.Spans.CreateAsync(new CreateSpanRequest { Name = "n" }))!;

        Assert.That(ex.Message, Does.Contain("timed out"));
        Assert.That(api.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public void The_http_clients_own_timeout_is_a_timeout_too()
    {
        using var api = new MockApi(o => o.Timeout = Timeout.InfiniteTimeSpan);
        api.Http.Timeout = Tiny;
        api.Hang();
        api.Hang();
        api.Hang();

        var ex = Assert.CatchAsync<TimeoutException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex, Is.InstanceOf<OpperTimeoutException>());
        Assert.That(ex.Message, Does.Contain("timed out").And.Contain("HttpClient"));
        Assert.That(api.Sent, Has.Count.EqualTo(3), "a timed-out GET is retried whichever timer ended it");
    }

    [Test]
    public void The_timeout_must_be_positive_or_infinite()
    {
        var options = new OpperClientOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.FromSeconds(-1));
        Assert.DoesNotThrow(() => options.Timeout = Timeout.InfiniteTimeSpan);
    }
}
