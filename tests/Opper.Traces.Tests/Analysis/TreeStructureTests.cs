using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Opper.Models;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

[TestFixture]
public class TreeStructureTests
{
    [Test]
    public void NullSpansGiveAnEmptyTree()
    {
        SpanTree tree = new GetTraceResponse { Id = "t", Spans = null }.BuildTree();
        Assert.That(tree.Count, Is.Zero);
        Assert.That(tree.Roots, Is.Empty);
        Assert.That(tree.Orphans, Is.Empty);
        Assert.That(tree.Problems, Is.Empty);
        Assert.That(tree.Walk(), Is.Empty);
        Assert.That(tree.CriticalPath(), Is.Empty);
        Assert.That(tree.MaxDepth, Is.Zero);
        Assert.That(tree.Render(), Is.EqualTo(string.Empty));
        Assert.That(tree.Render(0), Is.EqualTo(string.Empty));
        Assert.That(tree.Find("x"), Is.Null);
    }

    [Test]
    public void EmptySpanListGivesAnEmptyTree()
    {
        SpanTree tree = Tree();
        Assert.That(tree.Count, Is.Zero);
        Assert.That(SpanTree.FromSpans(null).Count, Is.Zero);
    }

    [Test]
    public void NullEntriesAreSkippedButKeepTheirPositions()
    {
        SpanTree tree = Tree(null, Span("a"), null, Span("b", "a"), Span(null, name: "n"));
        Assert.That(tree.Count, Is.EqualTo(3));
        Assert.That(tree.Find("a")!.Index, Is.EqualTo(1));
        Assert.That(tree.Find("b")!.Index, Is.EqualTo(3));
        Assert.That(tree.Find("b")!.Parent, Is.SameAs(tree.Find("a")));
        Assert.That(tree.Problems, Has.Count.EqualTo(1));
        Assert.That(tree.Problems[0].Kind, Is.EqualTo(TraceProblemKind.MissingId));
        Assert.That(tree.Problems[0].Message, Is.EqualTo("Span at index 4 (n) has no id; no span can name it as parent."));
    }

