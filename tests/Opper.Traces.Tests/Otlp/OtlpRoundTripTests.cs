using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using Opper.Models;

namespace Opper.Traces.Tests.Otlp;

/// <summary>Opper → OTLP → Opper keeps the trace's summary, and what the export writes is valid OTLP/JSON.</summary>
public class OtlpRoundTripTests
{
    [TestCaseSource(typeof(OtlpFixtures), nameof(OtlpFixtures.All))]
    public void Round_trip_keeps_the_summary(string name)
    {
        GetTraceResponse original = OtlpFixtures.Get(name);
        GetTraceResponse back = RoundTrip(original);

        TraceSummary before = original.Summarize();
        TraceSummary after = back.Summarize();
        Assert.Multiple(() =>
        {
            Assert.That(after.SpanCount, Is.EqualTo(before.SpanCount), "SpanCount");
            Assert.That(after.RootCount, Is.EqualTo(before.RootCount), "RootCount");
            Assert.That(after.OrphanCount, Is.EqualTo(before.OrphanCount), "OrphanCount");
            Assert.That(after.MaxDepth, Is.EqualTo(before.MaxDepth), "MaxDepth");
            Assert.That(after.TotalTokens, Is.EqualTo(before.TotalTokens), "TotalTokens");
            Assert.That(ByType(after), Is.EqualTo(ByType(before)), "ByType");
            Assert.That(ByModel(after), Is.EqualTo(ByModel(before)), "ByModel");
            Assert.That(after.GenerationTimeMs, Is.EqualTo(before.GenerationTimeMs), "GenerationTimeMs");
            Assert.That(after.GenerationWallTimeMs, Is.EqualTo(before.GenerationWallTimeMs), "GenerationWallTimeMs");
            Assert.That(after.CriticalPath, Has.Count.EqualTo(before.CriticalPath.Count), "CriticalPath length");
            Assert.That(after.Errors.Select(e => e.Error), Is.EqualTo(before.Errors.Select(e => e.Error)), "Errors");
            Assert.That(after.Metrics.Keys, Is.EquivalentTo(before.Metrics.Keys), "Metrics");
            Assert.That(after.Scores.Count, Is.EqualTo(before.Scores.Count), "Scores");
        });
    }

    [TestCaseSource(typeof(OtlpFixtures), nameof(OtlpFixtures.All))]
    public void Round_trip_keeps_ids_parents_types_and_times(string name)
    {
        GetTraceResponse original = OtlpFixtures.Get(name);
        GetTraceResponse back = RoundTrip(original);
        List<SpanSchema> spans = (original.Spans ?? new List<SpanSchema>()).Where(s => s is not null).ToList();

        Assert.That(back.Spans, Has.Count.EqualTo(spans.Count));
        for (int i = 0; i < spans.Count; i++)
        {
            SpanSchema a = spans[i];
            SpanSchema b = back.Spans![i];
            Assert.Multiple(() =>
            {
                if (a.Id is not null)
                {
                    Assert.That(b.Id, Is.EqualTo(a.Id), "id of span " + i);
                }

                Assert.That(b.ParentId, Is.EqualTo(a.ParentId), "parent of span " + i);
                Assert.That(b.Name ?? string.Empty, Is.EqualTo(a.Name ?? string.Empty), "name of span " + i);
                Assert.That(b.Type, Is.EqualTo(a.Type), "type of span " + i);
                Assert.That(b.StartTime, Is.EqualTo(a.StartTime), "start of span " + i);
                Assert.That(b.Data?.Model, Is.EqualTo(a.Data?.Model), "model of span " + i);
                Assert.That(b.Data?.TotalTokens, Is.EqualTo(a.Data?.TotalTokens), "tokens of span " + i);
                Assert.That(b.Score, Is.EqualTo(a.Score), "score of span " + i);
            });
        }
    }

    [TestCaseSource(typeof(OtlpFixtures), nameof(OtlpFixtures.All))]
    public void The_export_is_valid_otlp_json(string name)
    {
        string json = OtlpFixtures.Get(name).ToOtlpJson();

        List<string> problems = OtlpJsonValidator.Validate(Parse(json));

        Assert.That(problems, Is.Empty, string.Join("\n", problems.Take(20)));
    }

