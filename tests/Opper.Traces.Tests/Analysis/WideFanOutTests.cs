using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Opper.Models;

namespace Opper.Traces.Tests.Analysis;

/// <summary>
/// Parents with thousands of children and thousands of roots: long runs are ordered by another
/// sort than short ones, so their order (start, unknown last, ties in input order), self time,
/// depth and subtree sizes are checked against plain reference computations.
/// </summary>
[TestFixture]
public class WideFanOutTests
{
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [TestCase(1, false)]
    [TestCase(2, false)]
    [TestCase(3, true)]
    public void LongRunsOfChildrenAndRootsAreOrderedAsAStableSortWouldOrderThem(int seed, bool parentsLast)
    {
        var rng = new Random(seed);
        var spans = new List<SpanSchema>();
        spans.Add(new SpanSchema { Id = "root", StartTime = T0, DurationMs = 10_000 });
        spans.Add(new SpanSchema { Id = "hub", ParentId = "root", StartTime = T0.AddMilliseconds(5), DurationMs = 9_000 });
        for (int i = 0; i < 3000; i++)
        {
            // Few distinct starts (many ties), some unknown, some outside the parent, offsets mixed.
            DateTimeOffset? start = rng.Next(10) == 0 ? null : T0.AddMilliseconds(rng.Next(0, 200) * 50).ToOffset(TimeSpan.FromHours(rng.Next(-3, 4)));
            spans.Add(new SpanSchema
            {
                Id = "c" + i,
                ParentId = rng.Next(20) == 0 ? "missing" : rng.Next(2) == 0 ? "hub" : "c" + rng.Next(Math.Max(1, i / 100)),
                StartTime = start,
                DurationMs = rng.Next(8) == 0 ? null : rng.Next(0, 800),
            });
        }

        if (parentsLast)
        {
            spans.Reverse();
        }

        SpanTree tree = new GetTraceResponse { Id = "t", Spans = spans }.BuildTree();
        Assert.That(tree.Problems.Count(p => p.Kind == TraceProblemKind.Orphan), Is.EqualTo(spans.Count(s => s.ParentId == "missing")));
        Assert.That(tree.Find("hub")!.Children.Count, Is.GreaterThan(1000));
        Assert.That(tree.Roots.Count, Is.GreaterThan(100));

        CheckOrder(tree.Roots);
        foreach (SpanNode node in tree.Walk())
        {
            CheckOrder(node.Children);
            Assert.That(node.SelfTimeMs, Is.EqualTo(ReferenceSelfTime(node)), node.Span.Id);
            Assert.That(node.Depth, Is.EqualTo(node.Parent is null ? 0 : node.Parent.Depth + 1));
            Assert.That(node.DescendantCount, Is.EqualTo(node.Children.Sum(c => c.DescendantCount + 1)));
            Assert.That(node.StartTime, Is.EqualTo(node.Span.StartTime));
            Assert.That(node.StartTime?.Offset, Is.EqualTo(node.Span.StartTime?.Offset));
        }
    }

    [Test]
    public void StartsYearsApartAreOrderedToTheTick()
    {
        // Keys that differ in every byte, and neighbours one tick apart.
        var rng = new Random(7);
        var starts = new List<DateTimeOffset?>();
        for (int i = 0; i < 500; i++)
        {
            long ticks = i % 5 == 0 ? DateTimeOffset.MinValue.UtcTicks + i : (long)(rng.NextDouble() * (DateTimeOffset.MaxValue.UtcTicks - 1000));
            starts.Add(i % 7 == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero));
        }

        starts.Add(DateTimeOffset.MaxValue);
        starts.Add(DateTimeOffset.MinValue);
        var spans = new List<SpanSchema> { new SpanSchema { Id = "p" } };
        spans.AddRange(starts.Select((s, i) => new SpanSchema { Id = "c" + i, ParentId = "p", StartTime = s }));
        SpanTree tree = new GetTraceResponse { Id = "t", Spans = spans }.BuildTree();
        CheckOrder(tree.Roots[0].Children);
        Assert.That(tree.Roots[0].Children[0].Span.Id, Is.EqualTo("c501"));
        Assert.That(tree.Roots[0].Children[^1].Span.Id, Is.EqualTo("c497"));
    }

    private static void CheckOrder(IReadOnlyList<SpanNode> nodes)
    {
        // OrderBy is stable: ties keep their input order.
        var expected = nodes.OrderBy(n => n.Index).OrderBy(n => n.Span.StartTime?.UtcTicks ?? long.MaxValue).Select(n => n.Index).ToList();
        Assert.That(nodes.Select(n => n.Index).ToList(), Is.EqualTo(expected));
    }

    private static double? ReferenceSelfTime(SpanNode node)
    {
        if (node.StartTime is not { } start || node.DurationMs is not { } duration)
        {
            return null;
        }

        long from = start.UtcTicks;
        long to = from + (duration * TimeSpan.TicksPerMillisecond);
        var covered = new List<(long Lo, long Hi)>();
        foreach (SpanNode child in node.Children)
        {
            if (child.StartTime is { } childStart && child.DurationMs is { } childDuration)
            {
                long lo = Math.Max(from, childStart.UtcTicks);
                long hi = Math.Min(to, childStart.UtcTicks + (childDuration * TimeSpan.TicksPerMillisecond));
                if (hi > lo)
                {
                    covered.Add((lo, hi));
                }
            }
        }

        long union = 0;
        long reached = long.MinValue;
        foreach ((long lo, long hi) in covered.OrderBy(c => c.Lo))
        {
            long begin = Math.Max(lo, reached);
            if (hi > begin)
            {
                union += hi - begin;
                reached = hi;
            }
        }

        return (to - from - union) / (double)TimeSpan.TicksPerMillisecond;
    }
}
