using System;
using System.Collections.Generic;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Threading;
using Opper.Models;

namespace Opper;

/// <summary>
/// The spans of a trace arranged as a forest: roots, parents and children, depth, self time,
/// the critical path, a text rendering, and the data problems found on the way.
/// </summary>
/// <remarks>
/// <para>
/// Build one with <see cref="GetTraceResponse.BuildTree"/> or <see cref="FromSpans"/>. Building
/// never throws for bad data and never loses a span: orphans become roots, each parent cycle is
/// cut at its first span (input order), duplicate ids keep every span, and each repair is
/// listed in <see cref="Problems"/>. A null entry of the span list is not a span and is skipped
/// silently (it keeps its position, see <see cref="SpanNode.Index"/>).
/// </para>
/// <para>
/// Nothing is recursive: chains of millions of spans are safe. Building costs O(n log n) for
/// sorting children, everything else is linear. The tree is a snapshot of the spans' timing and
/// parent links at build time; build it again after changing them. It is safe to read from
/// several threads.
/// </para>
/// </remarks>
public sealed class SpanTree
{
    /// <summary>Name shown for a span whose name is null or empty.</summary>
    internal const string UnnamedSpan = "(unnamed)";

    /// <summary>Key used for spans whose type is null or empty.</summary>
    internal const string UnknownType = "unknown";

    /// <summary>Beyond this much indentation, <see cref="Render(int)"/> switches to its compact form.</summary>
    internal const long MaxExactIndentChars = 64L * 1024 * 1024;

    /// <summary>Indentation depth at which the compact form of <see cref="Render(int)"/> stops indenting.</summary>
    internal const int CompactIndentDepth = 32;

    private const int MaxIdsInMessage = 10;

    // The tree lives in flat arrays indexed by a span's position (its input order, null entries
    // skipped): a million spans cost a few large arrays, not a million objects for the garbage
    // collector to trace. Nodes are made on demand, one per position, always the same instance.
    private const byte HasDurationFlag = 1;
    private const byte HasStartFlag = 2;
    private const byte HasIntervalFlag = 4;
    private const byte IsRootFlag = 8;

    private readonly SpanSchema[] _spans;
    private readonly int[] _inputIndex;
    private readonly int[] _parent;
    private readonly int[] _childOffset;
    private readonly int[] _childList;
    private readonly int[] _walk;
    private readonly int[] _walkPosition;
    private readonly int[] _depth;
    private readonly int[] _descendants;
    private readonly long[] _duration;
    private readonly DateTimeOffset[] _start;
    private readonly long[] _startTicks;
    private readonly long[] _endTicks;
    private readonly double[] _selfTime;
    private readonly byte[] _flags;
    private readonly SpanNode?[] _nodes;
    private readonly Dictionary<string, int> _owners;

    private SpanTree(SpanSchema[] spans, int[] inputIndex)
    {
        int n = spans.Length;
        _spans = spans;
        _inputIndex = inputIndex;
        _parent = new int[n];
        _childOffset = new int[n + 1];
        _childList = new int[n];
        _walk = new int[n];
        _walkPosition = new int[n];
        _depth = new int[n];
        _descendants = new int[n];
        _duration = new long[n];
        _start = new DateTimeOffset[n];
        _startTicks = new long[n];
        _endTicks = new long[n];
        _selfTime = new double[n];
        _flags = new byte[n];
        _nodes = new SpanNode?[n];
        _owners = new Dictionary<string, int>(n, StringComparer.Ordinal);
        Roots = new NodeList(this, Array.Empty<int>(), 0, 0);
        Orphans = Roots;
        Problems = Array.Empty<TraceProblem>();
    }

    /// <summary>
    /// The roots: spans without a parent, orphans, and the spans where parent cycles were cut;
    /// ordered by start time (unknown last), ties in input order.
    /// </summary>
    public IReadOnlyList<SpanNode> Roots { get; private set; }

