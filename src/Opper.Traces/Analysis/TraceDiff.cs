using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Opper.Models;

namespace Opper;

/// <summary>
/// What changed between two runs of the same work: spans matched by their place in the tree,
/// spans added and removed, and the change in duration, tokens, time per span type and use of
/// each model. Create one with <see cref="Compare"/>.
/// </summary>
/// <remarks>
/// <para>
/// A span's key is the path from its root of segments <c>name#k</c> joined by <c>/</c>:
/// <c>name</c> is the span's name (<c>(unnamed)</c> when null or empty; <c>%</c> written
/// <c>%25</c> and <c>/</c> written <c>%2F</c>), and k counts the earlier siblings with the same
/// name in child order (0-based; roots among roots). Spans with equal keys are pairs, in
/// <see cref="Matched"/>; the rest are <see cref="Removed"/> (only before) or
/// <see cref="Added"/> (only after). Renaming a span therefore removes it and adds another.
/// </para>
/// <para>
/// The trees are those of <see cref="GetTraceResponse.BuildTree"/> (orphans are roots, parent
/// cycles cut). <see cref="Matched"/> and <see cref="Removed"/> are in the walk order of the
/// first trace, <see cref="Added"/> in that of the second.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var diff = TraceDiff.Compare(yesterday, today);
/// foreach (var pair in diff.Matched.Where(p =&gt; p.DurationDeltaMs is not null).OrderByDescending(p =&gt; Math.Abs(p.DurationDeltaMs!.Value)).Take(5))
///     Console.WriteLine($"{pair.Key}: {pair.DurationDeltaMs:+0;-0} ms");
/// </code>
/// </example>
public sealed class TraceDiff
{
    private TraceDiff(
        IReadOnlyList<SpanPair> matched,
        IReadOnlyList<UnmatchedSpan> added,
        IReadOnlyList<UnmatchedSpan> removed,
        long? durationDeltaMs,
        long tokensDelta,
        IReadOnlyDictionary<string, TypeDelta> byType,
        IReadOnlyDictionary<string, ModelDelta> byModel)
    {
        Matched = matched;
        Added = added;
        Removed = removed;
        DurationDeltaMs = durationDeltaMs;
        TokensDelta = tokensDelta;
        ByType = byType;
        ByModel = byModel;
    }

    /// <summary>The spans found in both traces, in the walk order of the first.</summary>
    public IReadOnlyList<SpanPair> Matched { get; }

    /// <summary>The spans only in the second trace, in its walk order.</summary>
    public IReadOnlyList<UnmatchedSpan> Added { get; }

    /// <summary>The spans only in the first trace, in its walk order.</summary>
    public IReadOnlyList<UnmatchedSpan> Removed { get; }

    /// <summary>
    /// The second trace's own duration minus the first's, in milliseconds (each trace's
    /// <c>duration_ms</c>, else its end minus its start); null when either is unknown.
    /// </summary>
    public long? DurationDeltaMs { get; }

    /// <summary>
    /// The second trace's tokens minus the first's, each the sum over its spans as in
    /// <see cref="TraceSummary.TotalTokens"/>.
    /// </summary>
    public long TokensDelta { get; }

    /// <summary>The change per span type (key as in <see cref="TraceSummary.ByType"/>), for every type in either trace.</summary>
    public IReadOnlyDictionary<string, TypeDelta> ByType { get; }

    /// <summary>The change per model (key as in <see cref="TraceSummary.ByModel"/>), for every model in either trace.</summary>
    public IReadOnlyDictionary<string, ModelDelta> ByModel { get; }

