using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Opper.Models;

namespace Opper;

/// <summary>
/// One span of a <see cref="SpanTree"/>, with its place in the tree and its timing.
/// </summary>
/// <remarks>
/// Durations and intervals are taken when the tree is built; later changes to
/// <see cref="Span"/> are not reflected. Nothing here is recursive, so trees of any depth are safe.
/// </remarks>
public sealed class SpanNode
{
    private static readonly IReadOnlyList<SpanNode> NoChildren = new ReadOnlyCollection<SpanNode>(Array.Empty<SpanNode>());

    private SpanNode[] _walkOrder = Array.Empty<SpanNode>();

    internal SpanNode(SpanSchema span, int index)
    {
        Span = span;
        Index = index;
        StartTime = span.StartTime;
        DurationMs = SpanTiming.Duration(span, out SpanTiming.DurationSource source);
        Source = source;
        HasInterval = SpanTiming.TryInterval(StartTime, DurationMs, out decimal start, out decimal end);
        StartMs = start;
        EndMs = end;
        StartTicks = StartTime.HasValue ? StartTime.Value.UtcTicks : 0L;
        Children = NoChildren;
    }

    /// <summary>The span itself.</summary>
    public SpanSchema Span { get; }

    /// <summary>
    /// The span's position in the trace's <c>Spans</c> list (input order). Null entries of that
    /// list have no node but keep their positions, so indexes can have gaps.
    /// </summary>
    public int Index { get; }

    /// <summary>
    /// The parent node, or <see langword="null"/> for a root (no parent, an orphan, or the span
    /// where a parent cycle was cut).
    /// </summary>
    public SpanNode? Parent { get; private set; }

    /// <summary>The child nodes, ordered by start time (unknown last), ties in input order.</summary>
    public IReadOnlyList<SpanNode> Children { get; private set; }

    /// <summary>Whether this node is one of <see cref="SpanTree.Roots"/>.</summary>
    public bool IsRoot => Parent is null;

    /// <summary>Distance from the root: 0 for a root, the parent's depth + 1 otherwise.</summary>
    public int Depth { get; private set; }

    /// <summary>The number of nodes below this one (children, their children, and so on).</summary>
    public int DescendantCount { get; private set; }

    /// <summary>
    /// The span's duration in whole milliseconds, or <see langword="null"/> when unknown.
    /// <c>duration_ms</c> alone decides when present (unknown when negative); without it, the
    /// time from <c>start_time</c> to <c>end_time</c> floored to milliseconds (unknown when the
    /// end is before the start or either time is missing).
    /// </summary>
    public long? DurationMs { get; }

    /// <summary>The span's start time (<c>start_time</c>), or <see langword="null"/> when missing.</summary>
    public DateTimeOffset? StartTime { get; }

    /// <summary>
    /// Whether the span has an interval, [<see cref="StartTime"/>, <see cref="StartTime"/> +
    /// <see cref="DurationMs"/>]: true when both are known. Self time and wall time use intervals.
    /// </summary>
    public bool HasInterval { get; }

    /// <summary>
    /// The end of the span's interval, <see cref="StartTime"/> + <see cref="DurationMs"/>, in the
    /// start's offset; <see langword="null"/> when the span has no interval (or the end lies
    /// beyond <see cref="DateTimeOffset.MaxValue"/>). This is what self time, wall time and the
    /// critical path use; the span's reported <c>end_time</c> stays on <see cref="Span"/>.
    /// </summary>
    public DateTimeOffset? IntervalEnd =>
        HasInterval && DurationMs.HasValue && StartTime.HasValue
            ? SpanTiming.AddMilliseconds(StartTime.Value, DurationMs.Value)
            : null;

    /// <summary>
    /// The span's self time in milliseconds: its duration minus the length of the union of its
    /// children's intervals clipped to its own interval, never negative. Children without an
    /// interval count as nothing. <see langword="null"/> when the span has no interval.
    /// </summary>
    public double? SelfTimeMs { get; private set; }

    internal SpanTiming.DurationSource Source { get; }

    /// <summary>Interval start in exact milliseconds since 0001-01-01 UTC (when <see cref="HasInterval"/>).</summary>
    internal decimal StartMs { get; }

    /// <summary>Interval end in exact milliseconds since 0001-01-01 UTC (when <see cref="HasInterval"/>).</summary>
    internal decimal EndMs { get; }

