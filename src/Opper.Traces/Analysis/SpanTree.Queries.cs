using System;
using System.Collections.Generic;
using System.Threading;
using Opper.Models;

namespace Opper;

// Reading the tree: node views over the flat arrays, lookups, the walk and the critical path.
public sealed partial class SpanTree
{
    // ------------------------------------------------------------------ node views

    /// <summary>The node at a position, made on first use; the same instance ever after.</summary>
    internal SpanNode NodeAt(int position)
    {
        SpanNode? node = Volatile.Read(ref _nodes[position]);
        if (node is not null)
        {
            return node;
        }

        var made = new SpanNode(this, position);
        return Interlocked.CompareExchange(ref _nodes[position], made, null) ?? made;
    }

    internal SpanSchema SpanAt(int position) => _spans[position];

    internal int InputIndexOf(int position) => _inputIndex is null ? position : _inputIndex[position];

    internal SpanNode? ParentOf(int position) => _parent[position] < 0 ? null : NodeAt(_parent[position]);

    internal bool IsRootAt(int position) => (_flags[position] & IsRootFlag) != 0;

    internal IReadOnlyList<SpanNode> ChildrenOf(int position) =>
        _childOffset[position + 1] == _childOffset[position]
            ? new NodeList(this, Array.Empty<int>(), 0, 0)
            : new NodeList(this, _childList, _childOffset[position], _childOffset[position + 1] - _childOffset[position]);

    internal int DepthOf(int position) => _depth[position];

    internal int WalkPositionOf(int position) => _walkPosition[position];

    internal int DescendantsOf(int position) => _descendants[position];

    internal long? DurationOf(int position) => (_flags[position] & HasDurationFlag) != 0 ? _duration[position] : null;

    internal DateTimeOffset? StartOf(int position)
    {
        if ((_flags[position] & HasStartFlag) == 0)
        {
            return null;
        }

        // The instant and the offset it was given in, as the span had it.
        long offsetTicks = _startOffsetMinutes[position] * TimeSpan.TicksPerMinute;
        return new DateTimeOffset(_startTicks[position] + offsetTicks, new TimeSpan(offsetTicks));
    }

    internal bool HasIntervalAt(int position) => (_flags[position] & HasIntervalFlag) != 0;

    internal long EndTicksOf(int position) => _endTicks[position];

    internal long StartTicksOf(int position) => _startTicks[position];

    internal double? SelfTimeOf(int position) => double.IsNaN(_selfTime[position]) ? null : _selfTime[position];

    /// <summary>Positions in walk order (for the summary, which needs no node objects).</summary>
    internal int[] WalkPositions => _walk;

    internal IEnumerable<SpanNode> DescendantsInWalkOrder(int position)
    {
        int from = _walkPosition[position] + 1;
        int end = _walkPosition[position] + _descendants[position];
        for (int i = from; i <= end; i++)
        {
            yield return NodeAt(_walk[i]);
        }
    }

    /// <summary>Whether <paramref name="a"/> ranks before <paramref name="b"/> on the critical path.</summary>
    internal bool RanksBefore(int a, int b)
    {
        bool aInterval = HasIntervalAt(a);
        if (aInterval != HasIntervalAt(b))
        {
            return aInterval;
        }

        if (aInterval)
        {
            int byEnd = _endTicks[a].CompareTo(_endTicks[b]);
            if (byEnd != 0)
            {
                return byEnd > 0;
            }

            // Both have an interval, so both durations are known.
            if (_duration[a] != _duration[b])
            {
                return _duration[a] > _duration[b];
            }
        }

        return a < b;
    }

    /// <summary>
    /// The node of the span that owns <paramref name="id"/>: the first span with that id.
    /// </summary>
    /// <param name="id">The span id (compared ordinally).</param>
    /// <returns>The node, or <see langword="null"/> when no span owns the id (always for null or empty).</returns>
    public SpanNode? Find(string id)
    {
        if (IsNullOrEmpty(id))
        {
            return null;
        }

        return _owners.TryGetValue(id, out int position) ? NodeAt(position) : null;
    }

    /// <summary>
    /// Every node exactly once, depth-first pre-order over <see cref="Roots"/> in their order,
    /// children in their order. Not recursive.
    /// </summary>
    /// <returns>The nodes in walk order.</returns>
    public IEnumerable<SpanNode> Walk()
    {
        // The pre-order was computed once, with an explicit stack, when the tree was built.
        int[] walk = _walk;
        for (int i = 0; i < walk.Length; i++)
        {
            yield return NodeAt(walk[i]);
        }
    }

    /// <summary>The nodes whose span name equals <paramref name="name"/> (ordinal; a null name matches ""), in walk order.</summary>
    /// <param name="name">The span name.</param>
    /// <returns>The matching nodes; empty when none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public IReadOnlyList<SpanNode> FindByName(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var result = new List<SpanNode>();
        for (int i = 0; i < _walk.Length; i++)
        {
            if (string.Equals(_spans[_walk[i]].Name ?? string.Empty, name, StringComparison.Ordinal))
            {
                result.Add(NodeAt(_walk[i]));
            }
        }

        return result.AsReadOnly();
    }

    /// <summary>
    /// The nodes whose span type equals <paramref name="type"/> (ordinal), in walk order. Spans
    /// with a null or empty type match <c>"unknown"</c>, the key they have in <see cref="TraceSummary.ByType"/>.
    /// </summary>
    /// <param name="type">The span type, e.g. <c>"generation"</c> or <c>"call"</c>.</param>
    /// <returns>The matching nodes; empty when none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is null.</exception>
    public IReadOnlyList<SpanNode> OfType(string type)
    {
        if (type is null)
        {
            throw new ArgumentNullException(nameof(type));
        }

        var result = new List<SpanNode>();
        for (int i = 0; i < _walk.Length; i++)
        {
            if (string.Equals(TypeKey(_spans[_walk[i]].Type), type, StringComparison.Ordinal))
            {
                result.Add(NodeAt(_walk[i]));
            }
        }

        return result.AsReadOnly();
    }

    /// <summary>
    /// The chain of spans that ends last: from the root whose interval ends last, repeatedly to
    /// the child that ends last, down to a leaf. Ties go to the longer duration, then to input
    /// order; nodes without an interval rank after all that have one, among themselves in input order.
    /// </summary>
    /// <returns>The path from a root to a leaf; empty for an empty tree.</returns>
    public IReadOnlyList<SpanNode> CriticalPath()
    {
        var path = new List<SpanNode>();
        int current = -1;
        for (int i = 0; i < _spans.Length; i++)
        {
            if (IsRootAt(i) && (current < 0 || RanksBefore(i, current)))
            {
                current = i;
            }
        }

        while (current >= 0)
        {
            path.Add(NodeAt(current));
            int best = -1;
            for (int c = _childOffset[current]; c < _childOffset[current + 1]; c++)
            {
                if (best < 0 || RanksBefore(_childList[c], best))
                {
                    best = _childList[c];
                }
            }

            current = best;
        }

        return path.AsReadOnly();
    }
}
