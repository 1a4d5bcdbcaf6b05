using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using Opper.Models;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Otlp;

/// <summary>The rules of the written document, each read from the JSON itself.</summary>
public class OtlpWriteTests
{
    [Test]
    public void One_resource_named_opper_one_scope_and_the_spans_in_input_order()
    {
        GetTraceResponse trace = Trace(
            Span("c", start: 30, duration: 1),
            Span("a", "c", start: 10, duration: 1),
            Span("b", "c", start: 20, duration: 1));
        JObject doc = Write(trace);

        var resourceSpans = (JArray)doc["resourceSpans"]!;
        Assert.That(resourceSpans, Has.Count.EqualTo(1));
        Assert.That(Attributes(resourceSpans[0]!["resource"]!)["service.name"], Is.EqualTo(new JObject { ["stringValue"] = "opper" }));
        var scopeSpans = (JArray)resourceSpans[0]!["scopeSpans"]!;
        Assert.That(scopeSpans, Has.Count.EqualTo(1));
        Assert.That((string?)scopeSpans[0]!["scope"]!["name"], Is.EqualTo("Opper.Traces"));
        Assert.That(Spans(doc).Select(s => (string?)s["name"]), Is.EqualTo(new[] { "c", "a", "b" }));
    }

    [Test]
    public void An_empty_trace_has_an_empty_spans_list()
    {
        JObject doc = Write(new GetTraceResponse { Id = "t", Spans = new List<SpanSchema>() });

        Assert.That(doc["resourceSpans"]![0]!["scopeSpans"]![0]!["spans"], Is.EqualTo(new JArray()));
    }

    [Test]
    public void A_uuid_trace_id_gives_its_hex_digits_and_other_ids_the_sha256_of_their_text()
    {
        var uuid = Trace(Span("a", start: 0, duration: 1));
        uuid.Id = "0F7C2A91-4C5D-4B8E-9A1F-2D6C8E0B5A37";
        var text = Trace(Span("a", start: 0, duration: 1));
        text.Id = "trace #42";

        byte[] hash;
        using (SHA256 sha = SHA256.Create())
        {
            hash = sha.ComputeHash(Encoding.UTF8.GetBytes("trace #42"));
        }

        string expected = string.Concat(hash.Take(16).Select(b => b.ToString("x2")));
        Assert.That((string?)Spans(Write(uuid))[0]["traceId"], Is.EqualTo("0f7c2a914c5d4b8e9a1f2d6c8e0b5a37"));
        Assert.That((string?)Spans(Write(text))[0]["traceId"], Is.EqualTo(expected));
        Assert.That(OtlpJson.ToOtlpTraceId("trace #42"), Is.EqualTo(expected));
    }

    [Test]
    public void Span_ids_are_unique_deterministic_and_parents_follow_the_tree()
    {
        GetTraceResponse trace = OtlpFixtures.Get("duplicate-ids");
        trace.Spans!.Add(Span("orphan", "nowhere", start: 1, duration: 1));
        trace.Spans.Add(Span("x", "y", start: 1, duration: 1));
        trace.Spans.Add(Span("y", "x", start: 2, duration: 1));
        List<JObject> spans = Spans(Write(trace));
        List<JObject> again = Spans(Write(trace));
        SpanTree tree = trace.BuildTree();
        var nodes = tree.Walk().OrderBy(n => n.Index).ToList();

        Assert.That(spans.Select(s => (string?)s["spanId"]).Distinct().Count(), Is.EqualTo(spans.Count), "unique");
        Assert.That(again.Select(s => (string?)s["spanId"]), Is.EqualTo(spans.Select(s => (string?)s["spanId"])), "deterministic");
        for (int i = 0; i < spans.Count; i++)
        {
            SpanNode? parent = nodes[i].Parent;
            string? expected = parent is null ? null : (string?)spans[parent.Index]["spanId"];
            Assert.That((string?)spans[i]["parentSpanId"], Is.EqualTo(expected), "parent of span " + i);
            Assert.That(Attributes(spans[i]).TryGetValue("opper.parent_id", out JObject? original) ? (string?)original["stringValue"] : null, Is.EqualTo(trace.Spans[i].ParentId));
            Assert.That((string?)Attributes(spans[i])["opper.span.id"]!["stringValue"], Is.EqualTo(trace.Spans[i].Id));
        }

        Assert.That(spans[4]["parentSpanId"], Is.Null, "an orphan is a root");
        Assert.That(spans[5]["parentSpanId"], Is.Null, "the first span of a cycle is cut from its parent");
        Assert.That((string?)spans[6]["parentSpanId"], Is.EqualTo((string?)spans[5]["spanId"]));
    }

    [Test]
    public void A_uuid_span_id_gives_its_first_16_hex_digits()
    {
        GetTraceResponse trace = Trace(Span("ABCDEF01-2345-4678-9abc-def012345678", start: 0, duration: 1));

        Assert.That((string?)Spans(Write(trace))[0]["spanId"], Is.EqualTo("abcdef0123454678"));
    }