    /// <summary>
    /// The spans whose <c>parent_id</c> names no span id of the trace (they are also roots), in input order.
    /// </summary>
    public IReadOnlyList<SpanNode> Orphans { get; private set; }

    /// <summary>
    /// The data problems found, one per finding, in input order of the first span involved
    /// (for the same span, in the order of <see cref="TraceProblemKind"/>).
    /// </summary>
    public IReadOnlyList<TraceProblem> Problems { get; private set; }

    /// <summary>The number of spans (nodes) in the tree.</summary>
    public int Count => _spans.Length;

    /// <summary>The greatest <see cref="SpanNode.Depth"/>; 0 for an empty tree.</summary>
    public int MaxDepth { get; private set; }

    /// <summary>
    /// Builds a tree from a list of spans. A null list gives an empty tree; null entries are skipped.
    /// </summary>
    /// <param name="spans">The spans, in the order the trace lists them.</param>
    /// <returns>The tree; never null, never throws for bad data.</returns>
    public static SpanTree FromSpans(IEnumerable<SpanSchema?>? spans)
    {
        // 1. One position per non-null span, in input order.
        var list = spans is ICollection<SpanSchema?> collection ? new List<SpanSchema>(collection.Count) : new List<SpanSchema>();
        var indexes = spans is ICollection<SpanSchema?> sized ? new List<int>(sized.Count) : new List<int>();
        if (spans is not null)
        {
            int index = 0;
            foreach (SpanSchema? span in spans)
            {
                if (span is not null)
                {
                    list.Add(span);
                    indexes.Add(index);
                }

                index++;
            }
        }

        var tree = new SpanTree(list.ToArray(), indexes.ToArray());
        tree.Build();
        return tree;
    }

