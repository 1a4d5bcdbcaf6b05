using System;
using System.Collections.Generic;
using Opper.Models;

namespace Opper;

/// <summary>
/// Statistics across many traces: latency per span name, per span type and per trace, and token
/// use per model. Durations and percentiles follow the same rules as <see cref="TraceSummary"/>.
/// </summary>
/// <example>
/// <code>
/// var traces = new List&lt;GetTraceResponse&gt;();
/// await foreach (var item in client.Traces.ListAllAsync(name: "research"))
///     traces.Add(await client.Traces.GetAsync(item.Id));
/// var stats = TraceStatistics.From(traces);
/// foreach (var pair in stats.BySpanName)
///     Console.WriteLine($"{pair.Key}: p95 {pair.Value.P95DurationMs} ms over {pair.Value.Count} spans");
/// </code>
/// </example>
public sealed class TraceStatistics
{
    private TraceStatistics(
        int traceCount,
        int spanCount,
        int errorCount,
        long totalTokens,
        DurationStats traceDuration,
        IReadOnlyDictionary<string, DurationStats> bySpanName,
        IReadOnlyDictionary<string, DurationStats> byType,
        IReadOnlyDictionary<string, ModelStats> byModel)
    {
        TraceCount = traceCount;
        SpanCount = spanCount;
        ErrorCount = errorCount;
        TotalTokens = totalTokens;
        TraceDuration = traceDuration;
        BySpanName = bySpanName;
        ByType = byType;
        ByModel = byModel;
    }

    /// <summary>The number of traces (null entries are skipped).</summary>
    public int TraceCount { get; }

    /// <summary>The number of spans over all traces (null entries of span lists are skipped).</summary>
    public int SpanCount { get; }

    /// <summary>The number of spans with a non-empty <c>error</c>.</summary>
    public int ErrorCount { get; }

    /// <summary>
    /// The sum of the spans' tokens over all traces (<see cref="SpanNode.TotalTokens"/>:
    /// <c>data.total_tokens</c>, else the GenAI usage attributes in <c>meta</c>); 0 when none has any.
    /// </summary>
    public long TotalTokens { get; }

    /// <summary>
    /// Statistics of the traces' own durations: <c>duration_ms</c> when present (unknown when
    /// negative), else <c>end_time - start_time</c>, the same rule as for spans.
    /// </summary>
    public DurationStats TraceDuration { get; }

    /// <summary>Latency per span name; spans with a null or empty name are under <c>"(unnamed)"</c>.</summary>
    public IReadOnlyDictionary<string, DurationStats> BySpanName { get; }

    /// <summary>Latency per span type; spans with a null or empty type are under <c>"unknown"</c>.</summary>
    public IReadOnlyDictionary<string, DurationStats> ByType { get; }

    /// <summary>
    /// Calls, tokens and time per model (<see cref="SpanNode.Model"/>: <c>data.model</c>, else the
    /// GenAI model attributes in <c>meta</c>); spans without a model are left out.
    /// </summary>
    public IReadOnlyDictionary<string, ModelStats> ByModel { get; }

    /// <summary>Computes statistics over <paramref name="traces"/>.</summary>
    /// <param name="traces">The traces; null entries are skipped.</param>
    /// <returns>The statistics; all counts are 0 for no traces.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="traces"/> is null.</exception>
    public static TraceStatistics From(IEnumerable<GetTraceResponse?> traces)
    {
        if (traces is null)
        {
            throw new ArgumentNullException(nameof(traces));
        }

        var byName = new SortedDictionary<string, DurationAccumulator>(StringComparer.Ordinal);
        var byType = new SortedDictionary<string, DurationAccumulator>(StringComparer.Ordinal);
        var byModel = new SortedDictionary<string, ModelAccumulator>(StringComparer.Ordinal);
        var traceDurations = new DurationAccumulator();
        int traceCount = 0;
        int spanCount = 0;
        int errorCount = 0;
        long totalTokens = 0;

        foreach (GetTraceResponse? trace in traces)
        {
            if (trace is null)
            {
                continue;
            }

            traceCount++;
            traceDurations.Add(TraceDurationOf(trace));
            IList<SpanSchema>? spans = trace.Spans;
            if (spans is null)
            {
                continue;
            }

            for (int i = 0; i < spans.Count; i++)
            {
                SpanSchema? span = spans[i];
                if (span is null)
                {
                    continue;
                }

                spanCount++;
                long? duration = SpanTiming.Duration(span);
                long? tokens = SpanUsage.TotalTokens(span);
                if (tokens.HasValue)
                {
                    totalTokens = SpanTiming.SaturatingAdd(totalTokens, tokens.Value);
                }

                if (!SpanTree.IsNullOrEmpty(span.Error))
                {
                    errorCount++;
                }

                Get(byName, SpanTree.IsNullOrEmpty(span.Name) ? SpanTree.UnnamedSpan : span.Name!).Add(duration);
                Get(byType, SpanTree.TypeKey(span.Type)).Add(duration);

                string? model = SpanUsage.Model(span);
                if (!SpanTree.IsNullOrEmpty(model))
                {
                    if (!byModel.TryGetValue(model!, out ModelAccumulator? modelStats))
                    {
                        modelStats = new ModelAccumulator();
                        byModel.Add(model!, modelStats);
                    }

                    modelStats.Add(tokens, duration);
                }
            }
        }

        return new TraceStatistics(
            traceCount,
            spanCount,
            errorCount,
            totalTokens,
            traceDurations.ToStats(),
            TraceSummary.Freeze(byName, static a => a.ToStats()),
            TraceSummary.Freeze(byType, static a => a.ToStats()),
            TraceSummary.Freeze(byModel, static a => a.ToStats()));
    }

    private static long? TraceDurationOf(GetTraceResponse trace) =>
        SpanTiming.Duration(trace.DurationMs, trace.StartTime, trace.EndTime, out _);

    private static DurationAccumulator Get(SortedDictionary<string, DurationAccumulator> map, string key)
    {
        if (!map.TryGetValue(key, out DurationAccumulator? stats))
        {
            stats = new DurationAccumulator();
            map.Add(key, stats);
        }

        return stats;
    }
}
