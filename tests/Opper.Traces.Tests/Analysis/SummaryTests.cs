using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Opper.Models;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

[TestFixture]
public class SummaryTests
{
    private static SpanMetricData Metric(string dimension, double value) => new SpanMetricData { Id = "m", Dimension = dimension, Value = value };

    internal static GetTraceResponse Sample()
    {
        SpanSchema r = Span("r", start: 0, duration: 200, name: "root", type: "call");
        r.Score = 8;
        SpanSchema g1 = WithData(Span("g1", "r", start: 10, duration: 50, type: "generation"), "m1", 100, dataScore: 99);
        g1.Metrics = new List<SpanMetricData> { Metric("latency", 1.5), Metric("quality", 3) };
        SpanSchema g2 = WithData(Span("g2", "r", start: 40, duration: 40, type: "generation"), "m1", 50);
        g2.Score = 6;
        g2.Error = "boom";
        SpanSchema g3 = WithData(Span("g3", "r", start: 150, end: 170.5, type: "generation"), "m2", 10);
        g3.Metrics = new List<SpanMetricData> { Metric("latency", 2.5) };
        SpanSchema t1 = Span("t1", "g1", start: 12, duration: 3, type: null);
        t1.Error = "";
        SpanSchema t2 = WithData(Span("t2", "r", duration: 7, type: ""), "", 1000);
        t2.Error = "x";
        SpanSchema c2 = Span("c2", "r", start: 180, duration: -5, type: "call");
        SpanSchema o = Span("o", "zzz", type: "tool");
        o.Score = 10;
        var trace = Trace(r, g1, g2, g3, t1, t2, c2, o);
        trace.Id = "t";
        trace.DurationMs = 200;
        trace.TotalTokens = 123456;
        return trace;
    }

    [Test]
    public void ShapeAndTokens()
    {
        TraceSummary s = Sample().Summarize();
        Assert.That(s.TraceId, Is.EqualTo("t"));
        Assert.That(s.SpanCount, Is.EqualTo(8));
        Assert.That(s.RootCount, Is.EqualTo(2));
        Assert.That(s.OrphanCount, Is.EqualTo(1));
        Assert.That(s.MaxDepth, Is.EqualTo(2));
        Assert.That(s.TotalTokens, Is.EqualTo(1160));
        Assert.That(s.CriticalPath, Is.EqualTo(new[] { "r", "g3" }));
    }

    [Test]
    public void ByTypeStatistics()
    {
        TraceSummary s = Sample().Summarize();
        Assert.That(s.ByType.Keys, Is.EqualTo(new[] { "call", "generation", "tool", "unknown" }));

        DurationStats call = s.ByType["call"];
        Assert.That(call.Count, Is.EqualTo(2));
        Assert.That(call.KnownDurationCount, Is.EqualTo(1));
        Assert.That(call.TotalDurationMs, Is.EqualTo(200));
        Assert.That(call.AverageDurationMs, Is.EqualTo(200d));
        Assert.That(call.MinDurationMs, Is.EqualTo(200));
        Assert.That(call.MaxDurationMs, Is.EqualTo(200));
        Assert.That(call.P50DurationMs, Is.EqualTo(200));
        Assert.That(call.P95DurationMs, Is.EqualTo(200));

        DurationStats gen = s.ByType["generation"];
        Assert.That(gen.Count, Is.EqualTo(3));
        Assert.That(gen.TotalDurationMs, Is.EqualTo(110));
        Assert.That(gen.AverageDurationMs, Is.EqualTo(110d / 3).Within(1e-12));
        Assert.That(gen.MinDurationMs, Is.EqualTo(20));
        Assert.That(gen.MaxDurationMs, Is.EqualTo(50));
        Assert.That(gen.P50DurationMs, Is.EqualTo(40));
        Assert.That(gen.P95DurationMs, Is.EqualTo(50));

        DurationStats unknown = s.ByType["unknown"];
        Assert.That(unknown.Count, Is.EqualTo(2));
        Assert.That(unknown.TotalDurationMs, Is.EqualTo(10));
        Assert.That(unknown.AverageDurationMs, Is.EqualTo(5d));
        Assert.That(unknown.P50DurationMs, Is.EqualTo(3));
        Assert.That(unknown.P95DurationMs, Is.EqualTo(7));

        DurationStats tool = s.ByType["tool"];
        Assert.That(tool.Count, Is.EqualTo(1));
        Assert.That(tool.TotalDurationMs, Is.Zero);
        Assert.That(tool.AverageDurationMs, Is.Null);
        Assert.That(tool.MinDurationMs, Is.Null);
        Assert.That(tool.MaxDurationMs, Is.Null);
        Assert.That(tool.P50DurationMs, Is.Null);
        Assert.That(tool.P95DurationMs, Is.Null);
        Assert.That(tool.P99DurationMs, Is.Null);
    }

