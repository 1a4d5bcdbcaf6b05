using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Opper.Models;

namespace Opper;

/// <summary>
/// Numbers that describe one trace: shape, tokens, time per span type and model, generation
/// time, errors, metrics and scores. Create one with <see cref="GetTraceResponse.Summarize"/>,
/// or with <see cref="SpanTree.Summarize"/> from a tree already built.
/// </summary>
/// <remarks>
/// Durations follow <see cref="SpanNode.DurationMs"/>; unknown durations are left out of sums,
/// averages, extremes and percentiles. Dictionaries enumerate in ordinal key order.
/// </remarks>
public sealed class TraceSummary
{
    private const string GenerationType = "generation";
    private const string CallType = "call";

    private TraceSummary(
        string traceId,
        SpanTree tree,
        long totalTokens,
        IReadOnlyList<string?> criticalPath,
        IReadOnlyDictionary<string, DurationStats> byType,
        IReadOnlyDictionary<string, ModelStats> byModel,
        long generationTimeMs,
        double? generationShare,
        double generationWallTimeMs,
        double? generationWallShare,
        double? averageCallDurationMs,
        IReadOnlyList<SpanSchema> errors,
        IReadOnlyDictionary<string, MetricStats> metrics,
        ScoreStats scores)
    {
        TraceId = traceId;
        SpanCount = tree.Count;
        RootCount = tree.Roots.Count;
        OrphanCount = tree.Orphans.Count;
        MaxDepth = tree.MaxDepth;
        TotalTokens = totalTokens;
        CriticalPath = criticalPath;
        ByType = byType;
        ByModel = byModel;
        GenerationTimeMs = generationTimeMs;
        GenerationShare = generationShare;
        GenerationWallTimeMs = generationWallTimeMs;
        GenerationWallShare = generationWallShare;
        AverageCallDurationMs = averageCallDurationMs;
        Errors = errors;
        Metrics = metrics;
        Scores = scores;
    }

    /// <summary>The trace's id.</summary>
    public string TraceId { get; }

    /// <summary>The number of spans (null entries of the span list are not spans).</summary>
    public int SpanCount { get; }

    /// <summary>The number of roots (<see cref="SpanTree.Roots"/>), orphans and cut cycles included.</summary>
    public int RootCount { get; }

    /// <summary>The number of orphans (<see cref="SpanTree.Orphans"/>).</summary>
    public int OrphanCount { get; }

    /// <summary>The greatest span depth; 0 for an empty trace.</summary>
    public int MaxDepth { get; }

    /// <summary>
    /// The sum of the spans' tokens (<see cref="SpanNode.TotalTokens"/>: <c>data.total_tokens</c>,
    /// else the GenAI usage attributes in <c>meta</c>); 0 when none has any. The trace's own
    /// <c>total_tokens</c> stays on the trace.
    /// </summary>
    public long TotalTokens { get; }

    /// <summary>
    /// The span ids of <see cref="SpanTree.CriticalPath"/>, root first; <see langword="null"/> for a
    /// span whose id is null, <c>""</c> for one whose id is <c>""</c>. Empty for an empty trace.
    /// </summary>
    public IReadOnlyList<string?> CriticalPath { get; }

    /// <summary>Duration statistics per span <c>type</c>; spans with a null or empty type are under <c>"unknown"</c>.</summary>
    public IReadOnlyDictionary<string, DurationStats> ByType { get; }

    /// <summary>
    /// Usage per model (<see cref="SpanNode.Model"/>: <c>data.model</c>, else the GenAI model
    /// attributes in <c>meta</c>); spans without a model (null or empty) are left out.
    /// </summary>
    public IReadOnlyDictionary<string, ModelStats> ByModel { get; }

    /// <summary>The sum of the known durations of <c>generation</c> spans, in milliseconds; 0 when none.</summary>
    public long GenerationTimeMs { get; }