    [Test]
    public void Data_meta_and_metrics_come_back_with_their_json_types()
    {
        GetTraceResponse original = OtlpFixtures.Simple();
        GetTraceResponse back = RoundTrip(original);
        SpanSchema before = original.Spans![1];
        SpanSchema after = back.Spans![1];

        Assert.Multiple(() =>
        {
            Assert.That(JToken.DeepEquals(after.Meta, before.Meta), Is.True, after.Meta?.ToString());
            Assert.That((string?)after.Meta!["when"], Is.EqualTo("2024-01-01T00:00:00Z"), "a date-like string stays that string");
            Assert.That(after.Meta!["retries"]!.Type, Is.EqualTo(JTokenType.Integer));
            Assert.That(after.Meta!["temperature"]!.Type, Is.EqualTo(JTokenType.Float));
            Assert.That(after.Data!.Input, Is.EqualTo("What is 2+2?"));
            Assert.That(after.Data!.Output, Is.EqualTo("4"));
            Assert.That(after.Data!.Instructions, Is.EqualTo("Be brief."));
            Assert.That(after.Data!.Tags, Is.EqualTo(new[] { "math", "quick" }));
            Assert.That(after.Metrics, Has.Count.EqualTo(1));
            Assert.That(after.Metrics![0].Dimension, Is.EqualTo("accuracy"));
            Assert.That(after.Metrics![0].Value, Is.EqualTo(0.75));
            Assert.That(after.Metrics![0].Comment, Is.EqualTo("looks right"));
            Assert.That(after.Metrics![0].Id, Is.EqualTo("m1"));
            Assert.That(after.Metrics![0].CreatedAt, Is.EqualTo(before.Metrics![0].CreatedAt));
            Assert.That(back.Spans![2].Error, Is.EqualTo("search backend timed out"));
            Assert.That(back.Name, Is.EqualTo("agent run"));
            Assert.That(back.Status, Is.EqualTo("completed"));
            Assert.That(back.DurationMs, Is.EqualTo(1000));
            Assert.That(back.TotalTokens, Is.EqualTo(42));
            Assert.That(back.Id, Is.EqualTo(original.Id));
        });
    }

    [Test]
    public void Stream_and_string_forms_write_the_same_bytes()
    {
        GetTraceResponse trace = OtlpFixtures.Simple();
        using var stream = new MemoryStream();
        OtlpJson.Write(trace, stream);

        Assert.That(Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo(trace.ToOtlpJson()));
        Assert.That(stream.ToArray().Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte order mark");
    }

    [Test]
    public void A_chain_of_100000_spans_and_meta_nested_200_deep_come_back_whole()
    {
        var spans = new List<SpanSchema>();
        for (int i = 0; i < 100_000; i++)
        {
            spans.Add(Analysis.TraceFactory.Span("s" + i, i == 0 ? null : "s" + (i - 1), start: i, duration: 1, type: i % 2 == 0 ? "generation" : "call"));
        }

        JObject deep = new JObject { ["leaf"] = 1 };
        for (int i = 0; i < 200; i++)
        {
            deep = new JObject { ["level"] = deep };
        }

        spans[0].Meta = new JObject { ["deep"] = deep };
        GetTraceResponse trace = Analysis.TraceFactory.Trace(spans.ToArray());

        GetTraceResponse back = RoundTrip(trace);

        Assert.That(back.Spans, Has.Count.EqualTo(100_000));
        Assert.That(back.Summarize().MaxDepth, Is.EqualTo(99_999));
        Assert.That(JToken.DeepEquals(back.Spans![0].Meta, spans[0].Meta), Is.True);
    }

    internal static GetTraceResponse RoundTrip(GetTraceResponse trace)
    {
        using var stream = new MemoryStream();
        OtlpJson.Write(trace, stream);
        stream.Position = 0;
        IReadOnlyList<GetTraceResponse> traces = OtlpJson.Read(stream);
        Assert.That(traces, Has.Count.EqualTo(1));
        return traces[0];
    }

    internal static JToken Parse(string json) => Client.Support.Examples.Parse(json);

    private static Dictionary<string, string> ByType(TraceSummary s) => s.ByType.ToDictionary(
        e => e.Key,
        e => string.Join(",", e.Value.Count, e.Value.TotalDurationMs, e.Value.AverageDurationMs, e.Value.MinDurationMs, e.Value.MaxDurationMs, e.Value.P50DurationMs, e.Value.P95DurationMs));

    private static Dictionary<string, string> ByModel(TraceSummary s) =>
        s.ByModel.ToDictionary(e => e.Key, e => string.Join(",", e.Value.Calls, e.Value.TotalTokens, e.Value.TotalDurationMs));
}