    internal long StartTicks { get; }

    internal int WalkPosition { get; private set; }

    /// <summary>
    /// The ancestors of this node, nearest first: the parent, its parent, and so on up to the root.
    /// </summary>
    /// <returns>The ancestors; empty for a root.</returns>
    public IEnumerable<SpanNode> Ancestors()
    {
        for (SpanNode? node = Parent; node is not null; node = node.Parent)
        {
            yield return node;
        }
    }

    /// <summary>
    /// The nodes below this one in depth-first pre-order (the order of <see cref="SpanTree.Walk"/>),
    /// not including this node.
    /// </summary>
    /// <returns>The descendants; empty for a leaf.</returns>
    public IEnumerable<SpanNode> Descendants()
    {
        // A pre-order walk keeps every subtree contiguous: the descendants are the
        // DescendantCount nodes that follow this one in the tree's walk order.
        SpanNode[] order = _walkOrder;
        int end = WalkPosition + DescendantCount;
        for (int i = WalkPosition + 1; i <= end; i++)
        {
            yield return order[i];
        }
    }

    /// <summary>Returns the span's name, id and duration, for debugging.</summary>
    /// <returns>A short description of the node.</returns>
    public override string ToString() =>
        SpanTree.DisplayName(Span.Name) + " [" + (Span.Id ?? string.Empty) + "] " +
        (DurationMs.HasValue ? DurationMs.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ms" : "?");

    internal void SetParent(SpanNode? parent) => Parent = parent;

    internal void SetChildren(SpanNode[] children) =>
        Children = children.Length == 0 ? NoChildren : new ReadOnlyCollection<SpanNode>(children);

    internal void SetPlacement(int depth, int walkPosition, SpanNode[] walkOrder)
    {
        Depth = depth;
        WalkPosition = walkPosition;
        _walkOrder = walkOrder;
    }

    internal void SetDescendantCount(int count) => DescendantCount = count;

    /// <summary>Orders children and roots: known start first, by instant; ties in input order.</summary>
    internal static int CompareByStart(SpanNode a, SpanNode b)
    {
        bool aKnown = a.StartTime.HasValue;
        bool bKnown = b.StartTime.HasValue;
        if (aKnown != bKnown)
        {
            return aKnown ? -1 : 1;
        }

        if (aKnown)
        {
            int byStart = a.StartTicks.CompareTo(b.StartTicks);
            if (byStart != 0)
            {
                return byStart;
            }
        }

        return a.Index.CompareTo(b.Index);
    }

    /// <summary>
    /// Whether <paramref name="a"/> ranks before <paramref name="b"/> on the critical path:
    /// nodes with an interval first, the later end first, then the longer duration, then input order.
    /// </summary>
    internal static bool RanksBefore(SpanNode a, SpanNode b)
    {
        if (a.HasInterval != b.HasInterval)
        {
            return a.HasInterval;
        }

        if (a.HasInterval)
        {
            int byEnd = a.EndMs.CompareTo(b.EndMs);
            if (byEnd != 0)
            {
                return byEnd > 0;
            }

            // Both have an interval, so both durations are known.
            long aDuration = a.DurationMs.GetValueOrDefault();
            long bDuration = b.DurationMs.GetValueOrDefault();
            if (aDuration != bDuration)
            {
                return aDuration > bDuration;
            }
        }

        return a.Index < b.Index;
    }

    /// <summary>Sets <see cref="SelfTimeMs"/>; called once the children are in their final order.</summary>
    internal void ComputeSelfTime()
    {
        if (!HasInterval)
        {
            SelfTimeMs = null;
            return;
        }

        // Children are ordered by start and those with an interval all have a start, so they
        // arrive in non-decreasing start order; clipping to [start, end] keeps that order.
        var union = default(SpanTiming.UnionBuilder);
        IReadOnlyList<SpanNode> children = Children;
        for (int i = 0; i < children.Count; i++)
        {
            SpanNode child = children[i];
            if (!child.HasInterval)
            {
                continue;
            }

            decimal lo = child.StartMs < StartMs ? StartMs : child.StartMs;
            decimal hi = child.EndMs > EndMs ? EndMs : child.EndMs;
            union.Add(lo, hi);
        }

        decimal self = (EndMs - StartMs) - union.Length;
        SelfTimeMs = self > 0m ? (double)self : 0d;
    }
}