    private void Build()
    {
        int n = _spans.Length;
        var sources = new SpanTiming.DurationSource[n];

        // 2. Timing, and id owners: the first span with an id owns it; count the uses of each id.
        var uses = new int[n];
        for (int k = 0; k < n; k++)
        {
            SpanSchema span = _spans[k];
            long? duration = SpanTiming.Duration(span, out sources[k]);
            byte flags = 0;
            if (duration.HasValue)
            {
                _duration[k] = duration.Value;
                flags |= HasDurationFlag;
            }

            if (span.StartTime is { } start)
            {
                _start[k] = start;
                _startTicks[k] = start.UtcTicks;
                flags |= HasStartFlag;
                if (duration.HasValue)
                {
                    _endTicks[k] = SpanTiming.EndTicks(_startTicks[k], duration.Value);
                    flags |= HasIntervalFlag;
                }
            }

            _flags[k] = flags;
            string? id = span.Id;
            if (IsNullOrEmpty(id))
            {
                continue;
            }

            if (_owners.TryGetValue(id!, out int owner))
            {
                uses[owner]++;
            }
            else
            {
                _owners.Add(id!, k);
                uses[k] = 1;
            }
        }

        // 3. Tentative parents (-1: none); orphans name a parent id that no span owns.
        int[] parent = _parent;
        var orphan = new bool[n];
        for (int k = 0; k < n; k++)
        {
            parent[k] = -1;
            string? parentId = _spans[k].ParentId;
            if (IsNullOrEmpty(parentId))
            {
                continue;
            }

            if (_owners.TryGetValue(parentId!, out int p))
            {
                parent[k] = p;
            }
            else
            {
                orphan[k] = true;
            }
        }

        // 4. Parent cycles. Every node has at most one parent, so following parents from each
        //    unvisited node (input order) either ends, reaches a finished node, or closes a loop
        //    on the current path. Each node is visited once: linear, no recursion.
        var cycleOf = new int[n];
        var cycles = new List<int[]>();
        var state = new byte[n]; // 0 = unvisited, 1 = on the current path, 2 = done
        var pathPos = new int[n];
        var path = new List<int>();
        for (int k = 0; k < n; k++)
        {
            cycleOf[k] = -1;
        }

        for (int k = 0; k < n; k++)
        {
            if (state[k] != 0)
            {
                continue;
            }

            path.Clear();
            int j = k;
            while (j >= 0 && state[j] == 0)
            {
                state[j] = 1;
                pathPos[j] = path.Count;
                path.Add(j);
                j = parent[j];
            }

            if (j >= 0 && state[j] == 1)
            {
                // The loop is path[pathPos[j]..]; cut it at its first member in input order.
                int from = pathPos[j];
                var members = new int[path.Count - from];
                path.CopyTo(from, members, 0, members.Length);
                Array.Sort(members);
                int first = members[0];
                parent[first] = -1;
                cycleOf[first] = cycles.Count;
                cycles.Add(members);
            }

            for (int i = 0; i < path.Count; i++)
            {
                state[path[i]] = 2;
            }
        }

        // 5. Children as one array in parent order (offsets per parent), filled in input order,
        //    then each run ordered by start time; the roots likewise.
        int rootCount = 0;
        for (int k = 0; k < n; k++)
        {
            if (parent[k] >= 0)
            {
                _childOffset[parent[k] + 1]++;
            }
            else
            {
                rootCount++;
                _flags[k] |= IsRootFlag;
            }
        }

        for (int k = 0; k < n; k++)
        {
            _childOffset[k + 1] += _childOffset[k];
        }

        var fill = new int[n];
        var roots = new int[rootCount];
        rootCount = 0;
        for (int k = 0; k < n; k++)
        {
            int p = parent[k];
            if (p >= 0)
            {
                _childList[_childOffset[p] + fill[p]++] = k;
            }
            else
            {
                roots[rootCount++] = k;
            }
        }

        var keys = new long[n];
        for (int k = 0; k < n; k++)
        {
            if (_childOffset[k + 1] - _childOffset[k] > 1)
            {
                SortByStart(_childList, _childOffset[k], _childOffset[k + 1] - _childOffset[k], keys);
            }
        }

        SortByStart(roots, 0, roots.Length, keys);

        // 6. Walk order (pre-order with an explicit stack), depth, and subtree sizes.
        int[] stack = fill; // reused: every position is pushed once
        int top = 0;
        for (int r = roots.Length - 1; r >= 0; r--)
        {
            stack[top++] = roots[r];
        }

        int position = 0;
        int maxDepth = 0;
        while (top > 0)
        {
            int node = stack[--top];
            int depth = parent[node] < 0 ? 0 : _depth[parent[node]] + 1;
            _depth[node] = depth;
            if (depth > maxDepth)
            {
                maxDepth = depth;
            }

            _walkPosition[node] = position;
            _walk[position++] = node;
            for (int c = _childOffset[node + 1] - 1; c >= _childOffset[node]; c--)
            {
                stack[top++] = _childList[c];
            }
        }

        // Pre-order lists every subtree contiguously, so sizes accumulate bottom-up in reverse.
        // Self time is computed here too, once, so that reading the tree needs no locking.
        for (int w = n - 1; w >= 0; w--)
        {
            int node = _walk[w];
            if (parent[node] >= 0)
            {
                _descendants[parent[node]] += _descendants[node] + 1;
            }

            _selfTime[node] = ComputeSelfTime(node);
        }

        // 7. Problems, in input order of the first span involved, then kind order.
        var problems = new List<TraceProblem>();
        var orphans = new List<SpanNode>();
        for (int k = 0; k < n; k++)
        {
            SpanSchema span = _spans[k];
            if (orphan[k])
            {
                orphans.Add(NodeAt(k));
                problems.Add(new TraceProblem(
                    TraceProblemKind.Orphan,
                    IdsOf(span),
                    Describe(k) + " names parent '" + Clean(span.ParentId) + "', which is not in the trace."));
            }

            if (cycleOf[k] >= 0)
            {
                problems.Add(CycleProblem(cycles[cycleOf[k]]));
            }

            if (uses[k] > 1)
            {
                problems.Add(new TraceProblem(
                    TraceProblemKind.DuplicateId,
                    new[] { span.Id! },
                    "Span id '" + Clean(span.Id) + "' is used by " + Format(uses[k]) + " spans; the first (index " +
                    Format(_inputIndex[k]) + ", " + DisplayName(span.Name) +
                    ") owns it and the others are placed by their own parent_id."));
            }

            if (IsNullOrEmpty(span.Id))
            {
                problems.Add(new TraceProblem(
                    TraceProblemKind.MissingId,
                    Array.Empty<string>(),
                    "Span at index " + Format(_inputIndex[k]) + " (" + DisplayName(span.Name) +
                    ") has no id; no span can name it as parent."));
            }

            if (sources[k] == SpanTiming.DurationSource.NegativeReported)
            {
                problems.Add(new TraceProblem(
                    TraceProblemKind.InvalidDuration,
                    IdsOf(span),
                    Describe(k) + " has a negative duration_ms (" + Format(span.DurationMs.GetValueOrDefault()) +
                    "); its duration is unknown."));
            }
            else if (sources[k] == SpanTiming.DurationSource.EndBeforeStart)
            {
                problems.Add(new TraceProblem(
                    TraceProblemKind.InvalidDuration,
                    IdsOf(span),
                    Describe(k) + " ends before it starts (end_time " +
                    span.EndTime.GetValueOrDefault().ToString("o", CultureInfo.InvariantCulture) + " < start_time " +
                    span.StartTime.GetValueOrDefault().ToString("o", CultureInfo.InvariantCulture) +
                    "); its duration is unknown."));
            }
        }

        Roots = new NodeList(this, roots, 0, roots.Length);
        Orphans = orphans.AsReadOnly();
        Problems = problems.AsReadOnly();
        MaxDepth = maxDepth;
    }