    [Test]
    public void ByModelSkipsEmptyModels()
    {
        TraceSummary s = Sample().Summarize();
        Assert.That(s.ByModel.Keys, Is.EqualTo(new[] { "m1", "m2" }));
        Assert.That(s.ByModel["m1"].Calls, Is.EqualTo(2));
        Assert.That(s.ByModel["m1"].TotalTokens, Is.EqualTo(150));
        Assert.That(s.ByModel["m1"].TotalDurationMs, Is.EqualTo(90));
        Assert.That(s.ByModel["m2"].Calls, Is.EqualTo(1));
        Assert.That(s.ByModel["m2"].TotalTokens, Is.EqualTo(10));
        Assert.That(s.ByModel["m2"].TotalDurationMs, Is.EqualTo(20));
    }

    [Test]
    public void ByModelZeroWhenNoTokensOrDurations()
    {
        TraceSummary s = Trace(WithData(Span("a"), "m")).Summarize();
        Assert.That(s.ByModel["m"].Calls, Is.EqualTo(1));
        Assert.That(s.ByModel["m"].TotalTokens, Is.Zero);
        Assert.That(s.ByModel["m"].TotalDurationMs, Is.Zero);
    }

    [Test]
    public void GenerationTimeShareAndWallTime()
    {
        TraceSummary s = Sample().Summarize();
        Assert.That(s.GenerationTimeMs, Is.EqualTo(110));
        Assert.That(s.GenerationShare, Is.EqualTo(0.55).Within(1e-12));
        // [10,60] ∪ [40,80] ∪ [150,170] = 70 + 20
        Assert.That(s.GenerationWallTimeMs, Is.EqualTo(90d));
        Assert.That(s.GenerationWallShare, Is.EqualTo(0.45).Within(1e-12));
        Assert.That(s.AverageCallDurationMs, Is.EqualTo(200d));
    }

    [Test]
    public void GenerationShareCanExceedOneWhileWallShareCannot()
    {
        var trace = Trace(
            Span("a", start: 0, duration: 100, type: "generation"),
            Span("b", start: 50, duration: 100, type: "generation"));
        trace.DurationMs = 150;
        TraceSummary s = trace.Summarize();
        Assert.That(s.GenerationTimeMs, Is.EqualTo(200));
        Assert.That(s.GenerationShare, Is.EqualTo(200d / 150).Within(1e-12));
        Assert.That(s.GenerationWallTimeMs, Is.EqualTo(150d));
        Assert.That(s.GenerationWallShare, Is.EqualTo(1d).Within(1e-12));
    }

    [Test]
    public void GenerationWithoutStartCountsTowardTimeButNotWallTime()
    {
        var trace = Trace(Span("a", duration: 30, type: "generation"), Span("b", start: 0, end: 10, type: "generation"));
        trace.DurationMs = 100;
        TraceSummary s = trace.Summarize();
        Assert.That(s.GenerationTimeMs, Is.EqualTo(40));
        Assert.That(s.GenerationWallTimeMs, Is.EqualTo(10d));
        Assert.That(s.GenerationShare, Is.EqualTo(0.4).Within(1e-12));
    }