    /// <summary>
    /// <see cref="GenerationTimeMs"/> divided by the trace's own <c>duration_ms</c>, as a fraction
    /// (0.5, not 50). Null when the trace's <c>duration_ms</c> is null, 0 or negative. It can
    /// exceed 1 when generations overlap; see <see cref="GenerationWallShare"/>.
    /// </summary>
    public double? GenerationShare { get; }

    /// <summary>
    /// The length in milliseconds of the union of the intervals of <c>generation</c> spans: the
    /// time during which at least one generation ran. 0 when none.
    /// </summary>
    public double GenerationWallTimeMs { get; }

    /// <summary><see cref="GenerationWallTimeMs"/> over the trace's <c>duration_ms</c>; the same null rule as <see cref="GenerationShare"/>.</summary>
    public double? GenerationWallShare { get; }

    /// <summary>The mean of the known durations of <c>call</c> spans; null when there are none.</summary>
    public double? AverageCallDurationMs { get; }

    /// <summary>The spans with a non-empty <c>error</c>, in walk order.</summary>
    public IReadOnlyList<SpanSchema> Errors { get; }

    /// <summary>Statistics of the <c>value</c> of every metric of every span, per <c>dimension</c>.</summary>
    public IReadOnlyDictionary<string, MetricStats> Metrics { get; }

    /// <summary>Statistics of the spans' own <c>score</c>.</summary>
    public ScoreStats Scores { get; }

