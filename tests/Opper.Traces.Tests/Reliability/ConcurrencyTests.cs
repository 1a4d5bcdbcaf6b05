using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;
using Opper.Traces.Tests.Reliability.Support;

namespace Opper.Traces.Tests.Reliability;

/// <summary>
/// One client shared by 64 concurrent tasks against a real server: every call gets its own
/// answer, nothing fails, the connection pool stays small, memory stays bounded; and under
/// injected faults every call ends in a value or a documented exception, and no POST is sent
/// twice. Correctness only: speed is measured by the load program (tests/Opper.Traces.LoadTest).
/// </summary>
[TestFixture]
[NonParallelizable] // measures process memory
public class ConcurrencyTests
{
    private const int Concurrency = 64;

    private static readonly string TraceTemplate = Examples.Text("GetTraceResponse.research-assistant.json");
    private static readonly string SpanTemplate = Examples.Text("GetSpanResponse.with-feedback.json");
    private static readonly string CreatedTemplate = Examples.Text("CreateSpanResponse.basic.json");

    /// <summary>Answers with the example for the route, its id replaced by the id the request asked for.</summary>
    private static Task Echo(HttpContext context, ReceivedRequest request)
    {
        var id = Uri.UnescapeDataString(request.RawTarget.Substring(request.RawTarget.LastIndexOf('/') + 1));
        if (request.Method == "POST")
        {
            var created = JObject.Parse(CreatedTemplate);
            created["name"] = JObject.Parse(request.Body)["name"];
            return LocalServer.Respond(context, 201, created.ToString());
        }

        var body = JObject.Parse(request.RawTarget.StartsWith("/v2/traces/", StringComparison.Ordinal) ? TraceTemplate : SpanTemplate);
        body["id"] = id;
        return LocalServer.Respond(context, 200, body.ToString());
    }

    private static async Task<string> Call(OpperClient client, int i) => (i % 4) switch
    {
        0 => (await client.Traces.GetAsync("trace-" + i)).Id,
        1 => (await client.Spans.CreateAsync(new CreateSpanRequest { Name = "span-" + i })).Name,
        _ => (await client.Spans.GetAsync("span-" + i)).Id,
    };

    private static string Expected(int i) => (i % 4) switch
    {
        0 => "trace-" + i,
        _ => "span-" + i,
    };

    private static async Task RunConcurrently(int calls, Func<int, Task> call)
    {
        var next = -1;
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                await call(i);
            }
        }));
        await Real.Ends(Task.WhenAll(workers));
    }

    [Test]
    public async Task Sixty_four_tasks_share_one_client_without_failures_or_crossed_answers()
    {
        const int calls = 2_000;
        await using var server = await LocalServer.StartAsync(Echo);
        server.RecordRequests = false;
        using var client = Real.Client(server.BaseUrl, new RecordingRetryPolicy());
        await Call(client, 0); // warm up: JIT and the first connection

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var wrong = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<Exception>();
        await RunConcurrently(calls, async i =>
        {
            try
            {
                var answer = await Call(client, i);
                if (answer != Expected(i))
                {
                    wrong.Add($"call {i} got {answer}");
                }
            }
            catch (Exception ex)
            {
                failures.Add(ex);
            }
        });
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(3)));
        Assert.That(wrong, Is.Empty, "each call got the answer to its own request");
        Assert.That(server.RequestCount, Is.EqualTo(calls + 1), "no call was sent twice or lost");
        // The pool may open a connection while another one is on its way back to it, so a few over
        // the concurrency are not a leak; one per call (2,000) or a steady climb would be.
        Assert.That(server.PeakOpenConnections, Is.LessThanOrEqualTo(Concurrency + 4), "about one connection per concurrent call");
        Assert.That(server.ConnectionsOpened, Is.LessThanOrEqualTo(Concurrency + 4), "connections are reused, not opened per call");
        Assert.That(memoryAfter - memoryBefore, Is.LessThan(64L * 1024 * 1024), "memory does not grow with the number of calls");
    }

    [Test]
    public async Task Under_injected_faults_every_call_ends_in_a_value_or_a_documented_exception()
    {
        const int calls = 1_000;
        var posts = new ConcurrentDictionary<string, int>();
        await using var server = await LocalServer.StartAsync(async (context, request) =>
        {
            if (request.Method == "POST")
            {
                posts.AddOrUpdate(request.Body, 1, (_, n) => n + 1);
            }

            switch (request.Index % 10)
            {
                case 0:
                    await LocalServer.Respond(context, 503, "{\"message\":\"busy\"}", "application/json", ("Retry-After", "0"));
                    break;
                case 1:
                    context.Abort();
                    break;
                case 2:
                    var bytes = Encoding.UTF8.GetBytes(TraceTemplate);
                    context.Response.ContentLength = bytes.Length;
                    await context.Response.Body.WriteAsync(bytes.AsMemory(0, 100), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    context.Abort();
                    break;
                case 3:
                    await LocalServer.Respond(context, 200, "{\"id\": [", "application/json");
                    break;
                default:
                    await Echo(context, request);
                    break;
            }
        });
        var retries = new RecordingRetryPolicy();
        using var client = Real.Client(server.BaseUrl, retries);

        var outcomes = new ConcurrentDictionary<string, int>();
        var unexpected = new ConcurrentBag<string>();
        await RunConcurrently(calls, async i =>
        {
            string outcome;
            try
            {
                var answer = await Call(client, i);
                outcome = answer == Expected(i) ? "value" : "WRONG VALUE " + answer;
            }
            catch (Exception ex) when (ex is OpperServerException or HttpRequestException or OpperSerializationException)
            {
                outcome = ex.GetType().Name;
            }
            catch (Exception ex)
            {
                outcome = "unexpected " + ex.GetType().Name;
                unexpected.Add(ex.ToString());
            }

            outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        });

        TestContext.Out.WriteLine(string.Join(", ", outcomes.Select(o => o.Key + ": " + o.Value)));
        Assert.That(unexpected, Is.Empty, string.Join("\n", unexpected.Take(3)));
        Assert.That(outcomes.Keys.Where(k => k.StartsWith("WRONG", StringComparison.Ordinal)), Is.Empty);
        Assert.That(outcomes.Values.Sum(), Is.EqualTo(calls), "every call ended");
        Assert.That((outcomes.TryGetValue("value", out var values) ? values : 0), Is.GreaterThan(calls / 2), "most calls succeed (GETs through their retries)");
        Assert.That(posts.Values, Has.All.EqualTo(1), "no POST body was received twice");
        Assert.That(posts, Has.Count.EqualTo(calls / 4), "every POST was received once");
        Assert.That(server.RequestCount, Is.LessThanOrEqualTo(calls * 3), "at most MaxRetries + 1 attempts per call");

        server.Handler = Echo;
        Assert.That(await Real.Ends(Call(client, 2)), Is.EqualTo(Expected(2)), "the client works after the storm");
    }
}
