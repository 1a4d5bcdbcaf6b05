using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Opper.FakeApi;
using Opper.Models;

namespace Opper.Traces.Tests.Client;

/// <summary><see cref="TracesClient.GetManyAsync"/> against the loopback fake API, which counts requests in flight.</summary>
[TestFixture]
public class GetManyTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(40);

    /// <summary>A fake holding <paramref name="count"/> copies of the example trace (ids trace-000…), each GET taking <paramref name="delay"/>.</summary>
    private static async Task<FakeOpperApi> StartAsync(int count, TimeSpan delay, Func<FakeRequest, FakeResponse?>? answer = null)
    {
        var options = new FakeOpperApiOptions
        {
            Intercept = async (request, ct) =>
            {
                if (answer?.Invoke(request) is { } response)
                {
                    return response;
                }

                if (request.Path.Contains("/traces/", StringComparison.Ordinal))
                {
                    await Task.Delay(delay, ct);
                }

                return null;
            },
        };
        FakeOpperApi api = await FakeOpperApi.StartAsync(options);
        JObject sample = JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "examples", "GetTraceResponse.research-assistant.json")));
        for (int i = 0; i < count; i++)
        {
            sample["id"] = Id(i);
            sample["name"] = i % 2 == 0 ? "even" : "odd";
            api.AddTrace(sample.ToString());
        }

        return api;
    }

    private static string Id(int i) => "trace-" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    private static OpperClient Client(FakeOpperApi api) =>
        new OpperClient(new OpperClientOptions { ApiKey = "k", BaseUrl = api.BaseUrl, MaxRetries = 0 });

    private static FakeRequest[] Fetches(FakeOpperApi api) =>
        api.Requests.Where(r => r.Path.Contains("/traces/", StringComparison.Ordinal)).ToArray();

    private static FakeRequest[] Lists(FakeOpperApi api) =>
        api.Requests.Where(r => r.Path.EndsWith("/traces", StringComparison.Ordinal)).ToArray();

    [Test]
    public async Task Fetches_at_most_maxConcurrency_at_once_and_yields_in_list_order()
    {
        await using FakeOpperApi api = await StartAsync(30, Slow);
        using OpperClient client = Client(api);

        var ids = new List<string?>();
        await foreach (GetTraceResponse trace in client.Traces.GetManyAsync(limit: 25, maxConcurrency: 4))
        {
            ids.Add(trace.Id);
            Assert.That(trace.Spans, Has.Count.EqualTo(17));
        }

        Assert.That(ids, Is.EqualTo(Enumerable.Range(0, 25).Select(Id)));
        Assert.That(api.MaxConcurrentRequests, Is.EqualTo(4), "never more than asked, and the window is used");
        Assert.That(Fetches(api), Has.Length.EqualTo(25));
        Assert.That(Lists(api).Select(r => r.QueryValue("limit")), Is.EqualTo(new[] { "25" }));
    }

    [Test]
    public async Task Filters_by_name_and_pages_through_the_list()
    {
        await using FakeOpperApi api = await StartAsync(250, TimeSpan.Zero);
        using OpperClient client = Client(api);

        var ids = new List<string?>();
        await foreach (GetTraceResponse trace in client.Traces.GetManyAsync(name: "odd", limit: 120, maxConcurrency: 1))
        {
            ids.Add(trace.Id);
        }

        Assert.That(ids, Is.EqualTo(Enumerable.Range(0, 120).Select(i => Id((2 * i) + 1))));
        Assert.That(Lists(api).Select(r => r.QueryValue("offset")), Is.EqualTo(new[] { "0", "100" }));
        Assert.That(Lists(api).All(r => r.QueryValue("name") == "odd"), Is.True);
        Assert.That(api.MaxConcurrentRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task Without_onError_the_first_failed_fetch_ends_the_enumeration_with_its_exception()
    {
        await using FakeOpperApi api = await StartAsync(40, Slow, request =>
            request.Path.EndsWith(Id(6), StringComparison.Ordinal) ? FakeResponse.Error(404, "NotFoundError", "gone", "Trace not found") : null);
        using OpperClient client = Client(api);

        var ids = new List<string?>();
        var error = Assert.ThrowsAsync<OpperNotFoundException>(async () =>
        {
            await foreach (GetTraceResponse trace in client.Traces.GetManyAsync(limit: 40, maxConcurrency: 4))
            {
                ids.Add(trace.Id);
            }
        });

        Assert.That(error!.StatusCode, Is.EqualTo(404));
        Assert.That(ids, Is.EqualTo(Enumerable.Range(0, ids.Count).Select(Id)), "a prefix of the list, in order");
        Assert.That(ids, Has.Count.LessThanOrEqualTo(6));

        // Requests already on the wire may reach the server a moment later; none is started after.
        await Task.Delay(300);
        Assert.That(Fetches(api), Has.Length.LessThanOrEqualTo(6 + 4), "nothing fetched beyond the window");
        Assert.That(api.CurrentConcurrentRequests, Is.Zero);
    }

    [Test]
    public async Task With_onError_failures_are_reported_and_skipped()
    {
        await using FakeOpperApi api = await StartAsync(20, TimeSpan.Zero, request =>
            request.Path.EndsWith(Id(3), StringComparison.Ordinal) || request.Path.EndsWith(Id(11), StringComparison.Ordinal)
                ? FakeResponse.Error(500, "InternalError", "boom", "Internal error")
                : null);
        using OpperClient client = Client(api);

        var failures = new List<(string Id, Exception Error)>();
        var ids = new List<string?>();
        await foreach (GetTraceResponse trace in client.Traces.GetManyAsync(limit: 20, maxConcurrency: 3, onError: (id, ex) => failures.Add((id, ex))))
        {
            ids.Add(trace.Id);
        }

        Assert.That(ids, Is.EqualTo(Enumerable.Range(0, 20).Where(i => i != 3 && i != 11).Select(Id)));
        Assert.That(failures.Select(f => f.Id), Is.EqualTo(new[] { Id(3), Id(11) }));
        Assert.That(failures.Select(f => f.Error), Is.All.InstanceOf<OpperServerException>());
    }

    [Test]
    public async Task Cancellation_stops_listing_and_fetching()
    {
        await using FakeOpperApi api = await StartAsync(250, TimeSpan.FromMilliseconds(100));
        using OpperClient client = Client(api);
        using var cts = new CancellationTokenSource();

        int read = 0;
        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), async () =>
        {
            await foreach (GetTraceResponse trace in client.Traces.GetManyAsync(limit: 250, maxConcurrency: 4, cancellationToken: cts.Token))
            {
                if (++read == 3)
                {
                    cts.Cancel();
                }
            }
        });

        Assert.That(read, Is.EqualTo(3));

        // Requests already on the wire may reach the server a moment later; none is started after.
        await Task.Delay(300);
        Assert.That(Fetches(api), Has.Length.LessThanOrEqualTo(3 + 4), "of 250 traces, only the window is fetched");
        Assert.That(Lists(api), Has.Length.EqualTo(1), "the second page of the list is never asked for");
    }

    [Test]
    public async Task Breaking_out_early_cancels_the_fetches_in_flight()
    {
        await using FakeOpperApi api = await StartAsync(30, TimeSpan.FromMilliseconds(100));
        using OpperClient client = Client(api);

        await foreach (GetTraceResponse trace in client.Traces.GetManyAsync(limit: 30, maxConcurrency: 5))
        {
            break;
        }

        await Task.Delay(300);
        Assert.That(Fetches(api), Has.Length.LessThanOrEqualTo(1 + 5), "of 30 traces, only the window is fetched");
    }

    [Test]
    public void Arguments_are_checked_when_called()
    {
        using var client = new OpperClient(new OpperClientOptions { ApiKey = "k" });
        Assert.Throws<ArgumentOutOfRangeException>(() => client.Traces.GetManyAsync(limit: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.Traces.GetManyAsync(maxConcurrency: 0));
    }

    [Test]
    public async Task Statistics_fold_the_traces_as_they_arrive()
    {
        await using FakeOpperApi api = await StartAsync(12, TimeSpan.Zero);
        using OpperClient client = Client(api);

        TraceStatistics stats = await TraceStatistics.FromAsync(client.Traces.GetManyAsync(name: "even"));

        Assert.That(stats.TraceCount, Is.EqualTo(6));
        Assert.That(stats.SpanCount, Is.EqualTo(6 * 17));
        Assert.That(stats.ByTraceName.Keys, Is.EqualTo(new[] { "even" }));
        Assert.That(stats.ByTraceName["even"].ErrorCount, Is.EqualTo(6));
    }
}
