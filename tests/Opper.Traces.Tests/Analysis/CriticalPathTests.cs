using System.Linq;
using NUnit.Framework;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

[TestFixture]
public class CriticalPathTests
{
    [Test]
    public void EmptyTraceHasEmptyPath()
    {
        Assert.That(Tree().CriticalPath(), Is.Empty);
    }

    [Test]
    public void FollowsTheLatestEndingChildDownToALeaf()
    {
        SpanTree tree = Tree(
            Span("r", start: 0, duration: 100),
            Span("a", "r", start: 0, duration: 80),
            Span("b", "r", start: 50, duration: 25),
            Span("a1", "a", start: 0, duration: 10),
            Span("a2", "a", start: 10, duration: 70),
            Span("a2x", "a2", start: 10, duration: 5));
        Assert.That(Ids(tree.CriticalPath()), Is.EqualTo(new[] { "r", "a", "a2", "a2x" }));
    }

    [Test]
    public void RootThatEndsLastWinsNotTheLongest()
    {
        SpanTree tree = Tree(Span("long", start: 0, duration: 100), Span("late", start: 90, duration: 20));
        Assert.That(Ids(tree.CriticalPath()), Is.EqualTo(new[] { "late" }));
    }

    [Test]
    public void EqualEndsGoToTheLongerDuration()
    {
        SpanTree tree = Tree(
            Span("r", start: 0, duration: 100),
            Span("c", "r", start: 20, duration: 40),
            Span("b", "r", start: 10, duration: 50));
        Assert.That(Ids(tree.CriticalPath()), Is.EqualTo(new[] { "r", "b" }));
    }

    [Test]
    public void EqualEndsAndDurationsGoToInputOrder()
    {
        SpanTree tree = Tree(Span("r", start: 0, duration: 100), Span("x", "r", start: 10, duration: 50), Span("y", "r", start: 10, duration: 50));
        Assert.That(Ids(tree.CriticalPath()), Is.EqualTo(new[] { "r", "x" }));
    }

    [Test]
    public void NodesWithoutIntervalRankLastAmongThemselvesInInputOrder()
    {
        SpanTree tree = Tree(
            Span("noStart", duration: 1000),
            Span("r", start: 0, duration: 5),
            Span("u1", "r", start: 50),
            Span("u2", "r", start: 10),
            Span("u3", "r", duration: 7));
        // Child order is u2, u1, u3 (by start); with no interval the first in input order wins.
        Assert.That(Ids(tree.Find("r")!.Children), Is.EqualTo(new[] { "u2", "u1", "u3" }));
        Assert.That(Ids(tree.CriticalPath()), Is.EqualTo(new[] { "r", "u1" }));
    }

    [Test]
    public void AllRootsWithoutIntervalPicksFirstInInputOrder()
    {
        SpanTree tree = Tree(Span("b", start: 5), Span("a", start: 1));
        Assert.That(Ids(tree.Roots), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(Ids(tree.CriticalPath()), Is.EqualTo(new[] { "b" }));
    }

    [Test]
    public void EndsAreComparedAsInstants()
    {
        var t = new System.DateTimeOffset(2024, 1, 1, 8, 0, 0, System.TimeSpan.Zero);
        var a = new Opper.Models.SpanSchema { Id = "a", StartTime = t.ToOffset(System.TimeSpan.FromHours(3)), DurationMs = 100 };
        var b = new Opper.Models.SpanSchema { Id = "b", StartTime = t.ToOffset(System.TimeSpan.FromHours(-3)), DurationMs = 101 };
        Assert.That(Ids(Tree(a, b).CriticalPath()), Is.EqualTo(new[] { "b" }));
    }

    [Test]
    public void PathIsARootToLeafChain()
    {
        SpanTree tree = Tree(Span("r", start: 0, duration: 10), Span("c", "r", start: 1, duration: 2), Span("d", "c"));
        var path = tree.CriticalPath();
        Assert.That(path[0].IsRoot, Is.True);
        Assert.That(path.Last().Children, Is.Empty);
        Assert.That(Ids(path), Is.EqualTo(new[] { "r", "c", "d" }));
    }
}
