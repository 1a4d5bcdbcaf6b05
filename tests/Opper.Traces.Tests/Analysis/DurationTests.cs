using System;
using NUnit.Framework;
using Opper.Models;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

[TestFixture]
public class DurationTests
{
    private static SpanNode Single(SpanSchema span) => Tree(span).Roots[0];

    [Test]
    public void DurationMsWinsOverTimes()
    {
        SpanNode node = Single(Span("a", start: 0, end: 100, duration: 5));
        Assert.That(node.DurationMs, Is.EqualTo(5));
    }

    [Test]
    public void ZeroDurationMsIsKnown()
    {
        SpanNode node = Single(Span("a", start: 0, end: 100, duration: 0));
        Assert.That(node.DurationMs, Is.EqualTo(0));
        Assert.That(node.HasInterval, Is.True);
    }

    [Test]
    public void NegativeDurationMsIsUnknownAndDoesNotFallBackToTimes()
    {
        SpanTree tree = Tree(Span("a", start: 0, end: 100, duration: -3));
        Assert.That(tree.Roots[0].DurationMs, Is.Null);
        Assert.That(tree.Roots[0].HasInterval, Is.False);
        Assert.That(tree.Problems, Has.Count.EqualTo(1));
        Assert.That(tree.Problems[0].Kind, Is.EqualTo(TraceProblemKind.InvalidDuration));
        Assert.That(tree.Problems[0].SpanIds, Is.EqualTo(new[] { "a" }));
        Assert.That(tree.Problems[0].Message, Does.Contain("-3"));
    }

    [Test]
    public void ComputedFromTimesIsFlooredToWholeMilliseconds()
    {
        Assert.That(Single(Span("a", start: 0, end: 10.9)).DurationMs, Is.EqualTo(10));
        Assert.That(Single(Span("a", start: 0.6, end: 1.5)).DurationMs, Is.EqualTo(0));
        Assert.That(Single(Span("a", start: 5, end: 5)).DurationMs, Is.EqualTo(0));
    }

    [Test]
    public void EndBeforeStartIsUnknownWithOneProblem()
    {
        SpanTree tree = Tree(Span("a", start: 10, end: 9.5));
        Assert.That(tree.Roots[0].DurationMs, Is.Null);
        Assert.That(tree.Problems, Has.Count.EqualTo(1));
        Assert.That(tree.Problems[0].Kind, Is.EqualTo(TraceProblemKind.InvalidDuration));
        Assert.That(tree.Problems[0].SpanIds, Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void MissingTimesGiveUnknownWithoutProblems()
    {
        SpanTree tree = Tree(Span("a", start: 10), Span("b", end: 10), Span("c"));
        foreach (SpanNode node in tree.Walk())
        {
            Assert.That(node.DurationMs, Is.Null);
            Assert.That(node.HasInterval, Is.False);
            Assert.That(node.SelfTimeMs, Is.Null);
        }

        Assert.That(tree.Problems, Is.Empty);
    }

    [Test]
    public void TimesAreComparedAsInstantsAcrossOffsets()
    {
        var span = new SpanSchema
        {
            Id = "a",
            StartTime = new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)), // 08:00Z
            EndTime = new DateTimeOffset(2024, 1, 1, 8, 0, 1, 250, TimeSpan.Zero),
        };
        Assert.That(Single(span).DurationMs, Is.EqualTo(1250));

        var reversed = new SpanSchema
        {
            Id = "b",
            StartTime = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero),
            EndTime = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.FromHours(2)), // 07:00Z
        };
        SpanTree tree = Tree(reversed);
        Assert.That(tree.Roots[0].DurationMs, Is.Null);
        Assert.That(tree.Problems[0].Kind, Is.EqualTo(TraceProblemKind.InvalidDuration));
    }

    [Test]
    public void InvalidDurationOfSpanWithoutIdHasEmptySpanIds()
    {
        SpanTree tree = Tree(Span(null, duration: -1));
        Assert.That(tree.Problems, Has.Count.EqualTo(2));
        Assert.That(tree.Problems[0].Kind, Is.EqualTo(TraceProblemKind.MissingId));
        Assert.That(tree.Problems[1].Kind, Is.EqualTo(TraceProblemKind.InvalidDuration));
        Assert.That(tree.Problems[1].SpanIds, Is.Empty);
    }

    [Test]
    public void IntervalIsStartPlusDurationNotEndTime()
    {
        var start = new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.FromHours(2));
        SpanNode node = Single(new SpanSchema { Id = "a", StartTime = start, EndTime = start.AddHours(1), DurationMs = 1500 });
        Assert.That(node.HasInterval, Is.True);
        Assert.That(node.StartTime, Is.EqualTo(start));
        Assert.That(node.IntervalEnd, Is.EqualTo(start.AddMilliseconds(1500)));
        Assert.That(node.IntervalEnd!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(2)));
    }

    [Test]
    public void NoIntervalWithoutStartEvenWhenEndAndDurationAreKnown()
    {
        SpanNode node = Single(Span("a", end: 50, duration: 10));
        Assert.That(node.DurationMs, Is.EqualTo(10));
        Assert.That(node.HasInterval, Is.False);
        Assert.That(node.IntervalEnd, Is.Null);
        Assert.That(node.SelfTimeMs, Is.Null);
    }

    [Test]
    public void HugeDurationDoesNotThrow()
    {
        SpanTree tree = Tree(Span("a", start: 0, duration: long.MaxValue), Span("b", "a", start: 1, duration: long.MaxValue));
        SpanNode a = tree.Find("a")!;
        Assert.That(a.HasInterval, Is.True);
        Assert.That(a.IntervalEnd, Is.Null);
        Assert.That(a.SelfTimeMs, Is.EqualTo(1d));
        Assert.That(() => tree.Render(), Throws.Nothing);
        Assert.That(() => Trace(Span("a", start: 0, duration: long.MaxValue), Span("b", start: 0, duration: long.MaxValue)).Summarize(), Throws.Nothing);
    }

    [Test]
    public void ExtremeTimestampsDoNotThrow()
    {
        var span1 = new SpanSchema { Id = "a", StartTime = DateTimeOffset.MinValue, EndTime = DateTimeOffset.MaxValue };
        var span2 = new SpanSchema { Id = "b", StartTime = DateTimeOffset.MaxValue, EndTime = DateTimeOffset.MinValue };
        var span3 = new SpanSchema { Id = "c", StartTime = new DateTimeOffset(9999, 12, 31, 23, 59, 59, 500, TimeSpan.FromHours(14)), DurationMs = 1000 };
        SpanTree tree = Tree(span1, span2, span3);
        Assert.That(tree.Find("a")!.DurationMs, Is.EqualTo((DateTimeOffset.MaxValue - DateTimeOffset.MinValue).Ticks / TimeSpan.TicksPerMillisecond));
        Assert.That(tree.Find("b")!.DurationMs, Is.Null);
        Assert.That(tree.Find("c")!.IntervalEnd, Is.Null);
        Assert.That(() => tree.CriticalPath(), Throws.Nothing);
    }
}