    [Test]
    public void Times_are_nanoseconds_with_the_duration_and_a_mark_on_invented_starts()
    {
        GetTraceResponse trace = Trace(
            Span("known", start: 1.5, duration: 250),
            Span("computed", start: 0, end: 100.25),
            Span("no-duration", start: 10),
            Span("no-start", duration: 40),
            Span("nothing"));
        trace.StartTime = T0;
        List<JObject> spans = Spans(Write(trace));
        long t0 = (T0.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

        Assert.Multiple(() =>
        {
            Assert.That((string?)spans[0]["startTimeUnixNano"], Is.EqualTo((t0 + 1_500_000).ToString()));
            Assert.That((string?)spans[0]["endTimeUnixNano"], Is.EqualTo((t0 + 251_500_000).ToString()));
            Assert.That((string?)Attributes(spans[0])["opper.duration_ms"]!["intValue"], Is.EqualTo("250"));
            Assert.That((string?)spans[1]["endTimeUnixNano"], Is.EqualTo((t0 + 100_000_000).ToString()), "floored duration");
            Assert.That((string?)spans[2]["endTimeUnixNano"], Is.EqualTo((string?)spans[2]["startTimeUnixNano"]));
            Assert.That(Attributes(spans[2]).ContainsKey("opper.duration_ms"), Is.False);
            Assert.That((string?)spans[3]["startTimeUnixNano"], Is.EqualTo(t0.ToString()), "the trace's start");
            Assert.That((bool?)Attributes(spans[3])["opper.start_time_unknown"]!["boolValue"], Is.True);
            Assert.That((string?)spans[3]["endTimeUnixNano"], Is.EqualTo((t0 + 40_000_000).ToString()));
            Assert.That(Attributes(spans[0]).ContainsKey("opper.start_time_unknown"), Is.False);
        });

        trace.StartTime = null;
        Assert.That((string?)Spans(Write(trace))[4]["startTimeUnixNano"], Is.EqualTo("0"), "no start anywhere: 0");
    }

    [Test]
    public void Model_kind_operation_tokens_score_and_status()
    {
        GetTraceResponse trace = OtlpFixtures.Simple();
        trace.Spans![0].Data = new SpanData { Model = "gpt-4o" };
        List<JObject> spans = Spans(Write(trace));
        Dictionary<string, JObject> llm = Attributes(spans[1]);
        Dictionary<string, JObject> agent = Attributes(spans[0]);

        Assert.Multiple(() =>
        {
            Assert.That((string?)llm["gen_ai.request.model"]["stringValue"], Is.EqualTo("openai/gpt-4o-mini"));
            Assert.That((string?)llm["gen_ai.provider.name"]["stringValue"], Is.EqualTo("openai"));
            Assert.That((string?)llm["gen_ai.operation.name"]["stringValue"], Is.EqualTo("chat"));
            Assert.That((string?)llm["opper.span.type"]["stringValue"], Is.EqualTo("generation"));
            Assert.That((string?)llm["opper.usage.total_tokens"]["intValue"], Is.EqualTo("42"));
            Assert.That((string?)llm["opper.score"]["intValue"], Is.EqualTo("7"));
            Assert.That((int?)spans[1]["kind"], Is.EqualTo(3), "generation: CLIENT");
            Assert.That((int?)spans[0]["kind"], Is.EqualTo(1), "others: INTERNAL");
            Assert.That((string?)agent["gen_ai.request.model"]["stringValue"], Is.EqualTo("gpt-4o"));
            Assert.That(agent.ContainsKey("gen_ai.provider.name"), Is.False, "no provider without a slash");
            Assert.That(agent.ContainsKey("gen_ai.operation.name"), Is.False);
            Assert.That(spans[2]["status"], Is.EqualTo(new JObject { ["message"] = "search backend timed out", ["code"] = 2 }));
            Assert.That(spans[0]["status"], Is.EqualTo(new JObject()));
            Assert.That((double?)llm["temperature"]["doubleValue"], Is.EqualTo(0.2), "meta entries are attributes");
            Assert.That(llm["nested"]["kvlistValue"]!["values"]![0]!["value"]!["arrayValue"], Is.Not.Null);
        });
    }

    [Test]
    public void Metrics_are_span_events()
    {
        List<JObject> spans = Spans(Write(OtlpFixtures.Simple()));
        JToken e = spans[1]["events"]![0]!;
        long at = (At(500).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

        Assert.That((string?)e["name"], Is.EqualTo("accuracy"));
        Assert.That((string?)e["timeUnixNano"], Is.EqualTo(at.ToString()));
        Dictionary<string, JObject> attributes = Attributes(e);
        Assert.That((double?)attributes["opper.metric.value"]["doubleValue"], Is.EqualTo(0.75));
        Assert.That((string?)attributes["opper.metric.comment"]["stringValue"], Is.EqualTo("looks right"));
    }

    [Test]
    public void Null_entries_are_skipped_and_no_other_span_is_lost()
    {
        GetTraceResponse trace = OtlpFixtures.Random(11, 2000);

        Assert.That(Spans(Write(trace)), Has.Count.EqualTo(trace.Spans!.Count(s => s is not null)));
    }

    internal static JObject Write(GetTraceResponse trace) => (JObject)OtlpRoundTripTests.Parse(trace.ToOtlpJson());

    internal static List<JObject> Spans(JObject doc) =>
        doc["resourceSpans"]!.SelectMany(r => r["scopeSpans"]!).SelectMany(s => s["spans"]!).Cast<JObject>().ToList();

    internal static Dictionary<string, JObject> Attributes(JToken owner) =>
        (owner["attributes"] ?? new JArray()).ToDictionary(a => (string)a["key"]!, a => (JObject)a["value"]!);
}
