using System;
using System.Net;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>PATCH bodies send what the caller set and nothing else; a field set to null is sent as <c>null</c>.</summary>
[TestFixture]
public class PatchBodyTests
{
    private static async Task<string?> SentBody(Func<OpperClient, Task> call, string responseExample)
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, responseExample);
        await call(api.Client);
        return api.SingleSent().Body;
    }

    private static Task<string?> SpanPatch(UpdateSpanRequest body) =>
        SentBody(c => c.Spans.UpdateAsync(Wire.FetchPageSpanId, body), "UpdateSpanResponse.basic.json");

    private static Task<string?> MetricPatch(UpdateSpanMetricRequest body) =>
        SentBody(c => c.SpanMetrics.UpdateAsync(Wire.RootSpanId, Wire.MetricId, body), "UpdateSpanMetricResponse.basic.json");

    [Test]
    public async Task An_empty_span_update_sends_an_empty_object()
    {
        JsonAssert.AreEqual("{}", await SpanPatch(new UpdateSpanRequest()));
    }

    [Test]
    public async Task A_span_update_sends_only_the_fields_set()
    {
        var body = new UpdateSpanRequest { Name = "renamed", Score = 3 };

        JsonAssert.AreEqual("""{"name":"renamed","score":3}""", await SpanPatch(body));
    }

    [Test]
    public async Task A_span_field_set_to_null_is_sent_as_null()
    {
        var body = new UpdateSpanRequest { Error = null, Meta = null, EndTime = null };

        JsonAssert.AreEqual("""{"error":null,"meta":null,"end_time":null}""", await SpanPatch(body));
    }

    [Test]
    public async Task A_span_field_set_then_cleared_is_still_sent_as_null()
    {
        var body = new UpdateSpanRequest { Output = "draft" };
        body.Output = null;

        JsonAssert.AreEqual("""{"output":null}""", await SpanPatch(body));
    }

    [Test]
    public async Task Span_update_values_are_written_in_their_json_types()
    {
        var body = new UpdateSpanRequest
        {
            EndTime = new DateTimeOffset(2024, 11, 7, 5, 32, 0, TimeSpan.Zero).AddTicks(1348480),
            Meta = new JObject { ["at"] = "2024-11-07T05:31:56Z", ["n"] = 1 },
        };

        JsonAssert.AreEqual("""{"end_time":"2024-11-07T05:32:00.134848Z","meta":{"at":"2024-11-07T05:31:56Z","n":1}}""", await SpanPatch(body));
    }

    [Test]
    public async Task A_metric_update_sends_only_the_fields_set()
    {
        JsonAssert.AreEqual("""{"value":0.5}""", await MetricPatch(new UpdateSpanMetricRequest { Value = 0.5 }));
    }

    [Test]
    public async Task A_metric_field_set_to_null_is_sent_as_null()
    {
        JsonAssert.AreEqual("""{"comment":null}""", await MetricPatch(new UpdateSpanMetricRequest { Comment = null }));
    }

    [Test]
    public void The_example_partial_update_reads_back_as_set_fields_only()
    {
        var body = Examples.Read<UpdateSpanRequest>("UpdateSpanRequest.partial.json");

        Assert.Multiple(() =>
        {
            Assert.That(body.IsSet("output"), Is.True);
            Assert.That(body.IsSet("error"), Is.True, "an explicit null is set");
            Assert.That(body.Error, Is.Null);
            Assert.That(body.IsSet("name"), Is.False);
            Assert.That(body.IsSet("meta"), Is.False);
        });
    }
}
