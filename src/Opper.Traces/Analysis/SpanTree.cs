using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
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

    private readonly SpanNode[] _walk;
    private readonly Dictionary<string, SpanNode> _owners;

    private SpanTree(
        SpanNode[] walk,
        Dictionary<string, SpanNode> owners,
        SpanNode[] roots,
        SpanNode[] orphans,
        TraceProblem[] problems,
        int maxDepth)
    {
        _walk = walk;
        _owners = owners;
        Roots = new ReadOnlyCollection<SpanNode>(roots);
        Orphans = new ReadOnlyCollection<SpanNode>(orphans);
        Problems = new ReadOnlyCollection<TraceProblem>(problems);
        MaxDepth = maxDepth;
    }

    /// <summary>
    /// The roots: spans without a parent, orphans, and the spans where parent cycles were cut;
    /// ordered by start time (unknown last), ties in input order.
    /// </summary>
    public IReadOnlyList<SpanNode> Roots { get; }

    /// <summary>
    /// The spans whose <c>parent_id</c> names no span id of the trace (they are also roots), in input order.
    /// </summary>
    public IReadOnlyList<SpanNode> Orphans { get; }

    /// <summary>
    /// The data problems found, one per finding, in input order of the first span involved
    /// (for the same span, in the order of <see cref="TraceProblemKind"/>).
    /// </summary>
    public IReadOnlyList<TraceProblem> Problems { get; }

    /// <summary>The number of spans (nodes) in the tree.</summary>
    public int Count => _walk.Length;

    /// <summary>The greatest <see cref="SpanNode.Depth"/>; 0 for an empty tree.</summary>
    public int MaxDepth { get; }

    /// <summary>
    /// Builds a tree from a list of spans. A null list gives an empty tree; null entries are skipped.
    /// </summary>
    /// <param name="spans">The spans, in the order the trace lists them.</param>
    /// <returns>The tree; never null, never throws for bad data.</returns>
    public static SpanTree FromSpans(IEnumerable<SpanSchema?>? spans)
    {
        // 1. One node per non-null span, in input order.
        var list = new List<SpanNode>();
        if (spans is not null)
        {
            int index = 0;
            foreach (SpanSchema? span in spans)
            {
                if (span is not null)
                {
                    list.Add(new SpanNode(span, index));
                }

                index++;
            }
        }

        SpanNode[] nodes = list.ToArray();
        int n = nodes.Length;

        // 2. Id owners: the first span with an id owns it; count the uses of each id.
        var ownerOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var uses = new int[n];
        for (int k = 0; k < n; k++)
        {
            string? id = nodes[k].Span.Id;
            if (IsNullOrEmpty(id))
            {
                continue;
            }

            if (ownerOf.TryGetValue(id!, out int owner))
            {
                uses[owner]++;
            }
            else
            {
                ownerOf.Add(id!, k);
                uses[k] = 1;
            }
        }

        // 3. Tentative parents (-1: none); orphans name a parent id that no span owns.
        var parent = new int[n];
        var orphan = new bool[n];
        for (int k = 0; k < n; k++)
        {
            parent[k] = -1;
            string? parentId = nodes[k].Span.ParentId;
            if (IsNullOrEmpty(parentId))
            {
                continue;
            }

            if (ownerOf.TryGetValue(parentId!, out int p))
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

        // 5. Children arrays, sized exactly, then ordered by start time; roots likewise.
        var childCount = new int[n];
        int rootCount = 0;
        for (int k = 0; k < n; k++)
        {
            if (parent[k] >= 0)
            {
                childCount[parent[k]]++;
            }
            else
            {
                rootCount++;
            }
        }

        var children = new SpanNode[n][];
        for (int k = 0; k < n; k++)
        {
            children[k] = childCount[k] == 0 ? Array.Empty<SpanNode>() : new SpanNode[childCount[k]];
            childCount[k] = 0;
        }

        var roots = new SpanNode[rootCount];
        rootCount = 0;
        for (int k = 0; k < n; k++)
        {
            int p = parent[k];
            if (p >= 0)
            {
                nodes[k].SetParent(nodes[p]);
                children[p][childCount[p]++] = nodes[k];
            }
            else
            {
                roots[rootCount++] = nodes[k];
            }
        }

        Comparison<SpanNode> byStart = SpanNode.CompareByStart;
        for (int k = 0; k < n; k++)
        {
            if (children[k].Length > 1)
            {
                Array.Sort(children[k], byStart);
            }

            nodes[k].SetChildren(children[k]);
        }

        if (roots.Length > 1)
        {
            Array.Sort(roots, byStart);
        }

        // 6. Walk order (pre-order with an explicit stack), depth, and subtree sizes.
        var walk = new SpanNode[n];
        var stack = new Stack<SpanNode>();
        for (int r = roots.Length - 1; r >= 0; r--)
        {
            stack.Push(roots[r]);
        }

        int position = 0;
        int maxDepth = 0;
        while (stack.Count > 0)
        {
            SpanNode node = stack.Pop();
            int depth = node.Parent is null ? 0 : node.Parent.Depth + 1;
            if (depth > maxDepth)
            {
                maxDepth = depth;
            }

            node.SetPlacement(depth, position, walk);
            walk[position++] = node;
            IReadOnlyList<SpanNode> kids = node.Children;
            for (int c = kids.Count - 1; c >= 0; c--)
            {
                stack.Push(kids[c]);
            }
        }

        // Pre-order lists every subtree contiguously, so sizes accumulate bottom-up in reverse.
        // Self time is computed here too, once, so that reading the tree needs no locking.
        var size = new int[n];
        for (int w = n - 1; w >= 0; w--)
        {
            SpanNode node = walk[w];
            size[w]++;
            node.SetDescendantCount(size[w] - 1);
            node.ComputeSelfTime();
            if (node.Parent is not null)
            {
                size[node.Parent.WalkPosition] += size[w];
            }
        }

        // 7. Problems, in input order of the first span involved, then kind order.
        var problems = new List<TraceProblem>();
        var orphans = new List<SpanNode>();
        for (int k = 0; k < n; k++)
        {
            SpanNode node = nodes[k];
            if (orphan[k])
            {
                orphans.Add(node);
                problems.Add(new TraceProblem(
                    TraceProblemKind.Orphan,
                    IdsOf(node),
                    Describe(node) + " names parent '" + Clean(node.Span.ParentId) + "', which is not in the trace."));
            }

            if (cycleOf[k] >= 0)
            {
                problems.Add(CycleProblem(nodes, cycles[cycleOf[k]]));
            }

            if (uses[k] > 1)
            {
                problems.Add(new TraceProblem(
                    TraceProblemKind.DuplicateId,
                    new[] { node.Span.Id! },
                    "Span id '" + Clean(node.Span.Id) + "' is used by " + Format(uses[k]) + " spans; the first (index " +
                    Format(node.Index) + ", " + DisplayName(node.Span.Name) +
                    ") owns it and the others are placed by their own parent_id."));
            }

            if (IsNullOrEmpty(node.Span.Id))
            {
                problems.Add(new TraceProblem(
                    TraceProblemKind.MissingId,
                    Array.Empty<string>(),
                    "Span at index " + Format(node.Index) + " (" + DisplayName(node.Span.Name) +
                    ") has no id; no span can name it as parent."));
            }

            if (node.Source == SpanTiming.DurationSource.NegativeReported)
            {
                problems.Add(new TraceProblem(
                    TraceProblemKind.InvalidDuration,
                    IdsOf(node),
                    Describe(node) + " has a negative duration_ms (" + Format(node.Span.DurationMs.GetValueOrDefault()) +
                    "); its duration is unknown."));
            }
            else if (node.Source == SpanTiming.DurationSource.EndBeforeStart)
            {
                problems.Add(new TraceProblem(
                    TraceProblemKind.InvalidDuration,
                    IdsOf(node),
                    Describe(node) + " ends before it starts (end_time " +
                    node.Span.EndTime.GetValueOrDefault().ToString("o", CultureInfo.InvariantCulture) + " < start_time " +
                    node.Span.StartTime.GetValueOrDefault().ToString("o", CultureInfo.InvariantCulture) +
                    "); its duration is unknown."));
            }
        }

        var owners = new Dictionary<string, SpanNode>(ownerOf.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, int> pair in ownerOf)
        {
            owners.Add(pair.Key, nodes[pair.Value]);
        }

        return new SpanTree(walk, owners, roots, orphans.ToArray(), problems.ToArray(), maxDepth);
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

        return _owners.TryGetValue(id, out SpanNode? node) ? node : null;
    }

    /// <summary>
    /// Every node exactly once, depth-first pre-order over <see cref="Roots"/> in their order,
    /// children in their order. Not recursive.
    /// </summary>
    /// <returns>The nodes in walk order.</returns>
    public IEnumerable<SpanNode> Walk()
    {
        // The pre-order was computed once, with an explicit stack, when the tree was built.
        SpanNode[] walk = _walk;
        for (int i = 0; i < walk.Length; i++)
        {
            yield return walk[i];
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
            if (string.Equals(_walk[i].Span.Name ?? string.Empty, name, StringComparison.Ordinal))
            {
                result.Add(_walk[i]);
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
            if (string.Equals(TypeKey(_walk[i].Span.Type), type, StringComparison.Ordinal))
            {
                result.Add(_walk[i]);
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
        SpanNode? current = Best(Roots);
        while (current is not null)
        {
            path.Add(current);
            current = Best(current.Children);
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

    internal SpanNode[] WalkArray() => _walk;

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

    private static string[] IdsOf(SpanNode node) =>
        IsNullOrEmpty(node.Span.Id) ? Array.Empty<string>() : new[] { node.Span.Id! };

    private static string Describe(SpanNode node) =>
        (IsNullOrEmpty(node.Span.Id) ? "Span at index " + Format(node.Index) : "Span '" + Clean(node.Span.Id) + "'") +
        " (" + DisplayName(node.Span.Name) + ")";

    private static TraceProblem CycleProblem(SpanNode[] nodes, int[] members)
    {
        var ids = new string[members.Length];
        for (int i = 0; i < members.Length; i++)
        {
            ids[i] = nodes[members[i]].Span.Id ?? string.Empty;
        }

        SpanNode first = nodes[members[0]];
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
                .Append(" to its parent '").Append(Clean(first.Span.ParentId))
                .Append("' was cut and it was made a root.");
            message = text.ToString();
        }

        return new TraceProblem(TraceProblemKind.Cycle, ids, message);
    }

    private static SpanNode? Best(IReadOnlyList<SpanNode> candidates)
    {
        SpanNode? best = null;
        for (int i = 0; i < candidates.Count; i++)
        {
            if (best is null || SpanNode.RanksBefore(candidates[i], best))
            {
                best = candidates[i];
            }
        }

        return best;
    }

    private string RenderCore(int maxDepth)
    {
        SpanNode[] walk = _walk;

        // First pass: how much indentation the exact form needs (it grows with depth squared).
        long indent = 0;
        for (int i = 0; i < walk.Length; i++)
        {
            SpanNode node = walk[i];
            indent += 2L * node.Depth;
            if (node.Depth >= maxDepth)
            {
                if (node.DescendantCount > 0)
                {
                    indent += 2L * (node.Depth + 1);
                }

                i += node.DescendantCount;
            }
        }

        bool compact = indent > MaxExactIndentChars;
        var text = new StringBuilder();
        for (int i = 0; i < walk.Length; i++)
        {
            SpanNode node = walk[i];
            if (i > 0)
            {
                text.Append('\n');
            }

            AppendPrefix(text, node.Depth, compact);
            text.Append(DisplayName(node.Span.Name));
            if (node.DurationMs.HasValue)
            {
                text.Append(" (").Append(Format(node.DurationMs.Value)).Append(" ms)");
            }
            else
            {
                text.Append(" (?)");
            }

            if (node.Depth >= maxDepth)
            {
                int hidden = node.DescendantCount;
                if (hidden > 0)
                {
                    text.Append('\n');
                    AppendPrefix(text, node.Depth + 1, compact);
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
