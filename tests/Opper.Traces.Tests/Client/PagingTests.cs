using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary><c>ListAllAsync</c> pages with offset/limit until the reported total is reached or a page is short.</summary>
[TestFixture]
public class PagingTests
{
    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>A page of the given trace items (from the two example pages) with the given total.</summary>
    private static string TracePage(long total, params int[] items)
    {
        var all = ((JArray)Examples.Json("PaginatedResponse_ListTracesResponse_.page-1.json")["data"]!)
            .Concat((JArray)Examples.Json("PaginatedResponse_ListTracesResponse_.page-2.json")["data"]!)
            .ToList();
        return new JObject
        {
            ["meta"] = new JObject { ["total_count"] = total },
            ["data"] = new JArray(items.Select(i => all[i])),
        }.ToString(Formatting.None);
    }

    private static string[] Queries(MockApi api) => api.Sent.Select(s => s.Uri.Query).ToArray();

    [Test]
    public async Task Traces_are_listed_across_the_example_pages()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "PaginatedResponse_ListTracesResponse_.page-1.json");
        api.ReplyExample(HttpStatusCode.OK, "PaginatedResponse_ListTracesResponse_.page-2.json");

        var traces = await ToListAsync(api.Client.Traces.ListAllAsync(pageSize: 3));

        Assert.That(traces.Select(t => t.Name), Is.EqualTo(new[]
        {
            "support_ticket_triage", "research_assistant_1731000000", (string?)Examples.Json("PaginatedResponse_ListTracesResponse_.page-1.json")["data"]![2]!["name"],
            "translate_text", (string?)Examples.Json("PaginatedResponse_ListTracesResponse_.page-2.json")["data"]![1]!["name"],
        }));
        Assert.That(Queries(api), Is.EqualTo(new[] { "?offset=0&limit=3", "?offset=3&limit=3" }));
        Assert.That(api.Sent.Select(s => s.Uri.AbsolutePath).Distinct(), Is.EqualTo(new[] { "/v2/traces" }));
    }

    [Test]
    public async Task The_name_filter_is_sent_with_every_page()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, TracePage(3, 0, 1));
        api.Reply(HttpStatusCode.OK, TracePage(3, 2));

        var traces = await ToListAsync(api.Client.Traces.ListAllAsync(name: "triage", pageSize: 2));

        Assert.That(traces, Has.Count.EqualTo(3));
        Assert.That(Queries(api), Is.EqualTo(new[] { "?name=triage&offset=0&limit=2", "?name=triage&offset=2&limit=2" }));
    }

    [Test]
    public async Task Paging_stops_when_the_total_is_reached_even_after_a_full_page()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, TracePage(4, 0, 1));
        api.Reply(HttpStatusCode.OK, TracePage(4, 2, 3));

        var traces = await ToListAsync(api.Client.Traces.ListAllAsync(pageSize: 2));

        Assert.That(traces, Has.Count.EqualTo(4));
        Assert.That(api.Sent, Has.Count.EqualTo(2), "no third request: the total of 4 was reached");
    }

    [Test]
    public async Task Paging_stops_at_a_short_page()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "PaginatedResponse_ListTracesResponse_.page-1.json");

        var traces = await ToListAsync(api.Client.Traces.ListAllAsync());

        Assert.That(traces, Has.Count.EqualTo(3));
        Assert.That(Queries(api), Is.EqualTo(new[] { "?offset=0&limit=100" }), "the default page size is 100");
    }

    [Test]
    public async Task Paging_stops_at_an_empty_page()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, TracePage(10, 0, 1));
        api.Reply(HttpStatusCode.OK, TracePage(10));

        var traces = await ToListAsync(api.Client.Traces.ListAllAsync(pageSize: 2));

        Assert.That(traces, Has.Count.EqualTo(2));
        Assert.That(api.Sent, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Pages_are_fetched_only_as_items_are_consumed()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, TracePage(5, 0, 1));

        await foreach (var trace in api.Client.Traces.ListAllAsync(pageSize: 2))
        {
            Assert.That(trace.Id, Is.Not.Empty);
            break;
        }

        Assert.That(api.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Span_metrics_are_listed_across_pages()
    {
        using var api = new MockApi();
        var example = (JObject)Examples.Json("PaginatedResponse_ListSpanMetricsResponse_.basic.json");
        foreach (var item in (JArray)example["data"]!)
        {
            api.Reply(HttpStatusCode.OK, new JObject { ["meta"] = example["meta"]!.DeepClone(), ["data"] = new JArray(item.DeepClone()) }.ToString());
        }

        var metrics = await ToListAsync(api.Client.SpanMetrics.ListAllAsync(Wire.RootSpanId, pageSize: 1));

        Assert.That(metrics.Select(m => m.Dimension), Is.EqualTo(new[] { "relevance", "faithfulness" }));
        Assert.That(api.Sent.Select(s => s.Uri.PathAndQuery), Is.EqualTo(new[]
        {
            "/v2/spans/" + Wire.RootSpanId + "/metrics?offset=0&limit=1",
            "/v2/spans/" + Wire.RootSpanId + "/metrics?offset=1&limit=1",
        }));
    }

    [Test]
    public void The_page_size_must_be_positive()
    {
        using var api = new MockApi();

        Assert.Throws<ArgumentOutOfRangeException>(() => api.Client.Traces.ListAllAsync(pageSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => api.Client.SpanMetrics.ListAllAsync(Wire.RootSpanId, pageSize: -1));
    }

    [Test]
    public void An_error_on_a_later_page_is_thrown_from_the_enumeration()
    {
        using var api = new MockApi(o => o.MaxRetries = 0);
        api.Reply(HttpStatusCode.OK, TracePage(5, 0, 1));
        api.ReplyExample(HttpStatusCode.Unauthorized, "UnauthorizedError.basic.json");

        var seen = new List<string>();
        Assert.ThrowsAsync<OpperUnauthorizedException>(async () =>
        {
            await foreach (var trace in api.Client.Traces.ListAllAsync(pageSize: 2))
            {
                seen.Add(trace.Id);
            }
        });

        Assert.That(seen, Has.Count.EqualTo(2));
    }

    [Test]
    public void Cancelling_the_enumeration_stops_it()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, TracePage(5, 0, 1));
        using var cts = new CancellationTokenSource();

        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var trace in api.Client.Traces.ListAllAsync(pageSize: 2).WithCancellation(cts.Token))
            {
                cts.Cancel();
            }
        });

        Assert.That(api.Sent, Has.Count.EqualTo(1));
    }
}
