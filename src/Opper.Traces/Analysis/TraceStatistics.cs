using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Opper.Models;

namespace Opper;

/// <summary>
/// Statistics across many traces: latency per span name, per span type and per trace, and token
/// use per model. Durations and percentiles follow the same rules as <see cref="TraceSummary"/>.
/// </summary>
/// <example>
/// <code>
/// var stats = await TraceStatistics.FromAsync(client.Traces.GetManyAsync(name: "research", limit: 200));
/// foreach (var span in stats.SlowestSpans.Take(5))
///     Console.WriteLine($"{span.Name}: {span.TotalSelfTimeMs} ms self time, p95 {span.P95DurationMs} ms");
/// </code>
/// </example>
public sealed class TraceStatistics
{
    internal TraceStatistics(
        int traceCount,
        int spanCount,
        int errorCount,
        long totalTokens,
        DurationStats traceDuration,
        IReadOnlyDictionary<string, DurationStats> bySpanName,
        IReadOnlyDictionary<string, DurationStats> byType,
        IReadOnlyDictionary<string, ModelStats> byModel,
        IReadOnlyDictionary<string, TraceNameStats> byTraceName,
        IReadOnlyList<SlowSpanStats> slowestSpans,
        IReadOnlyDictionary<string, double> criticalPathShare)
    {
        TraceCount = traceCount;
        SpanCount = spanCount;
        ErrorCount = errorCount;
        TotalTokens = totalTokens;
        TraceDuration = traceDuration;
        BySpanName = bySpanName;
        ByType = byType;
        ByModel = byModel;
        ByTraceName = byTraceName;
        SlowestSpans = slowestSpans;
        CriticalPathShare = criticalPathShare;
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

    /// <summary>
    /// Traces that share this name: how many, how many failed, how long they took and the tokens
    /// they used. Traces with a null or empty name are under <c>"(unnamed)"</c>.
    /// </summary>
    public IReadOnlyDictionary<string, TraceNameStats> ByTraceName { get; }

    /// <summary>
    /// Every span name with the total self time of its spans (the time they spent on their own
    /// work, not waiting for children) and their p95 duration, ordered by
    /// <see cref="SlowSpanStats.TotalSelfTimeMs"/> descending, then by name (ordinal).
    /// </summary>
    public IReadOnlyList<SlowSpanStats> SlowestSpans { get; }

    /// <summary>
    /// Span name → the fraction of traces (0 to 1) whose critical path
    /// (<see cref="SpanTree.CriticalPath"/>) contains a span of that name. Names never on a
    /// critical path are left out.
    /// </summary>
    public IReadOnlyDictionary<string, double> CriticalPathShare { get; }

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

        var builder = new TraceStatisticsBuilder();
        foreach (GetTraceResponse? trace in traces)
        {
            builder.Add(trace);
        }

        return builder.Build();
    }

    /// <summary>
    /// Computes statistics over traces as they arrive, for example from
    /// <see cref="TracesClient.GetManyAsync"/>. Each trace is folded in and let go: memory grows
    /// only by the durations that exact percentiles need, not by the traces.
    /// </summary>
    /// <param name="traces">The traces; null entries are skipped.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The statistics; all counts are 0 for no traces.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="traces"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<TraceStatistics> FromAsync(IAsyncEnumerable<GetTraceResponse?> traces, CancellationToken cancellationToken = default)
    {
        if (traces is null)
        {
            throw new ArgumentNullException(nameof(traces));
        }

        var builder = new TraceStatisticsBuilder();
        await foreach (GetTraceResponse? trace in traces.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            builder.Add(trace);
        }

        return builder.Build();
    }

    /// <summary>A trace's own duration: <c>duration_ms</c>, else its end minus its start (the span rule).</summary>
    internal static long? TraceDurationOf(GetTraceResponse trace) =>
        SpanTiming.Duration(trace.DurationMs, trace.StartTime, trace.EndTime, out _);
}