    /// <summary>
    /// Orders positions[offset..offset+count) by start time (unknown last), ties in input order.
    /// Input order is position order, and the runs arrive in it, so an ordered run is left as it is.
    /// </summary>
    private void SortByStart(int[] positions, int offset, int count, long[] keys)
    {
        bool ordered = true;
        for (int i = 0; i < count; i++)
        {
            int p = positions[offset + i];
            keys[offset + i] = (_flags[p] & HasStartFlag) != 0 ? _startTicks[p] : long.MaxValue;
            if (i > 0 && keys[offset + i] < keys[offset + i - 1])
            {
                ordered = false;
            }
        }

        if (ordered)
        {
            return;
        }

        Array.Sort(keys, positions, offset, count);

        // The sort is not stable: restore input order within runs of equal start times.
        int runStart = offset;
        for (int i = offset + 1; i <= offset + count; i++)
        {
            if (i == offset + count || keys[i] != keys[runStart])
            {
                if (i - runStart > 1)
                {
                    Array.Sort(positions, runStart, i - runStart);
                }

                runStart = i;
            }
        }
    }

    private double ComputeSelfTime(int node)
    {
        if ((_flags[node] & HasIntervalFlag) == 0)
        {
            return double.NaN;
        }

        // Children are ordered by start and those with an interval all have a start, so they
        // arrive in non-decreasing start order; clipping to [start, end] keeps that order.
        long start = _startTicks[node];
        long end = _endTicks[node];
        var union = default(SpanTiming.UnionBuilder);
        for (int c = _childOffset[node]; c < _childOffset[node + 1]; c++)
        {
            int child = _childList[c];
            if ((_flags[child] & HasIntervalFlag) == 0)
            {
                continue;
            }

            long lo = _startTicks[child] < start ? start : _startTicks[child];
            long hi = _endTicks[child] > end ? end : _endTicks[child];
            union.Add(lo, hi);
        }

        long self = (end - start) - union.Length;
        return self > 0 ? SpanTiming.TicksToMs(self) : 0d;
    }

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

    internal int InputIndexOf(int position) => _inputIndex[position];

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

    internal DateTimeOffset? StartOf(int position) => (_flags[position] & HasStartFlag) != 0 ? _start[position] : null;

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

