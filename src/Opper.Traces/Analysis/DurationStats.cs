namespace Opper;

/// <summary>
/// Duration statistics of a group of spans (or traces). Only known durations count towards the
/// totals, the average, the extremes and the percentiles.
/// </summary>
/// <remarks>
/// Percentiles are nearest-rank: the value at rank ceil(p/100 × n) of the n known durations
/// sorted ascending, so they are always one of the observed durations.
/// </remarks>
public sealed class DurationStats
{
    internal DurationStats(
        int count,
        int knownDurationCount,
        long totalDurationMs,
        double? averageDurationMs,
        long? minDurationMs,
        long? maxDurationMs,
        long? p50DurationMs,
        long? p95DurationMs,
        long? p99DurationMs)
    {
        Count = count;
        KnownDurationCount = knownDurationCount;
        TotalDurationMs = totalDurationMs;
        AverageDurationMs = averageDurationMs;
        MinDurationMs = minDurationMs;
        MaxDurationMs = maxDurationMs;
        P50DurationMs = p50DurationMs;
        P95DurationMs = p95DurationMs;
        P99DurationMs = p99DurationMs;
    }

    /// <summary>The number of items in the group, whether or not their duration is known.</summary>
    public int Count { get; }

    /// <summary>The number of items whose duration is known.</summary>
    public int KnownDurationCount { get; }

    /// <summary>The sum of the known durations in milliseconds; 0 when none is known.</summary>
    public long TotalDurationMs { get; }

    /// <summary>The mean of the known durations in milliseconds; null when none is known.</summary>
    public double? AverageDurationMs { get; }

    /// <summary>The shortest known duration; null when none is known.</summary>
    public long? MinDurationMs { get; }

    /// <summary>The longest known duration; null when none is known.</summary>
    public long? MaxDurationMs { get; }

    /// <summary>The nearest-rank median of the known durations; null when none is known.</summary>
    public long? P50DurationMs { get; }

    /// <summary>The nearest-rank 95th percentile of the known durations; null when none is known.</summary>
    public long? P95DurationMs { get; }

    /// <summary>The nearest-rank 99th percentile of the known durations; null when none is known.</summary>
    public long? P99DurationMs { get; }
}
