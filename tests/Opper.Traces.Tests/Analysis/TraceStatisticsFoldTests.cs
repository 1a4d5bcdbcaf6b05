using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Opper.Models;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

/// <summary>The statistics added for many traces: per trace name, slowest spans by self time, critical-path share, and folding as traces arrive.</summary>
[TestFixture]
public class TraceStatisticsFoldTests
{
    // Trace 1 "research": root 0–100 with children a 10–40 and b 30–90 (b ends last: critical
    // path root → b). Self times: root 100 − |[10,90]| = 20, a 30, b 60.
    // Trace 2 "research": root 0–50 with a 0–50 (critical path root → a); self: root 0, a 50; a fails.
    // Trace 3 unnamed: one span b, unknown duration; its critical path is b alone.
    private static GetTraceResponse[] Traces()
    {
        GetTraceResponse t1 = Trace(
            Span("r", start: 0, duration: 100, name: "root", type: "call"),
            Span("a", parent: "r", start: 10, duration: 30, name: "a", type: "generation"),
            Span("b", parent: "r", start: 30, duration: 60, name: "b", type: "tool"));
        t1.Name = "research";
        t1.DurationMs = 100;
        t1.Spans![1].Data = new SpanData { Model = "m", TotalTokens = 7 };
        GetTraceResponse t2 = Trace(
            Span("r", start: 0, duration: 50, name: "root", type: "call"),
            Span("a", parent: "r", start: 0, duration: 50, name: "a", type: "generation"));
        t2.Name = "research";
        t2.DurationMs = 50;
        t2.Spans![1].Error = "boom";
        t2.Spans![1].Data = new SpanData { Model = "m", TotalTokens = 5 };
        GetTraceResponse t3 = Trace(Span("x", name: "b"));
        t3.Name = null;
        return new[] { t1, t2, t3 };
    }

    [Test]
    public void ByTraceName()
    {
        TraceStatistics stats = TraceStatistics.From(Traces());
        Assert.That(stats.ByTraceName.Keys, Is.EqualTo(new[] { "(unnamed)", "research" }));
        TraceNameStats research = stats.ByTraceName["research"];
        Assert.That(research.Count, Is.EqualTo(2));
        Assert.That(research.ErrorCount, Is.EqualTo(1));
        Assert.That(research.TotalTokens, Is.EqualTo(12));
        Assert.That(research.Duration.Count, Is.EqualTo(2));
        Assert.That(research.Duration.P50DurationMs, Is.EqualTo(50));
        Assert.That(research.Duration.MaxDurationMs, Is.EqualTo(100));
        TraceNameStats unnamed = stats.ByTraceName["(unnamed)"];
        Assert.That(unnamed.Count, Is.EqualTo(1));
        Assert.That(unnamed.ErrorCount, Is.Zero);
        Assert.That(unnamed.Duration.KnownDurationCount, Is.Zero);
        Assert.That(unnamed.TotalTokens, Is.Zero);
    }

    [Test]
    public void SlowestSpansBySelfTime()
    {
        TraceStatistics stats = TraceStatistics.From(Traces());
        Assert.That(stats.SlowestSpans.Select(s => s.Name), Is.EqualTo(new[] { "a", "b", "root" }));
        SlowSpanStats a = stats.SlowestSpans[0];
        Assert.That(a.TotalSelfTimeMs, Is.EqualTo(80).Within(1e-9));
        Assert.That(a.Count, Is.EqualTo(2));
        Assert.That(a.P95DurationMs, Is.EqualTo(50));
        SlowSpanStats b = stats.SlowestSpans[1];
        Assert.That(b.TotalSelfTimeMs, Is.EqualTo(60).Within(1e-9));
        Assert.That(b.Count, Is.EqualTo(2));
        Assert.That(b.P95DurationMs, Is.EqualTo(60));
        Assert.That(stats.SlowestSpans[2].TotalSelfTimeMs, Is.EqualTo(20).Within(1e-9));
    }