    /// <summary>Computes the summary from a tree; trace-level fields come from the trace it was built from, if any.</summary>
    internal static TraceSummary Create(SpanTree tree)
    {
        GetTraceResponse? trace = tree.Trace;
        var byType = new Dictionary<string, DurationAccumulator>(StringComparer.Ordinal);
        var byModel = new Dictionary<string, ModelAccumulator>(StringComparer.Ordinal);
        var metrics = new Dictionary<string, MetricAccumulator>(StringComparer.Ordinal);
        var errors = new List<SpanSchema>();
        int[] walk = tree.WalkPositions;
        // Grown as generations are found: sized for every span, they would cost 16 bytes a span.
        var generationStarts = new long[Math.Min(walk.Length, 1024)];
        var generationEnds = new long[generationStarts.Length];
        int generationCount = 0;
        long totalTokens = 0;
        long generationTime = 0;
        var callSum = default(ExactSum);
        int callCount = 0;
        int scoreCount = 0;
        var scoreSum = default(ExactSum);
        long scoreMin = 0;
        long scoreMax = 0;

        // Spans are visited in input order, the order they lie in memory, which is what makes a
        // million of them fast; only the errors need walk order, and they are put in it below.
        var errorPositions = new List<int>();
        string? lastType = null;
        DurationAccumulator? lastTypeStats = null;
        string? lastModel = null;
        ModelAccumulator? lastModelStats = null;
        for (int node = 0; node < walk.Length; node++)
        {
            SpanSchema span = tree.SpanAt(node);
            long? duration = tree.DurationOf(node);
            long? tokens = SpanUsage.TotalTokens(span);
            if (tokens.HasValue)
            {
                totalTokens = SpanTiming.SaturatingAdd(totalTokens, tokens.Value);
            }

            // Types and models repeat, often as the very same string: the group of the previous
            // span with that string is reused without hashing it again.
            string type = SpanTree.TypeKey(span.Type);
            if (!ReferenceEquals(type, lastType))
            {
                if (!byType.TryGetValue(type, out lastTypeStats))
                {
                    lastTypeStats = new DurationAccumulator();
                    byType.Add(type, lastTypeStats);
                }

                lastType = type;
            }

            lastTypeStats!.Add(duration);

            string? model = SpanUsage.Model(span);
            if (!SpanTree.IsNullOrEmpty(model))
            {
                if (!ReferenceEquals(model, lastModel))
                {
                    if (!byModel.TryGetValue(model!, out lastModelStats))
                    {
                        lastModelStats = new ModelAccumulator();
                        byModel.Add(model!, lastModelStats);
                    }

                    lastModel = model;
                }

                lastModelStats!.Add(tokens, duration);
            }

            if (string.Equals(span.Type, GenerationType, StringComparison.Ordinal))
            {
                if (duration.HasValue)
                {
                    generationTime = SpanTiming.SaturatingAdd(generationTime, duration.Value);
                }

                if (tree.HasIntervalAt(node))
                {
                    if (generationCount == generationStarts.Length)
                    {
                        Array.Resize(ref generationStarts, generationCount * 2);
                        Array.Resize(ref generationEnds, generationCount * 2);
                    }

                    generationStarts[generationCount] = tree.StartTicksOf(node);
                    generationEnds[generationCount++] = tree.EndTicksOf(node);
                }
            }
            else if (string.Equals(span.Type, CallType, StringComparison.Ordinal) && duration.HasValue)
            {
                callSum.Add(duration.Value);
                callCount++;
            }

            if (!SpanTree.IsNullOrEmpty(span.Error))
            {
                errorPositions.Add(node);
            }

            IList<SpanMetricData>? spanMetrics = span.Metrics;
            if (spanMetrics is not null)
            {
                for (int m = 0; m < spanMetrics.Count; m++)
                {
                    SpanMetricData? metric = spanMetrics[m];
                    if (metric is null)
                    {
                        continue;
                    }

                    string dimension = metric.Dimension ?? string.Empty;
                    if (!metrics.TryGetValue(dimension, out MetricAccumulator? metricStats))
                    {
                        metricStats = new MetricAccumulator();
                        metrics.Add(dimension, metricStats);
                    }

                    metricStats.Add(metric.Value);
                }
            }

            if (span.Score.HasValue)
            {
                long score = span.Score.Value;
                if (scoreCount == 0 || score < scoreMin)
                {
                    scoreMin = score;
                }

                if (scoreCount == 0 || score > scoreMax)
                {
                    scoreMax = score;
                }

                scoreSum.Add(score);
                scoreCount++;
            }
        }

        errorPositions.Sort((a, b) => tree.WalkPositionOf(a).CompareTo(tree.WalkPositionOf(b)));
        foreach (int position in errorPositions)
        {
            errors.Add(tree.SpanAt(position));
        }

        IReadOnlyList<SpanNode> pathNodes = tree.CriticalPath();
        var path = new string?[pathNodes.Count];
        for (int i = 0; i < path.Length; i++)
        {
            path[i] = pathNodes[i].Span.Id;
        }

        double wallTime = SpanTiming.TicksToMs(SpanTiming.UnionLength(generationStarts, generationEnds, generationCount));
        long? traceDuration = trace?.DurationMs;
        bool hasBase = traceDuration.HasValue && traceDuration.Value > 0;
        double baseMs = hasBase ? traceDuration.GetValueOrDefault() : 0d;

        ScoreStats scores = scoreCount == 0
            ? new ScoreStats(0, null, null, null)
            : new ScoreStats(scoreCount, scoreSum.Mean(scoreCount), scoreMin, scoreMax);

        return new TraceSummary(
            trace?.Id ?? string.Empty,
            tree,
            totalTokens,
            new ReadOnlyCollection<string?>(path),
            Freeze(byType, static a => a.ToStats()),
            Freeze(byModel, static a => a.ToStats()),
            generationTime,
            hasBase ? generationTime / baseMs : null,
            wallTime,
            hasBase ? wallTime / baseMs : null,
            callCount == 0 ? null : callSum.Mean(callCount),
            errors.AsReadOnly(),
            Freeze(metrics, static a => a.ToStats()),
            scores);
    }

    /// <summary>Converts accumulators into a read-only dictionary that keeps ordinal key order.</summary>
    internal static IReadOnlyDictionary<string, TStats> Freeze<TAccumulator, TStats>(
        IDictionary<string, TAccumulator> source,
        Func<TAccumulator, TStats> convert)
    {
        var result = new SortedDictionary<string, TStats>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, TAccumulator> pair in source)
        {
            result.Add(pair.Key, convert(pair.Value));
        }

        return new ReadOnlyDictionary<string, TStats>(result);
    }
}