    /// <summary>A read-only list of nodes over a run of positions (like ReadOnlyCollection, IList included).</summary>
    private sealed class NodeList : IReadOnlyList<SpanNode>, IList<SpanNode>
    {
        private readonly SpanTree _tree;
        private readonly int[] _positions;
        private readonly int _offset;

        public NodeList(SpanTree tree, int[] positions, int offset, int count)
        {
            _tree = tree;
            _positions = positions;
            _offset = offset;
            Count = count;
        }

        public int Count { get; }

        public SpanNode this[int index] =>
            (uint)index < (uint)Count ? _tree.NodeAt(_positions[_offset + index]) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<SpanNode> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return _tree.NodeAt(_positions[_offset + i]);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public bool IsReadOnly => true;

        SpanNode IList<SpanNode>.this[int index]
        {
            get => this[index];
            set => throw ReadOnly();
        }

        public int IndexOf(SpanNode item)
        {
            for (int i = 0; i < Count; i++)
            {
                if (ReferenceEquals(_tree.NodeAt(_positions[_offset + i]), item))
                {
                    return i;
                }
            }

            return -1;
        }

        public bool Contains(SpanNode item) => IndexOf(item) >= 0;

        public void CopyTo(SpanNode[] array, int arrayIndex)
        {
            for (int i = 0; i < Count; i++)
            {
                array[arrayIndex + i] = this[i];
            }
        }

        public void Add(SpanNode item) => throw ReadOnly();

        public void Clear() => throw ReadOnly();

        public void Insert(int index, SpanNode item) => throw ReadOnly();

        public bool Remove(SpanNode item) => throw ReadOnly();

        public void RemoveAt(int index) => throw ReadOnly();

        private static NotSupportedException ReadOnly() => new("The list is read-only.");
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

    /// <summary>
    /// The tree as text, one line per span in walk order, joined with <c>\n</c>: two spaces per
    /// depth level, <c>└─ </c> before non-roots, the name (<c>(unnamed)</c> when null or empty;
    /// CR, LF, tab, U+2028 and U+2029 each become a space), then <c> (N ms)</c> or <c> (?)</c>.
    /// </summary>
    /// <returns>The rendering; empty for an empty tree.</returns>
    /// <remarks>See <see cref="Render(int)"/> for the compact form used by extremely deep trees.</remarks>
    public string Render() => RenderCore(int.MaxValue);

    /// <summary>
    /// Like <see cref="Render()"/>, but only nodes of depth &lt;= <paramref name="maxDepth"/>. Under each
    /// shown node at depth <paramref name="maxDepth"/> that has descendants, one line, indented and
    /// prefixed as that node's children would be, reads <c>… N more spans</c> (<c>… 1 more span</c>),
    /// N counting all its hidden descendants.
    /// </summary>
    /// <param name="maxDepth">The deepest level shown; 0 shows only the roots.</param>
    /// <returns>The rendering; empty for an empty tree.</returns>
    /// <remarks>
    /// Indentation grows with the square of a chain's length, so when the indentation alone would
    /// exceed 67,108,864 characters (a chain deeper than about 8,000 spans) the text switches to a
    /// compact form that can exist in memory: indentation stops at 32 levels, and each deeper line
    /// carries its depth after the branch (<c>└─ [depth 1234] name (5 ms)</c>). Every line is still there.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    public string Render(int maxDepth)
    {
        if (maxDepth < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, "maxDepth must be 0 or more.");
        }

        return RenderCore(maxDepth);
    }

    /// <summary>Returns a short description: the number of spans, roots and problems.</summary>
    /// <returns>A description of the tree.</returns>
    public override string ToString() =>
        "SpanTree: " + Format(Count) + " spans, " + Format(Roots.Count) + " roots, " + Format(Problems.Count) + " problems";

    /// <summary>The name as rendered: <c>(unnamed)</c> when null or empty, line breaks and tabs as spaces.</summary>
    internal static string DisplayName(string? name) => IsNullOrEmpty(name) ? UnnamedSpan : Clean(name);

