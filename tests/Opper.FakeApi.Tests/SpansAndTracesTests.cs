using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Opper.Models;

namespace Opper.FakeApi.Tests;

/// <summary>The store behind the fake, driven through the real client.</summary>
[TestFixture]
public class SpansAndTracesTests
{
    private static readonly DateTimeOffset T0 = new(2024, 11, 7, 5, 31, 56, TimeSpan.Zero);

    [Test]
    public async Task Created_spans_come_back_as_one_trace_with_parents_intact()
    {
        await using var api = await FakeOpperApi.StartAsync(new FakeOpperApiOptions { ApiKey = Fake.Key });
        using var client = Fake.Client(api);

        var root = await client.Spans.CreateAsync(new CreateSpanRequest
        {
            Name = "agent_run",
            StartTime = T0,
            EndTime = T0.AddSeconds(3),
            Input = new JObject { ["question"] = "why?" },
            Output = "because",
        });
        var traceId = root.TraceId!;
        var child = await client.Spans.CreateAsync(new CreateSpanRequest { Name = "llm", TraceId = traceId, ParentId = root.Id, StartTime = T0.AddSeconds(1), EndTime = T0.AddSeconds(2), Type = "generation" });
        var grandchild = await client.Spans.CreateAsync(new CreateSpanRequest { Name = "tool", TraceId = traceId, ParentId = child.Id, StartTime = T0.AddMilliseconds(1500), EndTime = T0.AddSeconds(4), Error = "boom" });

        var trace = await client.Traces.GetAsync(traceId);

        Assert.Multiple(() =>
        {
            Assert.That(Guid.TryParse(root.Id, out _) && Guid.TryParse(traceId, out _), Is.True, "generated ids are UUIDs");
            Assert.That(trace.Id, Is.EqualTo(traceId));
            Assert.That(trace.Spans!.Select(s => s.Id), Is.EqualTo(new[] { root.Id, child.Id, grandchild.Id }));
            Assert.That(trace.Spans!.Select(s => s.ParentId), Is.EqualTo(new[] { null, root.Id, child.Id }));
            Assert.That(trace.Name, Is.EqualTo("agent_run"));
            Assert.That(trace.Input, Is.EqualTo("{\"question\":\"why?\"}"));
            Assert.That(trace.Output, Is.EqualTo("because"));
            Assert.That(trace.Status, Is.EqualTo("success"));
            Assert.That(trace.StartTime, Is.EqualTo(T0));
            Assert.That(trace.EndTime, Is.EqualTo(T0.AddSeconds(4)), "the latest end, not the root's");
            Assert.That(trace.DurationMs, Is.EqualTo(4000));
            Assert.That(trace.Spans![1].DurationMs, Is.EqualTo(1000));
            Assert.That(trace.Spans![2].Error, Is.EqualTo("boom"));
            Assert.That(api.Spans, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task Get_patch_and_delete_a_span()
    {
        await using var api = await FakeOpperApi.StartAsync();
        using var client = Fake.Client(api);
        var created = await client.Spans.CreateAsync(new CreateSpanRequest { Id = "span-1", TraceId = "trace-1", Name = "step", Error = "failed once", Meta = new JObject { ["k"] = "v" } });

        var updated = await client.Spans.UpdateAsync("span-1", new UpdateSpanRequest { Output = "done", Error = null });
        var read = await client.Spans.GetAsync("span-1");

        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Is.EqualTo("span-1"));
            Assert.That(created.TraceId, Is.EqualTo("trace-1"));
            Assert.That((string?)updated.Output, Is.EqualTo("done"));
            Assert.That(updated.Error, Is.Null, "an explicit null clears");
            Assert.That(read.Name, Is.EqualTo("step"), "fields not sent are kept");
            Assert.That((string?)read.Meta!["k"], Is.EqualTo("v"));
            Assert.That(read.Error, Is.Null);
        });

        await client.Spans.DeleteAsync("span-1");
        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<OpperNotFoundException>(() => client.Spans.GetAsync("span-1"));
            Assert.ThrowsAsync<OpperNotFoundException>(() => client.Traces.GetAsync("trace-1"), "a trace without spans is gone");
            Assert.ThrowsAsync<OpperNotFoundException>(() => client.Spans.DeleteAsync("span-1"));
            Assert.That(api.Requests.Last().Method, Is.EqualTo("DELETE"));
        });
    }

    [Test]
    public async Task List_pages_in_insertion_order_with_total_count_and_filters_by_exact_name()
    {
        await using var api = await FakeOpperApi.StartAsync();
        using var client = Fake.Client(api);
        for (var i = 0; i < 5; i++)
        {
            await client.Spans.CreateAsync(new CreateSpanRequest { Name = i % 2 == 0 ? "even" : "odd", TraceId = "t" + i });
        }

        var all = await client.Traces.ListAsync();
        var page = await client.Traces.ListAsync(offset: 1, limit: 2);
        var even = await client.Traces.ListAsync(name: "even");
        var none = await client.Traces.ListAsync(name: "eve");
        var past = await client.Traces.ListAsync(offset: 10);

        Assert.Multiple(() =>
        {
            Assert.That(all.Meta.TotalCount, Is.EqualTo(5));
            Assert.That(all.Data.Select(t => t.Id), Is.EqualTo(new[] { "t0", "t1", "t2", "t3", "t4" }));
            Assert.That(page.Meta.TotalCount, Is.EqualTo(5));
            Assert.That(page.Data.Select(t => t.Id), Is.EqualTo(new[] { "t1", "t2" }));
            Assert.That(even.Meta.TotalCount, Is.EqualTo(3));
            Assert.That(even.Data.Select(t => t.Name), Is.All.EqualTo("even"));
            Assert.That(none.Meta.TotalCount, Is.EqualTo(0));
            Assert.That(past.Data, Is.Empty);
            Assert.That(past.Meta.TotalCount, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task A_seeded_trace_is_served_exactly_as_given_and_listed()
    {
        await using var api = await FakeOpperApi.StartAsync();
        using var client = Fake.Client(api);
        var text = Fake.Example("GetTraceResponse.research-assistant.json");
        var expected = JObject.Parse(text);

        var id = api.AddTrace(text);
        var trace = await client.Traces.GetAsync(id);
        var list = await client.Traces.ListAsync(name: (string?)expected["name"]);
        using var http = new HttpClient();
        var raw = await http.GetStringAsync(new Uri(api.BaseUrl, "traces/" + id));

        Assert.Multiple(() =>
        {
            Assert.That(id, Is.EqualTo((string?)expected["id"]));
            Assert.That(raw, Is.EqualTo(text), "the body is the seeded text");
            Assert.That(trace.Spans, Has.Count.EqualTo(((JArray)expected["spans"]!).Count));
            Assert.That(trace.TotalTokens, Is.EqualTo((long?)expected["total_tokens"]));
            Assert.That(list.Data.Single().Id, Is.EqualTo(id));
            Assert.That(api.Traces.Single()["spans"], Is.Not.Null);
        });
    }

    [Test]
    public async Task Seeded_spans_sum_tokens_and_give_the_root_status()
    {
        await using var api = await FakeOpperApi.StartAsync();
        using var client = Fake.Client(api);
        api.AddSpan("""{"id":"c","trace_id":"t","parent_id":"r","name":"llm","data":{"total_tokens":30,"model":"m"}}""");
        api.AddSpan("""{"id":"r","trace_id":"t","name":"run","status":"error","data":{"total_tokens":12}}""");

        var trace = await client.Traces.GetAsync("t");

        Assert.Multiple(() =>
        {
            Assert.That(trace.TotalTokens, Is.EqualTo(42));
            Assert.That(trace.Name, Is.EqualTo("run"), "the root is the span without a parent, not the first");
            Assert.That(trace.Status, Is.EqualTo("error"));
            Assert.That(trace.Spans![0].Data!.Model, Is.EqualTo("m"));
            Assert.That(() => api.AddSpan("""{"id":"r","name":"again"}"""), Throws.InvalidOperationException);
            Assert.That(() => api.AddSpan("""{"id":"x"}"""), Throws.ArgumentException);
        });
    }

    [Test]
    public async Task Free_form_json_is_kept_exactly_as_sent()
    {
        await using var api = await FakeOpperApi.StartAsync();
        using var client = Fake.Client(api);
        const string When = "2024-11-07T07:31:56.1234567+02:00";

        await client.Spans.CreateAsync(new CreateSpanRequest { Id = "s", Name = "n", Meta = new JObject { ["when"] = When }, Input = new JObject { ["at"] = "2024-11-07T05:31:56Z" } });
        var span = await client.Spans.GetAsync("s");

        Assert.Multiple(() =>
        {
            Assert.That(span.Meta!["when"]!.Type, Is.EqualTo(JTokenType.String));
            Assert.That((string?)span.Meta!["when"], Is.EqualTo(When));
            Assert.That((string?)api.Spans.Single()["meta"]!["when"], Is.EqualTo(When));
            Assert.That(api.Traces.Single()["spans"]![0]!["data"]!["input"]!.ToString(), Is.EqualTo("{\"at\":\"2024-11-07T05:31:56Z\"}"));
        });
    }

    [Test]
    public async Task Malformed_or_incomplete_bodies_get_422_and_store_nothing()
    {
        await using var api = await FakeOpperApi.StartAsync();
        using var http = new HttpClient();

        using var malformed = await http.PostAsync(new Uri(api.BaseUrl, "spans"), new StringContent("{\"name\":", Encoding.UTF8, "application/json"));
        using var nameless = await http.PostAsync(new Uri(api.BaseUrl, "spans"), new StringContent("{\"id\":\"a\"}", Encoding.UTF8, "application/json"));
        using var badLimit = await http.GetAsync(new Uri(api.BaseUrl, "traces?limit=many"));

        Assert.Multiple(async () =>
        {
            Assert.That((int)malformed.StatusCode, Is.EqualTo(422));
            Assert.That((string?)JObject.Parse(await malformed.Content.ReadAsStringAsync())["type"], Is.EqualTo("RequestValidationError"));
            Assert.That((int)nameless.StatusCode, Is.EqualTo(422));
            Assert.That((int)badLimit.StatusCode, Is.EqualTo(422));
            Assert.That(api.Spans, Is.Empty);
        });
    }
}