    [Test]
    public void NullAndEmptyParentIdsMeanNoParent()
    {
        SpanTree tree = Tree(Span("a", null), Span("b", ""));
        Assert.That(Ids(tree.Roots), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(tree.Orphans, Is.Empty);
        Assert.That(tree.Problems, Is.Empty);
        Assert.That(tree.Roots.All(r => r.IsRoot && r.Depth == 0 && r.Parent is null), Is.True);
    }

    [Test]
    public void OrphanBecomesRootWithOneProblem()
    {
        SpanTree tree = Tree(Span("root"), Span("abc", "zzz", name: "fetch_page"), Span("c", "abc"));
        SpanNode orphan = tree.Find("abc")!;
        Assert.That(orphan.IsRoot, Is.True);
        Assert.That(orphan.Depth, Is.Zero);
        Assert.That(tree.Roots, Does.Contain(orphan));
        Assert.That(tree.Orphans, Is.EqualTo(new[] { orphan }));
        Assert.That(tree.Find("c")!.Parent, Is.SameAs(orphan));
        Assert.That(tree.Problems, Has.Count.EqualTo(1));
        TraceProblem problem = tree.Problems[0];
        Assert.That(problem.Kind, Is.EqualTo(TraceProblemKind.Orphan));
        Assert.That(problem.SpanIds, Is.EqualTo(new[] { "abc" }));
        Assert.That(problem.Message, Is.EqualTo("Span 'abc' (fetch_page) names parent 'zzz', which is not in the trace."));
    }

    [Test]
    public void OrphanWithoutIdHasEmptySpanIdsAndAlsoMissingId()
    {
        SpanTree tree = Tree(Span(null, "zzz", name: "x"));
        Assert.That(tree.Orphans, Has.Count.EqualTo(1));
        Assert.That(tree.Problems.Select(p => p.Kind), Is.EqualTo(new[] { TraceProblemKind.Orphan, TraceProblemKind.MissingId }));
        Assert.That(tree.Problems[0].SpanIds, Is.Empty);
        Assert.That(tree.Problems[0].Message, Is.EqualTo("Span at index 0 (x) names parent 'zzz', which is not in the trace."));
    }

    [Test]
    public void OrphansAreListedInInputOrder()
    {
        SpanTree tree = Tree(Span("late", "x", start: 50), Span("early", "y", start: 1));
        Assert.That(Ids(tree.Orphans), Is.EqualTo(new[] { "late", "early" }));
        Assert.That(Ids(tree.Roots), Is.EqualTo(new[] { "early", "late" }));
    }

    [Test]
    public void TwoCycleIsCutAtFirstInInputOrder()
    {
        SpanTree tree = Tree(Span("a", "b"), Span("b", "a"));
        SpanNode a = tree.Find("a")!;
        SpanNode b = tree.Find("b")!;
        Assert.That(tree.Roots, Is.EqualTo(new[] { a }));
        Assert.That(b.Parent, Is.SameAs(a));
        Assert.That(b.Depth, Is.EqualTo(1));
        Assert.That(tree.Orphans, Is.Empty);
        Assert.That(tree.Problems, Has.Count.EqualTo(1));
        Assert.That(tree.Problems[0].Kind, Is.EqualTo(TraceProblemKind.Cycle));
        Assert.That(tree.Problems[0].SpanIds, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(tree.Problems[0].Message, Does.Contain("'a', 'b'"));
    }

    [Test]
    public void CycleMembersAreInInputOrderWhateverTheLinkDirection()
    {
        SpanTree tree = Tree(Span("b", "a"), Span("c", "b"), Span("a", "c"));
        Assert.That(Ids(tree.Roots), Is.EqualTo(new[] { "b" }));
        Assert.That(Ids(tree.Walk()), Is.EqualTo(new[] { "b", "c", "a" }));
        Assert.That(tree.Problems.Single().SpanIds, Is.EqualTo(new[] { "b", "c", "a" }));
    }

    [Test]
    public void SelfParentIsACycleOfOne()
    {
        SpanTree tree = Tree(Span("a", "a", name: "loop"), Span("b", "a"));
        SpanNode a = tree.Find("a")!;
        Assert.That(a.IsRoot, Is.True);
        Assert.That(tree.Find("b")!.Parent, Is.SameAs(a));
        Assert.That(tree.Problems, Has.Count.EqualTo(1));
        Assert.That(tree.Problems[0].Kind, Is.EqualTo(TraceProblemKind.Cycle));
        Assert.That(tree.Problems[0].SpanIds, Is.EqualTo(new[] { "a" }));
        Assert.That(tree.Problems[0].Message, Is.EqualTo("Span 'a' (loop) names itself as parent; the link was cut and it was made a root."));
    }

    [Test]
    public void CycleWithATailOnlyReportsTheLoop()
    {
        // x -> a -> b -> c -> a: the loop is a, b, c; x hangs off it.
        SpanTree tree = Tree(Span("x", "a", start: 5), Span("a", "b"), Span("b", "c"), Span("c", "a", start: 1));
        SpanNode a = tree.Find("a")!;
        Assert.That(tree.Roots, Is.EqualTo(new[] { a }));
        Assert.That(Ids(a.Children), Is.EqualTo(new[] { "c", "x" }));
        Assert.That(tree.Find("b")!.Parent!.Span.Id, Is.EqualTo("c"));
        Assert.That(tree.Find("b")!.Depth, Is.EqualTo(2));
        Assert.That(tree.Problems, Has.Count.EqualTo(1));
        Assert.That(tree.Problems[0].SpanIds, Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(tree.Count, Is.EqualTo(4));
        Assert.That(tree.Walk().Count(), Is.EqualTo(4));
    }

    [Test]
    public void SeveralCyclesGiveOneProblemEach()
    {
        SpanTree tree = Tree(Span("a", "b"), Span("x", "x"), Span("b", "a"), Span("p", "q"), Span("q", "p"));
        Assert.That(tree.Problems.Select(p => string.Join(",", p.SpanIds)), Is.EqualTo(new[] { "a,b", "x", "p,q" }));
        Assert.That(Ids(tree.Roots), Is.EqualTo(new[] { "a", "x", "p" }));
    }

    [Test]
    public void DuplicateIdsFirstOwnsLaterPlacedByOwnParent()
    {
        SpanTree tree = Tree(
            Span("d", null, name: "first"),
            Span("c", "d"),
            Span("d", "d", name: "second"),
            Span("d", "nope", name: "third"),
            Span("e", null));
        SpanNode first = tree.Find("d")!;
        Assert.That(first.Span.Name, Is.EqualTo("first"));
        Assert.That(Ids(first.Children), Is.EqualTo(new[] { "c", "d" }));
        Assert.That(first.Children[1].Span.Name, Is.EqualTo("second"));
        SpanNode third = tree.Walk().Single(n => n.Span.Name == "third");
        Assert.That(tree.Orphans, Is.EqualTo(new[] { third }));
        Assert.That(tree.Count, Is.EqualTo(5));
        Assert.That(tree.Problems.Select(p => p.Kind), Is.EqualTo(new[] { TraceProblemKind.DuplicateId, TraceProblemKind.Orphan }));
        Assert.That(tree.Problems[0].SpanIds, Is.EqualTo(new[] { "d" }));
        Assert.That(tree.Problems[0].Message, Does.Contain("3 spans"));
    }

    [Test]
    public void MissingIdsAreNodesThatNothingCanAttachTo()
    {
        SpanTree tree = Tree(Span(null, name: "n1"), Span("", name: "n2"), Span("c", ""));
        Assert.That(tree.Count, Is.EqualTo(3));
        Assert.That(tree.Roots, Has.Count.EqualTo(3));
        Assert.That(tree.Find(""), Is.Null);
        Assert.That(tree.Find(null!), Is.Null);
        Assert.That(tree.Problems.Select(p => p.Kind), Is.EqualTo(new[] { TraceProblemKind.MissingId, TraceProblemKind.MissingId }));
        Assert.That(tree.Problems.All(p => p.SpanIds.Count == 0), Is.True);
        Assert.That(tree.Problems[1].Message, Is.EqualTo("Span at index 1 (n2) has no id; no span can name it as parent."));
    }

    [Test]
    public void ChildrenAndRootsAreOrderedByStartUnknownLastTiesInInputOrder()
    {
        SpanTree tree = Tree(
            Span("p", start: 0),
            Span("c1", "p", start: 5),
            Span("c2", "p"),
            Span("c3", "p", start: 1),
            Span("c4", "p", start: 5),
            Span("c5", "p"),
            Span("r2"),
            Span("r3", start: -1));
        Assert.That(Ids(tree.Find("p")!.Children), Is.EqualTo(new[] { "c3", "c1", "c4", "c2", "c5" }));
        Assert.That(Ids(tree.Roots), Is.EqualTo(new[] { "r3", "p", "r2" }));
    }

    [Test]
    public void OrderComparesInstantsNotLocalClockTimes()
    {
        var p = new SpanSchema { Id = "p" };
        var late = new SpanSchema { Id = "late", ParentId = "p", StartTime = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero) };
        var early = new SpanSchema { Id = "early", ParentId = "p", StartTime = new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)) };
        SpanTree tree = Tree(p, late, early);
        Assert.That(Ids(tree.Find("p")!.Children), Is.EqualTo(new[] { "early", "late" }));
    }

