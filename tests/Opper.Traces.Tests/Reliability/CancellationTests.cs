using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;
using Opper.Traces.Tests.Reliability.Support;

namespace Opper.Traces.Tests.Reliability;

/// <summary>
/// Cancelling the caller's token at every stage of a call against a real server — before it is
/// sent, while waiting for headers, during the body (success or error), during a retry delay —
/// ends the call promptly (within the hang guard) with <see cref="OperationCanceledException"/>
/// on that token, sends nothing more, and leaves the client usable: the next call succeeds.
/// </summary>
[TestFixture]
public class CancellationTests
{
    private static readonly string Trace = Examples.Text("GetTraceResponse.research-assistant.json");

    private LocalServer _server = null!;
    private RecordingRetryPolicy _retries = null!;
    private TaskCompletionSource _reached = null!;

    [SetUp]
    public async Task StartServer()
    {
        _server = await LocalServer.StartAsync();
        _retries = new RecordingRetryPolicy();
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    /// <summary>Starts the call, cancels once the server (or the retry) reached the stage, and checks the outcome.</summary>
    private async Task AssertCancelledAtStage(Func<OpperClient, CancellationToken, Task> call, int expectedRequests, Action<OpperClientOptions>? configure = null)
    {
        using var client = Real.Client(_server.BaseUrl, _retries, configure);
        using var cts = new CancellationTokenSource();
        var running = call(client, cts.Token);

        await Real.Ends(_reached.Task);
        cts.Cancel();
        var ex = await Real.Fails(running);

        Assert.That(ex, Is.InstanceOf<OperationCanceledException>(), ex.ToString());
        Assert.That(ex, Is.Not.InstanceOf<TimeoutException>());
        Assert.That(((OperationCanceledException)ex).CancellationToken, Is.EqualTo(cts.Token), "cancelled by the caller's token");
        Assert.That(_server.RequestCount, Is.EqualTo(expectedRequests), "a cancelled call is not retried");

        _server.Handler = (context, _) => LocalServer.Respond(context, 200, Trace);
        var trace = await Real.Ends(client.Traces.GetAsync("after"));
        Assert.That(trace.Spans, Has.Count.EqualTo(17), "the client works after the cancellation");
    }

    [Test]
    public async Task Before_the_request_is_sent()
    {
        using var client = Real.Client(_server.BaseUrl, _retries);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var ex = await Real.Fails(client.Traces.GetAsync("t-1", cts.Token));

        Assert.That(ex, Is.InstanceOf<OperationCanceledException>());
        Assert.That(_server.RequestCount, Is.Zero, "nothing was sent");
        _server.Handler = (context, _) => LocalServer.Respond(context, 200, Trace);
        Assert.That((await Real.Ends(client.Traces.GetAsync("after"))).Spans, Has.Count.EqualTo(17));
    }

    [Test]
    public async Task While_waiting_for_the_response_headers()
    {
        _server.Handler = (context, _) =>
        {
            _reached.TrySetResult();
            return LocalServer.Hang(context);
        };

        await AssertCancelledAtStage((c, ct) => c.Traces.GetAsync("t-1", ct), expectedRequests: 1);
    }

    [Test]
    public async Task While_waiting_for_the_response_headers_of_a_post()
    {
        _server.Handler = (context, _) =>
        {
            _reached.TrySetResult();
            return LocalServer.Hang(context);
        };

        await AssertCancelledAtStage((c, ct) => c.Spans.CreateAsync(new CreateSpanRequest { Name = "n" }, ct), expectedRequests: 1);
    }

    private Task HalfABody(HttpContext context, int status) => HalfABody(context, status, _reached);

    private static async Task HalfABody(HttpContext context, int status, TaskCompletionSource reached)
    {
        var bytes = Encoding.UTF8.GetBytes(Trace);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        reached.TrySetResult();
        await LocalServer.Hang(context);
    }

    [Test]
    public async Task While_reading_the_body()
    {
        _server.Handler = (context, _) => HalfABody(context, 200);

        await AssertCancelledAtStage((c, ct) => c.Traces.GetAsync("t-1", ct), expectedRequests: 1);
    }

    [Test]
    public async Task While_reading_an_error_body()
    {
        _server.Handler = (context, _) => HalfABody(context, 503);

        await AssertCancelledAtStage((c, ct) => c.Traces.GetAsync("t-1", ct), expectedRequests: 1);
    }

    [Test]
    public async Task During_a_retry_delay()
    {
        _server.Handler = (context, _) => LocalServer.Respond(context, 503, "{}", "application/json", ("Retry-After", "30"));
        _retries.Wait = true; // really wait, on the caller's token
        _retries.OnDelay = _ => _reached.TrySetResult();

        await AssertCancelledAtStage((c, ct) => c.Traces.GetAsync("t-1", ct), expectedRequests: 1);
        Assert.That(_retries.Delays[0], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)), "the 30 s wait had begun");
    }

    [Test]
    public async Task Cancelling_many_calls_at_every_stage_at_once_leaves_the_pool_working()
    {
        // Half the calls hang waiting for headers, half in the middle of the body; all are
        // cancelled together, then the same client makes calls that succeed.
        var stage = 0;
        _server.Handler = (context, _) => Interlocked.Increment(ref stage) % 2 == 0
            ? LocalServer.Hang(context)
            : HalfABody(context, 200, new TaskCompletionSource());
        using var client = Real.Client(_server.BaseUrl, _retries);
        using var cts = new CancellationTokenSource();
        var calls = new Task[32];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = client.Traces.GetAsync("t-" + i, cts.Token);
        }

        await Real.Ends(Task.Run(async () =>
        {
            while (_server.RequestCount < calls.Length)
            {
                await Task.Delay(10);
            }
        }));

        cts.Cancel();
        foreach (var call in calls)
        {
            Assert.That(await Real.Fails(call), Is.InstanceOf<OperationCanceledException>());
        }

        _server.Handler = (context, _) => LocalServer.Respond(context, 200, Trace);
        for (var i = 0; i < 8; i++)
        {
            Assert.That((await Real.Ends(client.Traces.GetAsync("after-" + i))).Spans, Has.Count.EqualTo(17));
        }
    }
}