    /// <summary>
    /// Whether the traces differ: a span added or removed, a pair with changes
    /// (<see cref="SpanPair.HasChanges"/>), or a change in the traces' duration or tokens.
    /// </summary>
    public bool HasChanges
    {
        get
        {
            if (Added.Count > 0 || Removed.Count > 0 || DurationDeltaMs.GetValueOrDefault() != 0 || TokensDelta != 0)
            {
                return true;
            }

            foreach (SpanPair pair in Matched)
            {
                if (pair.HasChanges)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Compares two traces.</summary>
    /// <param name="before">The first trace (for example yesterday's run).</param>
    /// <param name="after">The second trace (for example today's run).</param>
    /// <returns>The differences; never throws for bad data in the traces.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="before"/> or <paramref name="after"/> is null.</exception>
    public static TraceDiff Compare(GetTraceResponse before, GetTraceResponse after)
    {
        if (before is null)
        {
            throw new ArgumentNullException(nameof(before));
        }

        if (after is null)
        {
            throw new ArgumentNullException(nameof(after));
        }

        SpanTree beforeTree = before.BuildTree();
        SpanTree afterTree = after.BuildTree();
        var beforeKeys = new SpanKeys(beforeTree);
        var afterKeys = new SpanKeys(afterTree);

        // Segment (parent in the first trace, name, k) → span of the first trace. A span of the
        // second trace matches when its parent matched (or both are roots) and the segments agree;
        // parents come before children in walk order, so one pass settles every span.
        var index = new Dictionary<(int Parent, string Name, int Ordinal), int>(beforeTree.Count);
        foreach (SpanNode node in beforeTree.Walk())
        {
            index[(node.Parent?.Position ?? -1, beforeKeys.NameAt(node.Position), beforeKeys.OrdinalAt(node.Position))] = node.Position;
        }

        var partnerOfBefore = new int[beforeTree.Count];
        var partnerOfAfter = new int[afterTree.Count];
        Fill(partnerOfBefore, -1);
        Fill(partnerOfAfter, -1);
        var added = new List<UnmatchedSpan>();
        foreach (SpanNode node in afterTree.Walk())
        {
            int parent = node.Parent is { } p ? partnerOfAfter[p.Position] : -1;
            if ((node.Parent is null || parent >= 0)
                && index.TryGetValue((parent, afterKeys.NameAt(node.Position), afterKeys.OrdinalAt(node.Position)), out int match))
            {
                partnerOfAfter[node.Position] = match;
                partnerOfBefore[match] = node.Position;
            }
            else
            {
                added.Add(new UnmatchedSpan(afterKeys, node));
            }
        }

        var matched = new List<SpanPair>();
        var removed = new List<UnmatchedSpan>();
        foreach (SpanNode node in beforeTree.Walk())
        {
            int partner = partnerOfBefore[node.Position];
            if (partner >= 0)
            {
                matched.Add(new SpanPair(beforeKeys, node, afterTree.NodeAt(partner)));
            }
            else
            {
                removed.Add(new UnmatchedSpan(beforeKeys, node));
            }
        }

        TraceSummary beforeSummary = beforeTree.Summarize();
        TraceSummary afterSummary = afterTree.Summarize();
        long? beforeDuration = TraceStatistics.TraceDurationOf(before);
        long? afterDuration = TraceStatistics.TraceDurationOf(after);

        return new TraceDiff(
            matched.AsReadOnly(),
            added.AsReadOnly(),
            removed.AsReadOnly(),
            beforeDuration.HasValue && afterDuration.HasValue ? afterDuration.Value - beforeDuration.Value : null,
            Subtract(afterSummary.TotalTokens, beforeSummary.TotalTokens),
            Deltas(beforeSummary.ByType, afterSummary.ByType, static (b, a) => new TypeDelta(b, a)),
            Deltas(beforeSummary.ByModel, afterSummary.ByModel, static (b, a) => new ModelDelta(b, a)));
    }

    /// <summary><paramref name="a"/> − <paramref name="b"/>, held at the ends of <see cref="long"/> instead of wrapping.</summary>
    internal static long Subtract(long a, long b)
    {
        long result = unchecked(a - b);
        return ((a ^ b) & (a ^ result)) < 0 ? (a < 0 ? long.MinValue : long.MaxValue) : result;
    }

    private static void Fill(int[] array, int value)
    {
        for (int i = 0; i < array.Length; i++)
        {
            array[i] = value;
        }
    }

    private static IReadOnlyDictionary<string, TDelta> Deltas<TStats, TDelta>(
        IReadOnlyDictionary<string, TStats> before,
        IReadOnlyDictionary<string, TStats> after,
        Func<TStats?, TStats?, TDelta> create)
        where TStats : class
    {
        var result = new SortedDictionary<string, TDelta>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, TStats> pair in before)
        {
            after.TryGetValue(pair.Key, out TStats? other);
            result.Add(pair.Key, create(pair.Value, other));
        }

        foreach (KeyValuePair<string, TStats> pair in after)
        {
            if (!result.ContainsKey(pair.Key))
            {
                result.Add(pair.Key, create(null, pair.Value));
            }
        }

        return new ReadOnlyDictionary<string, TDelta>(result);
    }
}
