namespace Opper;

/// <summary>Statistics of the spans' own <c>score</c> (not <c>data.score</c>).</summary>
public sealed class ScoreStats
{
    internal ScoreStats(int count, double? mean, double? min, double? max)
    {
        Count = count;
        Mean = mean;
        Min = min;
        Max = max;
    }

    /// <summary>The number of spans with a score; 0 when none has one.</summary>
    public int Count { get; }

    /// <summary>The mean score; null when no span has a score.</summary>
    public double? Mean { get; }

    /// <summary>The lowest score; null when no span has a score.</summary>
    public double? Min { get; }

    /// <summary>The highest score; null when no span has a score.</summary>
    public double? Max { get; }
}