    /// <summary>The <see cref="TraceSummary.ByType"/> key of a span type.</summary>
    internal static string TypeKey(string? type) => IsNullOrEmpty(type) ? UnknownType : type!;

    internal static bool IsNullOrEmpty(string? value) => value is null || value.Length == 0;

    private static string Clean(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        int i = 0;
        while (i < text.Length && !IsBreak(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        char[] chars = text.ToCharArray();
        for (; i < chars.Length; i++)
        {
            if (IsBreak(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private static bool IsBreak(char c) => c == '\r' || c == '\n' || c == '\t' || c == '\u2028' || c == '\u2029';

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string[] IdsOf(SpanSchema span) =>
        IsNullOrEmpty(span.Id) ? Array.Empty<string>() : new[] { span.Id! };

    private string Describe(int position)
    {
        SpanSchema span = _spans[position];
        return (IsNullOrEmpty(span.Id) ? "Span at index " + Format(_inputIndex[position]) : "Span '" + Clean(span.Id) + "'") +
            " (" + DisplayName(span.Name) + ")";
    }

    private TraceProblem CycleProblem(int[] members)
    {
        var ids = new string[members.Length];
        for (int i = 0; i < members.Length; i++)
        {
            ids[i] = _spans[members[i]].Id ?? string.Empty;
        }

        int first = members[0];
        string message;
        if (members.Length == 1)
        {
            message = Describe(first) + " names itself as parent; the link was cut and it was made a root.";
        }
        else
        {
            var text = new StringBuilder("Spans ");
            int shown = Math.Min(members.Length, MaxIdsInMessage);
            for (int i = 0; i < shown; i++)
            {
                text.Append(i == 0 ? "'" : ", '").Append(Clean(ids[i])).Append('\'');
            }

            if (members.Length > shown)
            {
                text.Append(" and ").Append(Format(members.Length - shown)).Append(" more");
            }

            text.Append(" form a parent cycle; the link from ").Append(Describe(first))
                .Append(" to its parent '").Append(Clean(_spans[first].ParentId))
                .Append("' was cut and it was made a root.");
            message = text.ToString();
        }

        return new TraceProblem(TraceProblemKind.Cycle, ids, message);
    }

    private string RenderCore(int maxDepth)
    {
        int[] walk = _walk;

        // First pass: how much indentation the exact form needs (it grows with depth squared).
        long indent = 0;
        for (int i = 0; i < walk.Length; i++)
        {
            int node = walk[i];
            indent += 2L * _depth[node];
            if (_depth[node] >= maxDepth)
            {
                if (_descendants[node] > 0)
                {
                    indent += 2L * (_depth[node] + 1);
                }

                i += _descendants[node];
            }
        }

        bool compact = indent > MaxExactIndentChars;
        var text = new StringBuilder();
        for (int i = 0; i < walk.Length; i++)
        {
            int node = walk[i];
            if (i > 0)
            {
                text.Append('\n');
            }

            AppendPrefix(text, _depth[node], compact);
            text.Append(DisplayName(_spans[node].Name));
            if ((_flags[node] & HasDurationFlag) != 0)
            {
                text.Append(" (").Append(Format(_duration[node])).Append(" ms)");
            }
            else
            {
                text.Append(" (?)");
            }

            if (_depth[node] >= maxDepth)
            {
                int hidden = _descendants[node];
                if (hidden > 0)
                {
                    text.Append('\n');
                    AppendPrefix(text, _depth[node] + 1, compact);
                    text.Append("… ").Append(Format(hidden)).Append(hidden == 1 ? " more span" : " more spans");
                }

                i += hidden;
            }
        }

        return text.ToString();
    }

    private static void AppendPrefix(StringBuilder text, int depth, bool compact)
    {
        bool capped = compact && depth > CompactIndentDepth;
        text.Append(' ', 2 * (capped ? CompactIndentDepth : depth));
        if (depth > 0)
        {
            text.Append("└─ ");
        }

        if (capped)
        {
            text.Append("[depth ").Append(Format(depth)).Append("] ");
        }
    }
}