    [Test]
    public void WalkIsPreOrderAndDepthsFollowParents()
    {
        SpanTree tree = Tree(
            Span("b1", "b", start: 30),
            Span("a", start: 0),
            Span("b", start: 10),
            Span("a2", "a", start: 2),
            Span("a1", "a", start: 1),
            Span("a1x", "a1", start: 1));
        Assert.That(Ids(tree.Walk()), Is.EqualTo(new[] { "a", "a1", "a1x", "a2", "b", "b1" }));
        Assert.That(tree.Walk().Select(n => n.Depth), Is.EqualTo(new[] { 0, 1, 2, 1, 0, 1 }));
        Assert.That(tree.MaxDepth, Is.EqualTo(2));
        Assert.That(tree.Count, Is.EqualTo(6));
    }

    [Test]
    public void NodeNavigationHelpers()
    {
        SpanTree tree = Tree(Span("r", start: 0), Span("a", "r", start: 1), Span("b", "r", start: 2), Span("a1", "a", start: 1), Span("a2", "a", start: 3));
        SpanNode r = tree.Find("r")!;
        SpanNode a2 = tree.Find("a2")!;
        Assert.That(Ids(a2.Ancestors()), Is.EqualTo(new[] { "a", "r" }));
        Assert.That(r.Ancestors(), Is.Empty);
        Assert.That(Ids(r.Descendants()), Is.EqualTo(new[] { "a", "a1", "a2", "b" }));
        Assert.That(Ids(tree.Find("a")!.Descendants()), Is.EqualTo(new[] { "a1", "a2" }));
        Assert.That(a2.Descendants(), Is.Empty);
        Assert.That(r.DescendantCount, Is.EqualTo(4));
        Assert.That(tree.Find("a")!.DescendantCount, Is.EqualTo(2));
        Assert.That(r.IsRoot, Is.True);
        Assert.That(a2.IsRoot, Is.False);
    }

