using System.Linq;
using NUnit.Framework;
using Opper.Models;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

[TestFixture]
public class ProblemOrderTests
{
    [Test]
    public void ProblemsFollowInputOrderOfFirstSpanThenKindOrder()
    {
        SpanTree tree = Tree(
            Span(null, "zzz", duration: -1, name: "bad"), // Orphan, MissingId, InvalidDuration
            Span("a", "b"),                                // first of cycle a,b; owner of duplicate a
            Span("b", "a"),
            Span("a", null),                               // duplicate of a
            Span("c", start: 10, end: 5));                 // InvalidDuration
        Assert.That(tree.Problems.Select(p => p.Kind), Is.EqualTo(new[]
        {
            TraceProblemKind.Orphan,
            TraceProblemKind.MissingId,
            TraceProblemKind.InvalidDuration,
            TraceProblemKind.Cycle,
            TraceProblemKind.DuplicateId,
            TraceProblemKind.InvalidDuration,
        }));
        Assert.That(tree.Problems.Select(p => string.Join(",", p.SpanIds)), Is.EqualTo(new[] { "", "", "", "a,b", "a", "c" }));
        Assert.That(tree.Count, Is.EqualTo(5));
    }

    [Test]
    public void DuplicateIdIsReportedOnceAtTheFirstSpanWithTheId()
    {
        SpanTree tree = Tree(Span("x", duration: -2), Span("y"), Span("x"), Span("y"), Span("x"));
        Assert.That(tree.Problems.Select(p => p.Kind + ":" + string.Join(",", p.SpanIds)), Is.EqualTo(new[]
        {
            "DuplicateId:x",
            "InvalidDuration:x",
            "DuplicateId:y",
        }));
    }

    [Test]
    public void MessagesAreSingleLineEvenForNamesWithLineBreaks()
    {
        SpanTree tree = Tree(Span("a\nb", "z\r\nz", name: "x\ty"));
        Assert.That(tree.Problems[0].Message, Is.EqualTo("Span 'a b' (x y) names parent 'z  z', which is not in the trace."));
    }

    [Test]
    public void ProblemToStringAndConstructor()
    {
        var problem = new TraceProblem(TraceProblemKind.Cycle, new[] { "a" }, "m");
        Assert.That(problem.ToString(), Is.EqualTo("Cycle: m"));
        Assert.That(problem.SpanIds, Is.EqualTo(new[] { "a" }));
        Assert.That(() => new TraceProblem(TraceProblemKind.Cycle, null!, "m"), Throws.ArgumentNullException);
        Assert.That(() => new TraceProblem(TraceProblemKind.Cycle, new string[0], null!), Throws.ArgumentNullException);
    }

    [Test]
    public void LongCycleMessageIsShortButSpanIdsAreComplete()
    {
        var spans = new SpanSchema[50];
        for (int i = 0; i < spans.Length; i++)
        {
            spans[i] = Span("s" + i, "s" + ((i + 1) % spans.Length));
        }

        SpanTree tree = Tree(spans);
        TraceProblem problem = tree.Problems.Single();
        Assert.That(problem.SpanIds, Has.Count.EqualTo(50));
        Assert.That(problem.Message, Does.Contain("and 40 more"));
        Assert.That(tree.Roots.Single().Span.Id, Is.EqualTo("s0"));
        Assert.That(tree.MaxDepth, Is.EqualTo(49));
    }
}
