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
public sealed partial class SpanTree
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
    private const byte OrphanFlag = 16;
    private const byte NegativeDurationFlag = 32;
    private const byte EndBeforeStartFlag = 64;
    private const byte MissingIdFlag = 128;
    private const byte ProblemFlags = OrphanFlag | NegativeDurationFlag | EndBeforeStartFlag | MissingIdFlag;

    private readonly SpanSchema[] _spans;
    private readonly int[]? _inputIndex; // null when positions are input indexes (no null entries)
    private readonly int[] _parent;
    private readonly int[] _childOffset;
    private readonly int[] _childList;
    private readonly int[] _walk;
    private readonly int[] _walkPosition;
    private readonly int[] _depth;
    private readonly int[] _descendants;
    private readonly long[] _duration;
    private readonly short[] _startOffsetMinutes;
    private readonly long[] _startTicks; // long.MaxValue when the start is unknown
    private readonly long[] _endTicks;
    private readonly double[] _selfTime;
    private readonly byte[] _flags;
    private readonly SpanNode?[] _nodes;
    private readonly SpanIdIndex _owners;
    private readonly GetTraceResponse? _trace;
    private Dictionary<int, int>? _duplicateUses; // owner position -> number of spans using its id, when more than 1

    private SpanTree(SpanSchema[] spans, int[]? inputIndex, GetTraceResponse? trace)
    {
        _trace = trace;
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
        _startOffsetMinutes = new short[n];
        _startTicks = new long[n];
        _endTicks = new long[n];
        _selfTime = new double[n];
        _flags = new byte[n];
        _nodes = new SpanNode?[n];
        _owners = new SpanIdIndex(n);
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
    /// <remarks>
    /// A tree built this way knows no trace: its <see cref="Summarize"/> has an empty
    /// <see cref="TraceSummary.TraceId"/> and null generation shares. Use
    /// <see cref="GetTraceResponse.BuildTree"/> for a tree that knows its trace.
    /// </remarks>
    public static SpanTree FromSpans(IEnumerable<SpanSchema?>? spans) => Create(spans, null);

    /// <summary>Builds the tree of a trace's spans; the tree keeps the trace for <see cref="Summarize"/>.</summary>
    internal static SpanTree FromTrace(GetTraceResponse trace) => Create(trace.Spans, trace);

    /// <summary>
    /// The summary of the trace this tree was built from, computed from this tree without
    /// building it again; equal to <see cref="GetTraceResponse.Summarize"/> of that trace.
    /// </summary>
    /// <returns>The summary.</returns>
    /// <remarks>
    /// The span figures come from the tree (a snapshot of the spans' timing and parent links at
    /// build time; model, tokens, errors, metrics and scores are read from the spans now). The
    /// trace-level figures come from the trace the tree was built from by
    /// <see cref="GetTraceResponse.BuildTree"/>, read now: its id and its <c>duration_ms</c>
    /// (the base of the generation shares). A tree built by <see cref="FromSpans"/> has no
    /// trace: <see cref="TraceSummary.TraceId"/> is empty and the shares are null.
    /// </remarks>
    public TraceSummary Summarize() => TraceSummary.Create(this);

    /// <summary>The trace this tree was built from; null for <see cref="FromSpans"/>.</summary>
    internal GetTraceResponse? Trace => _trace;

    private static SpanTree Create(IEnumerable<SpanSchema?>? spans, GetTraceResponse? trace)
    {
        // 1. One position per non-null span, in input order; input indexes are kept only when
        //    null entries make them differ from positions.
        SpanSchema?[] all;
        if (spans is null)
        {
            all = Array.Empty<SpanSchema?>();
        }
        else if (spans is ICollection<SpanSchema?> collection)
        {
            all = new SpanSchema?[collection.Count];
            collection.CopyTo(all, 0);
        }
        else
        {
            all = new List<SpanSchema?>(spans).ToArray();
        }

        int count = 0;
        int[]? inputIndex = null;
        for (int i = 0; i < all.Length; i++)
        {
            SpanSchema? span = all[i];
            if (span is null)
            {
                if (inputIndex is null)
                {
                    inputIndex = new int[all.Length];
                    for (int j = 0; j < count; j++)
                    {
                        inputIndex[j] = j;
                    }
                }

                continue;
            }

            if (inputIndex is not null)
            {
                inputIndex[count] = i;
            }

            all[count++] = span;
        }

        SpanSchema[] present = all!;
        if (count < all.Length)
        {
            present = new SpanSchema[count];
            Array.Copy(all, present, count);
            Array.Resize(ref inputIndex, count);
        }

        var tree = new SpanTree(present, inputIndex, trace);
        tree.Build();
        return tree;
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
}
