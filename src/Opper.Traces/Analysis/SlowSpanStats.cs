namespace Opper;

/// <summary>
/// One span name in <see cref="TraceStatistics.SlowestSpans"/>: how much time spans of that name
/// spent on their own work (self time), over all traces.
/// </summary>
public sealed class SlowSpanStats
{
    internal SlowSpanStats(string name, int count, double totalSelfTimeMs, long? p95DurationMs)
    {
        Name = name;
        Count = count;
        TotalSelfTimeMs = totalSelfTimeMs;
        P95DurationMs = p95DurationMs;
    }

    /// <summary>The span name (<c>(unnamed)</c> for null or empty), the key of <see cref="TraceStatistics.BySpanName"/>.</summary>
    public string Name { get; }

    /// <summary>The number of spans with the name.</summary>
    public int Count { get; }

    /// <summary>The sum of their known self times (<see cref="SpanNode.SelfTimeMs"/>), in milliseconds.</summary>
    public double TotalSelfTimeMs { get; }

    /// <summary>The nearest-rank 95th percentile of their known durations; null when none is known.</summary>
    public long? P95DurationMs { get; }

    /// <summary>Returns the name and the total self time, for debugging.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() =>
        Name + ": " + TotalSelfTimeMs.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " ms self time over " + Count + " spans";
}