    [Test]
    public void SlowestSpansTieOnNames()
    {
        TraceStatistics stats = TraceStatistics.From(new[] { Trace(Span("1", start: 0, duration: 5, name: "z"), Span("2", start: 0, duration: 5, name: "y")) });
        Assert.That(stats.SlowestSpans.Select(s => s.Name), Is.EqualTo(new[] { "y", "z" }));
    }

    [Test]
    public void CriticalPathShareCountsEachTraceOnce()
    {
        GetTraceResponse repeated = Trace(
            Span("r", start: 0, duration: 10, name: "step"),
            Span("c", parent: "r", start: 0, duration: 10, name: "step"));
        TraceStatistics stats = TraceStatistics.From(Traces().Append(repeated));
        Assert.That(stats.CriticalPathShare.Keys, Is.EqualTo(new[] { "a", "b", "root", "step" }));
        Assert.That(stats.CriticalPathShare["root"], Is.EqualTo(0.5));
        Assert.That(stats.CriticalPathShare["b"], Is.EqualTo(0.5));
        Assert.That(stats.CriticalPathShare["a"], Is.EqualTo(0.25));
        Assert.That(stats.CriticalPathShare["step"], Is.EqualTo(0.25));
    }

    [Test]
    public async Task FromAsyncFoldsTheSameNumbersAsFrom()
    {
        GetTraceResponse[] traces = Traces().Concat(new[] { TraceDiffTests.Sample(), TraceDiffTests.Sample() }).ToArray();
        TraceStatistics sync = TraceStatistics.From(traces);
        TraceStatistics folded = await TraceStatistics.FromAsync(Stream(traces));

        Assert.That(folded.TraceCount, Is.EqualTo(5));
        Assert.That(folded.SpanCount, Is.EqualTo(sync.SpanCount));
        Assert.That(folded.ErrorCount, Is.EqualTo(3));
        Assert.That(folded.TotalTokens, Is.EqualTo(sync.TotalTokens));
        Assert.That(folded.TotalTokens, Is.EqualTo(12 + 2 * 12931));
        Assert.That(folded.BySpanName.Keys, Is.EqualTo(sync.BySpanName.Keys));
        Assert.That(folded.BySpanName["fetch_page"].P95DurationMs, Is.EqualTo(5004));
        Assert.That(folded.SlowestSpans.Select(s => (s.Name, s.TotalSelfTimeMs)), Is.EqualTo(sync.SlowestSpans.Select(s => (s.Name, s.TotalSelfTimeMs))));
        Assert.That(folded.CriticalPathShare, Is.EqualTo(sync.CriticalPathShare));
        Assert.That(folded.CriticalPathShare["format_citations"], Is.EqualTo(0.4));
        Assert.That(folded.ByTraceName["research_assistant_1731000000"].Duration.P95DurationMs, Is.EqualTo(18734));
    }

    [Test]
    public void FromAsyncStopsWhenCancelled()
    {
        using var cts = new CancellationTokenSource();
        int produced = 0;
        async IAsyncEnumerable<GetTraceResponse> Endless([EnumeratorCancellation] CancellationToken ct = default)
        {
            while (true)
            {
                await Task.Yield();
                if (++produced == 10)
                {
                    cts.Cancel();
                }

                yield return Trace(Span("a", start: 0, duration: 1));
            }
        }

        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), () => TraceStatistics.FromAsync(Endless(), cts.Token));
        Assert.That(produced, Is.EqualTo(10));
        Assert.ThrowsAsync<ArgumentNullException>(() => TraceStatistics.FromAsync(null!));
    }

    [Test]
    public void EmptyInputHasEmptyNewMembers()
    {
        TraceStatistics stats = TraceStatistics.From(Array.Empty<GetTraceResponse>());
        Assert.That(stats.ByTraceName, Is.Empty);
        Assert.That(stats.SlowestSpans, Is.Empty);
        Assert.That(stats.CriticalPathShare, Is.Empty);
    }

    private static async IAsyncEnumerable<GetTraceResponse> Stream(IEnumerable<GetTraceResponse> traces)
    {
        foreach (GetTraceResponse trace in traces)
        {
            await Task.Yield();
            yield return trace;
        }
    }
}