    [TestCase(null)]
    [TestCase(0L)]
    [TestCase(-10L)]
    public void SharesAreNullWithoutAPositiveTraceDuration(long? duration)
    {
        var trace = Trace(Span("a", start: 0, duration: 30, type: "generation"));
        trace.DurationMs = duration;
        TraceSummary s = trace.Summarize();
        Assert.That(s.GenerationTimeMs, Is.EqualTo(30));
        Assert.That(s.GenerationWallTimeMs, Is.EqualTo(30d));
        Assert.That(s.GenerationShare, Is.Null);
        Assert.That(s.GenerationWallShare, Is.Null);
    }

    [Test]
    public void NoGenerationsGiveZeroesAndZeroShare()
    {
        var trace = Trace(Span("a", start: 0, duration: 30, type: "call"));
        trace.DurationMs = 60;
        TraceSummary s = trace.Summarize();
        Assert.That(s.GenerationTimeMs, Is.Zero);
        Assert.That(s.GenerationWallTimeMs, Is.Zero);
        Assert.That(s.GenerationShare, Is.EqualTo(0d));
        Assert.That(s.GenerationWallShare, Is.EqualTo(0d));
        Assert.That(s.AverageCallDurationMs, Is.EqualTo(30d));
    }

    [Test]
    public void TypeComparisonIsExact()
    {
        TraceSummary s = Trace(Span("a", duration: 30, type: "Generation"), Span("b", duration: 5, type: "CALL")).Summarize();
        Assert.That(s.GenerationTimeMs, Is.Zero);
        Assert.That(s.AverageCallDurationMs, Is.Null);
        Assert.That(s.ByType.Keys, Is.EqualTo(new[] { "CALL", "Generation" }));
    }

    [Test]
    public void AverageCallDurationIgnoresUnknownDurations()
    {
        TraceSummary s = Trace(
            Span("a", duration: 10, type: "call"),
            Span("b", duration: 15, type: "call"),
            Span("c", type: "call"),
            Span("d", start: 0, end: 5.5, type: "call")).Summarize();
        Assert.That(s.AverageCallDurationMs, Is.EqualTo(10d));
        Assert.That(Trace(Span("c", type: "call")).Summarize().AverageCallDurationMs, Is.Null);
    }

    [Test]
    public void ErrorsInWalkOrder()
    {
        TraceSummary s = Sample().Summarize();
        Assert.That(s.Errors.Select(e => e.Id), Is.EqualTo(new[] { "g2", "t2" }));

        var late = Span("late", start: 5);
        late.Error = "1";
        var early = Span("early", start: 1);
        early.Error = "2";
        var child = Span("child", "late");
        child.Error = " ";
        Assert.That(Trace(late, child, early).Summarize().Errors.Select(e => e.Id), Is.EqualTo(new[] { "early", "late", "child" }));
    }

    [Test]
    public void MetricsPerDimension()
    {
        TraceSummary s = Sample().Summarize();
        Assert.That(s.Metrics.Keys, Is.EqualTo(new[] { "latency", "quality" }));
        Assert.That(s.Metrics["latency"].Count, Is.EqualTo(2));
        Assert.That(s.Metrics["latency"].Mean, Is.EqualTo(2.0d));
        Assert.That(s.Metrics["latency"].Min, Is.EqualTo(1.5d));
        Assert.That(s.Metrics["latency"].Max, Is.EqualTo(2.5d));
        Assert.That(s.Metrics["quality"].Count, Is.EqualTo(1));
        Assert.That(s.Metrics["quality"].Mean, Is.EqualTo(3d));
    }

    [Test]
    public void NullMetricEntriesAreSkipped()
    {
        SpanSchema a = Span("a");
        a.Metrics = new List<SpanMetricData> { null!, Metric("x", -1) };
        TraceSummary s = Trace(a).Summarize();
        Assert.That(s.Metrics["x"].Count, Is.EqualTo(1));
        Assert.That(s.Metrics["x"].Min, Is.EqualTo(-1d));
    }

