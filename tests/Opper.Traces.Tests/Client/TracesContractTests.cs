using System;
using System.Net;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>The exact requests of <c>client.Traces</c> and how their responses are read.</summary>
[TestFixture]
public class TracesContractTests
{
    [Test]
    [Operation("list_traces_traces_get")]
    public async Task List_sends_the_filters_as_query_and_reads_the_page()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "PaginatedResponse_ListTracesResponse_.page-1.json");

        var page = await api.Client.Traces.ListAsync(name: "research assistant", offset: 0, limit: 3);

        api.SingleSent().AssertRequest("GET", "/v2/traces?name=research%20assistant&offset=0&limit=3", hasBody: false);
        Assert.Multiple(() =>
        {
            Assert.That(page.Meta.TotalCount, Is.EqualTo(5));
            Assert.That(page.Data, Has.Count.EqualTo(3));
            Assert.That(page.Data[0].Id, Is.EqualTo("e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7"));
            Assert.That(page.Data[0].Name, Is.EqualTo("support_ticket_triage"));
            Assert.That(page.Data[0].EndTime, Is.Null, "an in-progress trace has no end");
            Assert.That(page.Data[0].DurationMs, Is.Null);
            Assert.That(page.Data[0].Status, Is.Null);
            Assert.That(page.Data[1].Id, Is.EqualTo(Wire.TraceId));
            Assert.That(page.Data[1].StartTime, Is.EqualTo(new DateTimeOffset(2024, 11, 7, 5, 31, 56, TimeSpan.Zero).AddTicks(1234560)));
            Assert.That(page.Data[1].DurationMs, Is.EqualTo(18734));
            Assert.That(page.Data[1].Status, Is.EqualTo("success"));
        });
    }

    [Test]
    [Operation("list_traces_traces_get")]
    public async Task List_without_arguments_sends_no_query_string()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "PaginatedResponse_ListTracesResponse_.page-2.json");

        var page = await api.Client.Traces.ListAsync();

        api.SingleSent().AssertRequest("GET", "/v2/traces", hasBody: false);
        Assert.That(page.Data, Has.Count.EqualTo(2));
        Assert.That(page.Data[0].Output, Is.EqualTo("Hello world"));
        Assert.That(page.Data[0].TotalTokens, Is.EqualTo(96));
    }

    [Test]
    [Operation("list_traces_traces_get")]
    public async Task List_escapes_query_values()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "PaginatedResponse_ListTracesResponse_.page-2.json");

        await api.Client.Traces.ListAsync(name: "a&b=c d/é?#", limit: 10);

        api.SingleSent().AssertRequest("GET", "/v2/traces?name=a%26b%3Dc%20d%2F%C3%A9%3F%23&limit=10", hasBody: false);
    }

    [Test]
    [Operation("get_trace_traces__trace_id__get")]
    public async Task Get_sends_the_trace_id_in_the_path_and_reads_every_span()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "GetTraceResponse.research-assistant.json");

        var trace = await api.Client.Traces.GetAsync(Wire.TraceId);

        api.SingleSent().AssertRequest("GET", "/v2/traces/" + Wire.TraceId, hasBody: false);
        Assert.Multiple(() =>
        {
            Assert.That(trace.Id, Is.EqualTo(Wire.TraceId));
            Assert.That(trace.Name, Is.EqualTo("research_assistant_1731000000"));
            Assert.That(trace.DurationMs, Is.EqualTo(18734));
            Assert.That(trace.Status, Is.EqualTo("success"));
            Assert.That(trace.EndTime, Is.EqualTo(new DateTimeOffset(2024, 11, 7, 5, 32, 14, TimeSpan.Zero).AddTicks(8580230)));
            Assert.That(trace.Input, Does.StartWith("{\"question\": \"What are the key factors"));
            Assert.That(trace.Spans, Has.Count.EqualTo(17));

            var root = trace.Spans![0];
            Assert.That(root.Id, Is.EqualTo(Wire.RootSpanId));
            Assert.That(root.ParentId, Is.Null);
            Assert.That(root.Type, Is.EqualTo("call"));
            Assert.That(root.Score, Is.EqualTo(8));
            Assert.That(root.Meta!["requested_at"]!.Type, Is.EqualTo(JTokenType.String), "a date-looking meta string stays a string");
            Assert.That((string?)root.Meta["requested_at"], Is.EqualTo("2024-11-07T05:31:56Z"));
            Assert.That(root.Meta["billing"]!["account_sequence"]!.ToString(), Is.EqualTo("12345678901234567890"));

            var timedOut = trace.Spans[6];
            Assert.That(timedOut.Name, Is.EqualTo("fetch_page"));
            Assert.That(timedOut.Error, Does.StartWith("TimeoutError:"));
            Assert.That(timedOut.Score, Is.EqualTo(0));

            var merge = trace.Spans[12];
            Assert.That(merge.Data!.Model, Is.EqualTo("anthropic/claude-3-5-sonnet"));
            Assert.That(trace.Spans[1].Data, Is.Null);
        });
    }
}
