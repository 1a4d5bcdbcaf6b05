using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Opper.Models;

namespace Opper;

/// <summary>
/// Folds traces into <see cref="TraceStatistics"/> one at a time. No trace is kept: each is
/// built into one tree, counted, and let go; what stays is a few counters per name, type and
/// model, and one <see cref="long"/> per known duration for the exact percentiles.
/// </summary>
internal sealed class TraceStatisticsBuilder
{
    private readonly Dictionary<string, SpanNameAccumulator> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DurationAccumulator> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelAccumulator> _byModel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TraceNameAccumulator> _byTraceName = new(StringComparer.Ordinal);
    private readonly DurationAccumulator _traceDurations = new();
    private int _traceCount;
    private int _spanCount;
    private int _errorCount;
    private long _totalTokens;

    /// <summary>Folds one trace in; null is skipped.</summary>
    internal void Add(GetTraceResponse? trace)
    {
        if (trace is null)
        {
            return;
        }

        int traceNumber = ++_traceCount;
        long? traceDuration = TraceStatistics.TraceDurationOf(trace);
        _traceDurations.Add(traceDuration);

        SpanTree tree = trace.BuildTree();
        long traceTokens = 0;
        bool traceFailed = false;
        for (int position = 0; position < tree.Count; position++)
        {
            SpanSchema span = tree.SpanAt(position);
            long? duration = tree.DurationOf(position);
            long? tokens = SpanUsage.TotalTokens(span);
            if (tokens.HasValue)
            {
                traceTokens = SpanTiming.SaturatingAdd(traceTokens, tokens.Value);
            }

            if (!SpanTree.IsNullOrEmpty(span.Error))
            {
                _errorCount++;
                traceFailed = true;
            }

            SpanNameAccumulator name = Get(_byName, NameKey(span.Name));
            name.Durations.Add(duration);
            if (tree.SelfTimeOf(position) is { } self)
            {
                name.SelfTimeMs += self;
            }

            Get(_byType, SpanTree.TypeKey(span.Type)).Add(duration);

            string? model = SpanUsage.Model(span);
            if (!SpanTree.IsNullOrEmpty(model))
            {
                Get(_byModel, model!).Add(tokens, duration);
            }
        }

        // Each name on the critical path counts once per trace, however often it appears there.
        foreach (SpanNode node in tree.CriticalPath())
        {
            SpanNameAccumulator name = _byName[NameKey(node.Span.Name)];
            if (name.LastCriticalTrace != traceNumber)
            {
                name.LastCriticalTrace = traceNumber;
                name.CriticalTraces++;
            }
        }

        _spanCount += tree.Count;
        _totalTokens = SpanTiming.SaturatingAdd(_totalTokens, traceTokens);

        TraceNameAccumulator traces = Get(_byTraceName, NameKey(trace.Name));
        traces.Count++;
        traces.Durations.Add(traceDuration);
        traces.Tokens = SpanTiming.SaturatingAdd(traces.Tokens, traceTokens);
        if (traceFailed)
        {
            traces.ErrorCount++;
        }
    }

    /// <summary>The statistics of everything added so far.</summary>
    internal TraceStatistics Build()
    {
        var bySpanName = new SortedDictionary<string, DurationStats>(StringComparer.Ordinal);
        var slowest = new List<SlowSpanStats>(_byName.Count);
        var criticalShare = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, SpanNameAccumulator> pair in _byName)
        {
            DurationStats durations = pair.Value.Durations.ToStats();
            bySpanName.Add(pair.Key, durations);
            slowest.Add(new SlowSpanStats(pair.Key, durations.Count, pair.Value.SelfTimeMs, durations.P95DurationMs));
            if (pair.Value.CriticalTraces > 0)
            {
                criticalShare.Add(pair.Key, pair.Value.CriticalTraces / (double)_traceCount);
            }
        }

        slowest.Sort(static (a, b) =>
        {
            int bySelfTime = b.TotalSelfTimeMs.CompareTo(a.TotalSelfTimeMs);
            return bySelfTime != 0 ? bySelfTime : string.CompareOrdinal(a.Name, b.Name);
        });

        return new TraceStatistics(
            _traceCount,
            _spanCount,
            _errorCount,
            _totalTokens,
            _traceDurations.ToStats(),
            new ReadOnlyDictionary<string, DurationStats>(bySpanName),
            TraceSummary.Freeze(_byType, static a => a.ToStats()),
            TraceSummary.Freeze(_byModel, static a => a.ToStats()),
            TraceSummary.Freeze(_byTraceName, static a => new TraceNameStats(a.Count, a.ErrorCount, a.Durations.ToStats(), a.Tokens)),
            slowest.AsReadOnly(),
            new ReadOnlyDictionary<string, double>(criticalShare));
    }

    /// <summary>The key of a span or trace name: the name, or <c>(unnamed)</c> when null or empty.</summary>
    private static string NameKey(string? name) => SpanTree.IsNullOrEmpty(name) ? SpanTree.UnnamedSpan : name!;

    private static TValue Get<TValue>(Dictionary<string, TValue> map, string key)
        where TValue : new()
    {
        if (!map.TryGetValue(key, out TValue? value))
        {
            value = new TValue();
            map.Add(key, value);
        }

        return value;
    }

    private sealed class SpanNameAccumulator
    {
        public DurationAccumulator Durations { get; } = new();

        public double SelfTimeMs { get; set; }

        public int CriticalTraces { get; set; }

        public int LastCriticalTrace { get; set; }
    }

    private sealed class TraceNameAccumulator
    {
        public DurationAccumulator Durations { get; } = new();

        public int Count { get; set; }

        public int ErrorCount { get; set; }

        public long Tokens { get; set; }
    }
}