    [Test]
    public void ScoresUseTheSpansOwnScore()
    {
        TraceSummary s = Sample().Summarize();
        Assert.That(s.Scores.Count, Is.EqualTo(3));
        Assert.That(s.Scores.Mean, Is.EqualTo(8d));
        Assert.That(s.Scores.Min, Is.EqualTo(6d));
        Assert.That(s.Scores.Max, Is.EqualTo(10d));
    }

    [Test]
    public void ScoresAreNullWhenNoSpanHasOne()
    {
        TraceSummary s = Trace(WithData(Span("a"), dataScore: 5)).Summarize();
        Assert.That(s.Scores.Count, Is.Zero);
        Assert.That(s.Scores.Mean, Is.Null);
        Assert.That(s.Scores.Min, Is.Null);
        Assert.That(s.Scores.Max, Is.Null);
    }

    [Test]
    public void EmptyTraceSummary()
    {
        TraceSummary s = new GetTraceResponse { Id = "e", DurationMs = 10, Spans = null }.Summarize();
        Assert.That(s.SpanCount, Is.Zero);
        Assert.That(s.RootCount, Is.Zero);
        Assert.That(s.MaxDepth, Is.Zero);
        Assert.That(s.TotalTokens, Is.Zero);
        Assert.That(s.CriticalPath, Is.Empty);
        Assert.That(s.ByType, Is.Empty);
        Assert.That(s.ByModel, Is.Empty);
        Assert.That(s.Errors, Is.Empty);
        Assert.That(s.Metrics, Is.Empty);
        Assert.That(s.GenerationShare, Is.EqualTo(0d));
        Assert.That(s.AverageCallDurationMs, Is.Null);
        Assert.That(s.Scores.Count, Is.Zero);
    }

    [Test]
    public void TotalTokensIsZeroWhenNoSpanHasAny()
    {
        var trace = Trace(Span("a"), WithData(Span("b"), "m"));
        trace.TotalTokens = 99;
        Assert.That(trace.Summarize().TotalTokens, Is.Zero);
    }

    [TestCase(new long[] { 5 }, 5, 5)]
    [TestCase(new long[] { 3, 1, 2 }, 2, 3)]
    [TestCase(new long[] { 4, 1, 3, 2 }, 2, 4)]
    [TestCase(new long[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200 }, 100, 190)]
    public void NearestRankPercentiles(long[] durations, long p50, long p95)
    {
        var spans = durations.Select((d, i) => Span("s" + i, duration: d, type: "x")).ToArray();
        DurationStats stats = Trace(spans).Summarize().ByType["x"];
        Assert.That(stats.P50DurationMs, Is.EqualTo(p50));
        Assert.That(stats.P95DurationMs, Is.EqualTo(p95));
    }

    [Test]
    public void NearestRankOnOneToHundred()
    {
        var spans = Enumerable.Range(1, 100).Reverse().Select(i => Span("s" + i, duration: i, type: "x")).ToArray();
        DurationStats stats = Trace(spans).Summarize().ByType["x"];
        Assert.That(stats.P50DurationMs, Is.EqualTo(50));
        Assert.That(stats.P95DurationMs, Is.EqualTo(95));
        Assert.That(stats.P99DurationMs, Is.EqualTo(99));
        Assert.That(stats.AverageDurationMs, Is.EqualTo(50.5d));
        Assert.That(stats.TotalDurationMs, Is.EqualTo(5050));
    }

    [Test]
    public void DictionariesAreOrderedOrdinallyAndReadOnly()
    {
        TraceSummary s = Trace(Span("a", type: "b"), Span("b", type: "B"), Span("c", type: "a"), Span("d", type: "_")).Summarize();
        Assert.That(s.ByType.Keys, Is.EqualTo(new[] { "B", "_", "a", "b" }));
        Assert.That(s.ByType, Is.InstanceOf<IDictionary<string, DurationStats>>());
        Assert.That(((IDictionary<string, DurationStats>)s.ByType).IsReadOnly, Is.True);
    }
}
