using System;
using NUnit.Framework;
using Opper.Models;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

[TestFixture]
public class RenderTests
{
    private static SpanTree Sample() => Tree(
        Span("root", start: 0, duration: 100, name: "research"),
        Span("a", "root", start: 1, duration: 10, name: "search"),
        Span("b", "root", start: 2, name: "think"),
        Span("a1", "a", start: 1, duration: 5, name: "fetch"),
        Span("a1x", "a1", start: 1, duration: 0, name: "parse"),
        Span("other", start: 200, duration: 7, name: "second root"));

    [Test]
    public void RendersEveryLineInWalkOrder()
    {
        Assert.That(Sample().Render(), Is.EqualTo(
            "research (100 ms)\n" +
            "  └─ search (10 ms)\n" +
            "    └─ fetch (5 ms)\n" +
            "      └─ parse (0 ms)\n" +
            "  └─ think (?)\n" +
            "second root (7 ms)"));
    }

    [Test]
    public void MaxDepthZeroShowsRootsAndCountsEverythingBelow()
    {
        Assert.That(Sample().Render(0), Is.EqualTo(
            "research (100 ms)\n" +
            "  └─ … 4 more spans\n" +
            "second root (7 ms)"));
    }

    [Test]
    public void MaxDepthOneUsesSingularForOneHiddenSpanAndCountsAllDescendants()
    {
        Assert.That(Sample().Render(1), Is.EqualTo(
            "research (100 ms)\n" +
            "  └─ search (10 ms)\n" +
            "    └─ … 2 more spans\n" +
            "  └─ think (?)\n" +
            "second root (7 ms)"));
        Assert.That(Sample().Render(2), Is.EqualTo(
            "research (100 ms)\n" +
            "  └─ search (10 ms)\n" +
            "    └─ fetch (5 ms)\n" +
            "      └─ … 1 more span\n" +
            "  └─ think (?)\n" +
            "second root (7 ms)"));
    }

    [Test]
    public void MaxDepthAtOrBeyondTheDeepestEqualsFullRender()
    {
        SpanTree tree = Sample();
        Assert.That(tree.Render(3), Is.EqualTo(tree.Render()));
        Assert.That(tree.Render(int.MaxValue), Is.EqualTo(tree.Render()));
    }

    [Test]
    public void NegativeMaxDepthThrows()
    {
        Assert.That(() => Sample().Render(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void UnnamedAndLineBreaksInNames()
    {
        SpanTree tree = Tree(
            new SpanSchema { Id = "a", Name = null, StartTime = At(0), DurationMs = 1 },
            new SpanSchema { Id = "b", Name = "", StartTime = At(1) },
            new SpanSchema { Id = "c", Name = "x\r\ny\tz\u2028w\u2029v", StartTime = At(2), DurationMs = 12345 },
            new SpanSchema { Id = "d", Name = " (?) ", ParentId = "c" });
        Assert.That(tree.Render(), Is.EqualTo(
            "(unnamed) (1 ms)\n" +
            "(unnamed) (?)\n" +
            "x  y z w v (12345 ms)\n" +
            "  └─  (?)  (?)"));
    }

    [Test]
    public void DurationComputedFromTimesIsRendered()
    {
        Assert.That(Tree(Span("a", start: 0, end: 2.9, name: "n")).Render(), Is.EqualTo("n (2 ms)"));
        Assert.That(Tree(Span("a", start: 0, end: 2.9, duration: -1, name: "n")).Render(), Is.EqualTo("n (?)"));
    }

    [Test]
    public void SingleSpanHasNoTrailingNewline()
    {
        Assert.That(Tree(Span("a", duration: 3, name: "only")).Render(), Is.EqualTo("only (3 ms)"));
        Assert.That(Tree(Span("a", duration: 3, name: "only")).Render(0), Is.EqualTo("only (3 ms)"));
    }

    [Test]
    public void MoreLineUnderEachNodeAtMaxDepthWithDescendants()
    {
        SpanTree tree = Tree(
            Span("r", start: 0, name: "r"),
            Span("a", "r", start: 1, name: "a"),
            Span("a1", "a", start: 1, name: "a1"),
            Span("b", "r", start: 2, name: "b"),
            Span("c", "r", start: 3, name: "c"),
            Span("c1", "c", start: 3, name: "c1"),
            Span("c2", "c", start: 4, name: "c2"),
            Span("c21", "c2", start: 4, name: "c21"));
        Assert.That(tree.Render(1), Is.EqualTo(
            "r (?)\n" +
            "  └─ a (?)\n" +
            "    └─ … 1 more span\n" +
            "  └─ b (?)\n" +
            "  └─ c (?)\n" +
            "    └─ … 3 more spans"));
    }

    [Test]
    public void VeryDeepChainsSwitchToTheCompactForm()
    {
        const int n = 20000; // exact indentation would be n * (n - 1) characters
        var spans = new SpanSchema[n];
        for (int i = 0; i < n; i++)
        {
            spans[i] = new SpanSchema { Id = "s" + i, ParentId = i == 0 ? null : "s" + (i - 1), Name = "n", DurationMs = 1 };
        }

        string text = Tree(spans).Render();
        string[] lines = text.Split('\n');
        Assert.That(lines, Has.Length.EqualTo(n));
        Assert.That(lines[0], Is.EqualTo("n (1 ms)"));
        Assert.That(lines[32], Is.EqualTo(new string(' ', 64) + "└─ n (1 ms)"));
        Assert.That(lines[33], Is.EqualTo(new string(' ', 64) + "└─ [depth 33] n (1 ms)"));
        Assert.That(lines[n - 1], Is.EqualTo(new string(' ', 64) + "└─ [depth 19999] n (1 ms)"));

        // A shallower render of the same chain is exact.
        string shallow = Tree(spans).Render(40);
        string[] shallowLines = shallow.Split('\n');
        Assert.That(shallowLines, Has.Length.EqualTo(42));
        Assert.That(shallowLines[40], Is.EqualTo(new string(' ', 80) + "└─ n (1 ms)"));
        Assert.That(shallowLines[41], Is.EqualTo(new string(' ', 82) + "└─ … 19959 more spans"));
    }
}
