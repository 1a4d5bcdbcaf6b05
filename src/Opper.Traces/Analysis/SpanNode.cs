using System;
using System.Collections.Generic;
using Opper.Models;

namespace Opper;

/// <summary>
/// One span of a <see cref="SpanTree"/>, with its place in the tree and its timing.
/// </summary>
/// <remarks>
/// Durations and intervals are taken when the tree is built; later changes to
/// <see cref="Span"/> are not reflected. Nothing here is recursive, so trees of any depth are safe.
/// A node is a view of its tree: the tree keeps the structure in flat arrays and makes each node
/// the first time it is asked for, always the same instance for the same span.
/// </remarks>
public sealed class SpanNode
{
    private readonly SpanTree _tree;
    private IReadOnlyList<SpanNode>? _children;

    internal SpanNode(SpanTree tree, int position)
    {
        _tree = tree;
        Position = position;
    }

    /// <summary>The span itself.</summary>
    public SpanSchema Span => _tree.SpanAt(Position);

    /// <summary>
    /// The span's position in the trace's <c>Spans</c> list (input order). Null entries of that
    /// list have no node but keep their positions, so indexes can have gaps.
    /// </summary>
    public int Index => _tree.InputIndexOf(Position);

    /// <summary>
    /// The parent node, or <see langword="null"/> for a root (no parent, an orphan, or the span
    /// where a parent cycle was cut).
    /// </summary>
    public SpanNode? Parent => _tree.ParentOf(Position);

    /// <summary>The child nodes, ordered by start time (unknown last), ties in input order.</summary>
    public IReadOnlyList<SpanNode> Children => _children ??= _tree.ChildrenOf(Position);

    /// <summary>Whether this node is one of <see cref="SpanTree.Roots"/>.</summary>
    public bool IsRoot => _tree.IsRootAt(Position);

    /// <summary>Distance from the root: 0 for a root, the parent's depth + 1 otherwise.</summary>
    public int Depth => _tree.DepthOf(Position);

    /// <summary>The number of nodes below this one (children, their children, and so on).</summary>
    public int DescendantCount => _tree.DescendantsOf(Position);

    /// <summary>
    /// The span's duration in whole milliseconds, or <see langword="null"/> when unknown.
    /// <c>duration_ms</c> alone decides when present (unknown when negative); without it, the
    /// time from <c>start_time</c> to <c>end_time</c> floored to milliseconds (unknown when the
    /// end is before the start or either time is missing).
    /// </summary>
    public long? DurationMs => _tree.DurationOf(Position);

    /// <summary>The span's start time (<c>start_time</c>), or <see langword="null"/> when missing.</summary>
    public DateTimeOffset? StartTime => _tree.StartOf(Position);

    /// <summary>
    /// Whether the span has an interval, [<see cref="StartTime"/>, <see cref="StartTime"/> +
    /// <see cref="DurationMs"/>]: true when both are known. Self time and wall time use intervals.
    /// </summary>
    public bool HasInterval => _tree.HasIntervalAt(Position);

    /// <summary>
    /// The end of the span's interval, <see cref="StartTime"/> + <see cref="DurationMs"/>, in the
    /// start's offset; <see langword="null"/> when the span has no interval (or the end lies
    /// beyond <see cref="DateTimeOffset.MaxValue"/>). This is what self time, wall time and the
    /// critical path use; the span's reported <c>end_time</c> stays on <see cref="Span"/>.
    /// </summary>
    public DateTimeOffset? IntervalEnd =>
        HasInterval && DurationMs is { } duration && StartTime is { } start
            ? SpanTiming.AddMilliseconds(start, duration)
            : null;

    /// <summary>
    /// The span's self time in milliseconds: its duration minus the length of the union of its
    /// children's intervals clipped to its own interval, never negative. Children without an
    /// interval count as nothing. <see langword="null"/> when the span has no interval.
    /// </summary>
    public double? SelfTimeMs => _tree.SelfTimeOf(Position);

    /// <summary>
    /// The span's model: <c>data.model</c>, else <c>meta["gen_ai.response.model"]</c>, else
    /// <c>meta["gen_ai.request.model"]</c> (as spans exported from OpenTelemetry carry it). A
    /// value that is empty or not a string counts as absent; <see langword="null"/> when none is there.
    /// </summary>
    /// <remarks>This is the model that <see cref="TraceSummary.ByModel"/> and <see cref="TraceStatistics.ByModel"/> count under.</remarks>
    public string? Model => SpanUsage.Model(Span);

    /// <summary>
    /// The span's tokens: <c>data.total_tokens</c>, else <c>meta["gen_ai.usage.input_tokens"]</c> +
    /// <c>meta["gen_ai.usage.output_tokens"]</c> (either alone when only one is there). A
    /// <c>meta</c> value that is not a number counts as absent; whole-number floats are used,
    /// others truncated toward zero; integers beyond <see cref="long"/> saturate.
    /// <see langword="null"/> when none is there.
    /// </summary>
    /// <remarks>This is what <see cref="TraceSummary.TotalTokens"/> sums.</remarks>
    public long? TotalTokens => SpanUsage.TotalTokens(Span);

    /// <summary>The node's position in the tree's arrays (input order, null entries skipped).</summary>
    internal int Position { get; }

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
    public IEnumerable<SpanNode> Descendants() => _tree.DescendantsInWalkOrder(Position);

    /// <summary>Returns the span's name, id and duration, for debugging.</summary>
    /// <returns>A short description of the node.</returns>
    public override string ToString() =>
        SpanTree.DisplayName(Span.Name) + " [" + (Span.Id ?? string.Empty) + "] " +
        (DurationMs.HasValue ? DurationMs.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ms" : "?");
}
