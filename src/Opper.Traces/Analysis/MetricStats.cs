namespace Opper;

/// <summary>Statistics of the <c>value</c>s of the metrics of one dimension.</summary>
public sealed class MetricStats
{
    internal MetricStats(int count, double mean, double min, double max)
    {
        Count = count;
        Mean = mean;
        Min = min;
        Max = max;
    }

    /// <summary>The number of metrics with this dimension.</summary>
    public int Count { get; }

    /// <summary>The mean value.</summary>
    public double Mean { get; }

    /// <summary>The smallest value.</summary>
    public double Min { get; }

    /// <summary>The largest value.</summary>
    public double Max { get; }
}
