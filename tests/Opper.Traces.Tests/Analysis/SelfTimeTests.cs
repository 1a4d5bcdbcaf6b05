using NUnit.Framework;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

[TestFixture]
public class SelfTimeTests
{
    [Test]
    public void LeafSelfTimeIsItsDuration()
    {
        Assert.That(Tree(Span("a", start: 0, duration: 42)).Roots[0].SelfTimeMs, Is.EqualTo(42d));
    }

    [Test]
    public void OverlappingClippedAndIntervalLessChildren()
    {
        SpanTree tree = Tree(
            Span("p", start: 0, duration: 100),
            Span("c1", "p", start: 10, duration: 20),   // [10,30]
            Span("c2", "p", start: 20, duration: 30),   // [20,50], overlaps c1
            Span("c3", "p", start: 90, duration: 30),   // [90,120] clipped to [90,100]
            Span("c4", "p", start: -10, duration: 15),  // [-10,5] clipped to [0,5]
            Span("c5", "p", duration: 50),              // no start: counts as nothing
            Span("c6", "p", start: 60, end: 70),        // computed duration: [60,70]
            Span("c7", "p", start: 70, duration: -5));  // unknown duration: nothing
        // union: [0,5] + [10,50] + [60,70] + [90,100] = 5 + 40 + 10 + 10 = 65
        Assert.That(tree.Find("p")!.SelfTimeMs, Is.EqualTo(35d));
    }

    [Test]
    public void ChildrenOutsideTheParentCountAsNothing()
    {
        SpanTree tree = Tree(Span("p", start: 0, duration: 100), Span("c", "p", start: 200, duration: 50), Span("d", "p", start: 100, duration: 5));
        Assert.That(tree.Find("p")!.SelfTimeMs, Is.EqualTo(100d));
    }

    [Test]
    public void NeverNegative()
    {
        SpanTree tree = Tree(Span("p", start: 0, duration: 100), Span("c", "p", start: -50, duration: 300), Span("d", "p", start: 0, duration: 100));
        Assert.That(tree.Find("p")!.SelfTimeMs, Is.EqualTo(0d));
    }

    [Test]
    public void OnlyDirectChildrenCount()
    {
        SpanTree tree = Tree(Span("p", start: 0, duration: 100), Span("c", "p", start: 0, duration: 10), Span("g", "c", start: 50, duration: 40));
        Assert.That(tree.Find("p")!.SelfTimeMs, Is.EqualTo(90d));
        Assert.That(tree.Find("c")!.SelfTimeMs, Is.EqualTo(10d));
    }

    [Test]
    public void ParentWithoutIntervalHasUnknownSelfTime()
    {
        SpanTree tree = Tree(Span("p", duration: 100), Span("c", "p", start: 0, duration: 10), Span("q", start: 0), Span("d", "q", start: 0, duration: 10));
        Assert.That(tree.Find("p")!.SelfTimeMs, Is.Null);
        Assert.That(tree.Find("q")!.SelfTimeMs, Is.Null);
        Assert.That(tree.Find("c")!.SelfTimeMs, Is.EqualTo(10d));
    }

    [Test]
    public void SubMillisecondStartsAreExact()
    {
        SpanTree tree = Tree(Span("p", start: 0, duration: 10), Span("c", "p", start: 2.5, duration: 5), Span("d", "p", start: 8.75, duration: 5));
        // [2.5,7.5] + [8.75,10] = 5 + 1.25
        Assert.That(tree.Find("p")!.SelfTimeMs, Is.EqualTo(3.75d));
    }

    [Test]
    public void ChildrenWithOtherOffsetsAreClippedByInstant()
    {
        var start = new System.DateTimeOffset(2024, 1, 1, 8, 0, 0, System.TimeSpan.Zero);
        var p = new Opper.Models.SpanSchema { Id = "p", StartTime = start, DurationMs = 1000 };
        var c = new Opper.Models.SpanSchema { Id = "c", ParentId = "p", StartTime = start.ToOffset(System.TimeSpan.FromHours(-5)).AddMilliseconds(600), DurationMs = 1000 };
        Assert.That(Tree(p, c).Find("p")!.SelfTimeMs, Is.EqualTo(600d));
    }
}
