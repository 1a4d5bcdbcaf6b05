namespace Opper;

/// <summary>The traces of one name in <see cref="TraceStatistics.ByTraceName"/>.</summary>
public sealed class TraceNameStats
{
    internal TraceNameStats(int count, int errorCount, DurationStats duration, long totalTokens)
    {
        Count = count;
        ErrorCount = errorCount;
        Duration = duration;
        TotalTokens = totalTokens;
    }

    /// <summary>The number of traces with the name.</summary>
    public int Count { get; }

    /// <summary>The number of those traces with at least one span error.</summary>
    public int ErrorCount { get; }

    /// <summary>Statistics of those traces' own durations (the rule of <see cref="TraceStatistics.TraceDuration"/>).</summary>
    public DurationStats Duration { get; }

    /// <summary>The sum of the tokens of those traces' spans; 0 when none has any.</summary>
    public long TotalTokens { get; }
}
