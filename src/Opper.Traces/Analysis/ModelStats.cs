namespace Opper;

/// <summary>Usage of one model (<c>data.model</c>) across spans.</summary>
public sealed class ModelStats
{
    internal ModelStats(int calls, long totalTokens, long totalDurationMs)
    {
        Calls = calls;
        TotalTokens = totalTokens;
        TotalDurationMs = totalDurationMs;
    }

    /// <summary>The number of spans that name the model.</summary>
    public int Calls { get; }

    /// <summary>The sum of those spans' <c>data.total_tokens</c>; 0 when none has any.</summary>
    public long TotalTokens { get; }

    /// <summary>The sum of those spans' known durations in milliseconds; 0 when none is known.</summary>
    public long TotalDurationMs { get; }
}
