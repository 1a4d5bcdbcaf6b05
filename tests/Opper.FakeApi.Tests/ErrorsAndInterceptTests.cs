using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Opper.Models;

namespace Opper.FakeApi.Tests;

/// <summary>Error answers, the interceptor and the request counters.</summary>
[TestFixture]
public class ErrorsAndInterceptTests
{
    [Test]
    public async Task An_unknown_trace_is_a_404_NotFoundError()
    {
        await using var api = await FakeOpperApi.StartAsync();
        using var client = Fake.Client(api);

        var e = Assert.ThrowsAsync<OpperNotFoundException>(() => client.Traces.GetAsync("nope"));

        Assert.Multiple(() =>
        {
            Assert.That(e!.StatusCode, Is.EqualTo(404));
            Assert.That(e.ErrorType, Is.EqualTo("NotFoundError"));
            Assert.That(e.ErrorMessage, Is.EqualTo("The resource was not found"));
            Assert.That((string?)e.Detail, Is.EqualTo("Trace nope not found"));
        });
    }

    [Test]
    public async Task A_wrong_key_is_a_401_UnauthorizedError_and_the_right_key_passes()
    {
        await using var api = await FakeOpperApi.StartAsync(new FakeOpperApiOptions { ApiKey = Fake.Key });
        using var wrong = Fake.Client(api, key: "another-key");
        using var right = Fake.Client(api);

        var e = Assert.ThrowsAsync<OpperUnauthorizedException>(() => wrong.Traces.ListAsync());
        var list = await right.Traces.ListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(e!.ErrorType, Is.EqualTo("UnauthorizedError"));
            Assert.That((string?)e.Detail, Is.EqualTo("The API key is invalid"));
            Assert.That(list.Meta.TotalCount, Is.EqualTo(0));
            Assert.That(api.Requests.Select(r => r.Header("Authorization")), Is.EqualTo(new[] { "Bearer another-key", "Bearer " + Fake.Key }));
        });
    }

    [Test]
    public async Task A_duplicate_span_id_is_a_409_ConflictError_unless_turned_off()
    {
        await using var strict = await FakeOpperApi.StartAsync();
        await using var lenient = await FakeOpperApi.StartAsync(new FakeOpperApiOptions { ConflictOnDuplicateSpanId = false });
        using var strictClient = Fake.Client(strict);
        using var lenientClient = Fake.Client(lenient);
        foreach (var client in new[] { strictClient, lenientClient })
        {
            await client.Spans.CreateAsync(new CreateSpanRequest { Id = "dup", Name = "first" });
        }

        var e = Assert.ThrowsAsync<OpperConflictException>(() => strictClient.Spans.CreateAsync(new CreateSpanRequest { Id = "dup", Name = "second" }));
        var replaced = await lenientClient.Spans.CreateAsync(new CreateSpanRequest { Id = "dup", Name = "second" });

        Assert.Multiple(() =>
        {
            Assert.That(e!.ErrorType, Is.EqualTo("ConflictError"));
            Assert.That(e.ErrorMessage, Is.EqualTo("The resource already exists"));
            Assert.That((string?)strict.Spans.Single()["name"], Is.EqualTo("first"));
            Assert.That(replaced.Name, Is.EqualTo("second"));
            Assert.That((string?)lenient.Spans.Single()["name"], Is.EqualTo("second"));
        });
    }

    [Test]
    public async Task The_interceptor_answers_503_once_then_lets_the_retry_through()
    {
        var calls = 0;
        await using var api = await FakeOpperApi.StartAsync(new FakeOpperApiOptions
        {
            Intercept = (request, _) => Task.FromResult(request.Index == 0 && Interlocked.Increment(ref calls) == 1
                ? FakeResponse.Error(503, "ServiceUnavailable", "Try again", "busy", retryAfter: 0)
                : null),
        });
        api.AddSpan("""{"id":"s","trace_id":"t","name":"n"}""");
        using var client = Fake.Client(api);

        var trace = await client.Traces.GetAsync("t");

        Assert.Multiple(() =>
        {
            Assert.That(trace.Name, Is.EqualTo("n"));
            Assert.That(api.Requests.Select(r => r.Index), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(api.Requests.Select(r => r.ToString()), Is.All.EqualTo("GET /v2/traces/t"));
        });
    }

    [Test]
    public async Task A_retry_after_above_the_clients_limit_reaches_the_caller()
    {
        await using var api = await FakeOpperApi.StartAsync(new FakeOpperApiOptions
        {
            Intercept = (_, _) => Task.FromResult<FakeResponse?>(FakeResponse.Error(429, "RateLimitError", "Slow down", "too many", retryAfter: 120)),
        });
        using var client = Fake.Client(api);

        var e = Assert.ThrowsAsync<OpperRateLimitException>(() => client.Traces.ListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(e!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
            Assert.That(api.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Concurrent_requests_held_by_the_interceptor_are_counted_at_their_peak()
    {
        const int Parallel = 5;
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = await FakeOpperApi.StartAsync(new FakeOpperApiOptions
        {
            Intercept = async (_, ct) =>
            {
                if (Interlocked.Increment(ref arrived) == Parallel)
                {
                    allArrived.SetResult();
                }

                await allArrived.Task.WaitAsync(ct);
                return null;
            },
        });
        api.AddSpan("""{"id":"s","trace_id":"t","name":"n"}""");
        using var client = Fake.Client(api, maxRetries: 0);

        var traces = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => client.Traces.GetAsync("t")));

        Assert.Multiple(() =>
        {
            Assert.That(traces.Select(t => t.Id), Is.All.EqualTo("t"));
            Assert.That(api.MaxConcurrentRequests, Is.EqualTo(Parallel));
            Assert.That(api.CurrentConcurrentRequests, Is.EqualTo(0));
        });

        api.ResetRequests();
        await client.Traces.GetAsync("t");
        Assert.Multiple(() =>
        {
            Assert.That(api.MaxConcurrentRequests, Is.EqualTo(1));
            Assert.That(api.Requests.Single().Index, Is.EqualTo(Parallel));
        });
    }

    [Test]
    public async Task A_hung_request_ends_when_the_client_cancels_and_stops_counting()
    {
        await using var api = await FakeOpperApi.StartAsync(new FakeOpperApiOptions
        {
            Intercept = (_, _) => Task.FromResult<FakeResponse?>(FakeResponse.Hang()),
        });
        using var client = Fake.Client(api, maxRetries: 0);
        using var cts = new CancellationTokenSource();

        var call = client.Traces.GetAsync("t", cts.Token);
        while (api.CurrentConcurrentRequests == 0)
        {
            await Task.Delay(5);
        }

        await cts.CancelAsync();
        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (api.CurrentConcurrentRequests != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.That(api.CurrentConcurrentRequests, Is.EqualTo(0), "the server lets go of a request its client abandoned");
    }

    [Test]
    public async Task Disposing_the_server_ends_a_hung_request_without_an_answer()
    {
        var api = await FakeOpperApi.StartAsync(new FakeOpperApiOptions
        {
            Intercept = (_, _) => Task.FromResult<FakeResponse?>(FakeResponse.Hang()),
        });
        using var client = Fake.Client(api, maxRetries: 0);
        var call = client.Traces.GetAsync("t");
        while (api.CurrentConcurrentRequests == 0)
        {
            await Task.Delay(5);
        }

        var disposing = api.DisposeAsync().AsTask();
        var first = await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.SameAs(disposing), "DisposeAsync returned while a request hung");
            Assert.That(async () => await call, Throws.Exception, "the client sees a failure, not a success");
            Assert.That(api.CurrentConcurrentRequests, Is.EqualTo(0));
        });
    }
}