    [Test]
    public void FindByNameAndOfTypeReturnWalkOrder()
    {
        SpanTree tree = Tree(
            Span("r", start: 0, name: "root", type: "call"),
            Span("g2", "r", start: 5, name: "llm", type: "generation"),
            Span("g1", "r", start: 1, name: "llm", type: "generation"),
            Span("u1", "r", start: 2, name: null, type: null),
            Span("u2", "r", start: 3, name: "", type: ""));
        Assert.That(Ids(tree.FindByName("llm")), Is.EqualTo(new[] { "g1", "g2" }));
        Assert.That(tree.FindByName("nothing"), Is.Empty);
        Assert.That(Ids(tree.OfType("generation")), Is.EqualTo(new[] { "g1", "g2" }));
        Assert.That(Ids(tree.OfType("unknown")), Is.EqualTo(new[] { "u1", "u2" }));
        Assert.That(() => tree.FindByName(null!), Throws.ArgumentNullException);
        Assert.That(() => tree.OfType(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void FindByNameEmptyMatchesNullAndEmptyNames()
    {
        var a = new SpanSchema { Id = "a", Name = null };
        var b = new SpanSchema { Id = "b", Name = "" };
        SpanTree tree = Tree(a, b);
        Assert.That(Ids(tree.FindByName(string.Empty)), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void WalkCanBeEnumeratedMoreThanOnce()
    {
        SpanTree tree = Tree(Span("a"), Span("b", "a"));
        Assert.That(tree.Walk().Count(), Is.EqualTo(2));
        Assert.That(tree.Walk().Count(), Is.EqualTo(2));
    }

    [Test]
    public void ChildrenCannotBeModifiedThroughTheInterface()
    {
        SpanTree tree = Tree(Span("a"), Span("b", "a"));
        var children = tree.Find("a")!.Children as IList<SpanNode>;
        Assert.That(children, Is.Not.Null);
        Assert.That(children!.IsReadOnly, Is.True);
        Assert.That(tree.Roots as IList<SpanNode>, Has.Property("IsReadOnly").True);
    }
}
