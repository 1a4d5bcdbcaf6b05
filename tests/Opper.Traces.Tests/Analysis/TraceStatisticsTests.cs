using System;
using System.Linq;
using NUnit.Framework;
using Opper.Models;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

[TestFixture]
public class TraceStatisticsTests
{
    private static SpanSchema Gen(string id, long? duration, string? model, long? tokens, string? name = "llm")
    {
        SpanSchema span = Span(id, duration: duration, name: name, type: "generation");
        span.Data = new SpanData { Model = model, TotalTokens = tokens };
        return span;
    }

    [Test]
    public void AggregatesAcrossTraces()
    {
        GetTraceResponse t1 = Trace(Gen("a", 100, "m1", 10), Gen("b", 300, "m2", 5), Span("c", duration: 7, name: "tool"));
        t1.DurationMs = 1000;
        SpanSchema unnamed = Span("d", duration: 1);
        unnamed.Name = null;
        GetTraceResponse t2 = Trace(Gen("a", 200, "m1", 20), Gen("b", null, "m1", null), null, unnamed);
        t2.StartTime = At(0);
        t2.EndTime = At(500.7);
        GetTraceResponse t3 = Trace();
        t3.DurationMs = -4;

        TraceStatistics stats = TraceStatistics.From(new[] { t1, null, t2, t3 });
        Assert.That(stats.TraceCount, Is.EqualTo(3));
        Assert.That(stats.SpanCount, Is.EqualTo(6));
        Assert.That(stats.TotalTokens, Is.EqualTo(35));
        Assert.That(stats.ErrorCount, Is.Zero);

        Assert.That(stats.TraceDuration.Count, Is.EqualTo(3));
        Assert.That(stats.TraceDuration.KnownDurationCount, Is.EqualTo(2));
        Assert.That(stats.TraceDuration.MinDurationMs, Is.EqualTo(500));
        Assert.That(stats.TraceDuration.MaxDurationMs, Is.EqualTo(1000));

        Assert.That(stats.BySpanName.Keys, Is.EqualTo(new[] { "(unnamed)", "llm", "tool" }));
        DurationStats llm = stats.BySpanName["llm"];
        Assert.That(llm.Count, Is.EqualTo(4));
        Assert.That(llm.KnownDurationCount, Is.EqualTo(3));
        Assert.That(llm.MinDurationMs, Is.EqualTo(100));
        Assert.That(llm.MaxDurationMs, Is.EqualTo(300));
        Assert.That(llm.AverageDurationMs, Is.EqualTo(200d));
        Assert.That(llm.P50DurationMs, Is.EqualTo(200));
        Assert.That(llm.P95DurationMs, Is.EqualTo(300));
        Assert.That(llm.P99DurationMs, Is.EqualTo(300));
        Assert.That(stats.BySpanName["(unnamed)"].Count, Is.EqualTo(1));

        Assert.That(stats.ByType.Keys, Is.EqualTo(new[] { "generation", "unknown" }));
        Assert.That(stats.ByType["generation"].Count, Is.EqualTo(4));

        Assert.That(stats.ByModel.Keys, Is.EqualTo(new[] { "m1", "m2" }));
        Assert.That(stats.ByModel["m1"].Calls, Is.EqualTo(3));
        Assert.That(stats.ByModel["m1"].TotalTokens, Is.EqualTo(30));
        Assert.That(stats.ByModel["m1"].TotalDurationMs, Is.EqualTo(300));
        Assert.That(stats.ByModel["m2"].Calls, Is.EqualTo(1));
    }

    [Test]
    public void PercentilesAreNearestRankOverAllTraces()
    {
        var traces = Enumerable.Range(1, 200).Select(i => Trace(Span("s", duration: i, name: "step"))).ToList();
        DurationStats step = TraceStatistics.From(traces).BySpanName["step"];
        Assert.That(step.Count, Is.EqualTo(200));
        Assert.That(step.P50DurationMs, Is.EqualTo(100));
        Assert.That(step.P95DurationMs, Is.EqualTo(190));
        Assert.That(step.P99DurationMs, Is.EqualTo(198));
        Assert.That(step.TotalDurationMs, Is.EqualTo(20100));
    }

    [Test]
    public void CountsErrors()
    {
        SpanSchema a = Span("a");
        a.Error = "e";
        SpanSchema b = Span("b");
        b.Error = "";
        Assert.That(TraceStatistics.From(new[] { Trace(a, b), Trace(a) }).ErrorCount, Is.EqualTo(2));
    }

    [Test]
    public void EmptyInput()
    {
        TraceStatistics stats = TraceStatistics.From(Array.Empty<GetTraceResponse>());
        Assert.That(stats.TraceCount, Is.Zero);
        Assert.That(stats.BySpanName, Is.Empty);
        Assert.That(stats.TraceDuration.Count, Is.Zero);
        Assert.That(stats.TraceDuration.P50DurationMs, Is.Null);
        Assert.That(() => TraceStatistics.From(null!), Throws.ArgumentNullException);
    }
}
