using System.Collections.Generic;

namespace Opper;

/// <summary>Collects the durations of a group and turns them into <see cref="DurationStats"/>.</summary>
internal sealed class DurationAccumulator
{
    private readonly List<long> _known = new List<long>();
    private int _count;
    private long _total;
    private decimal _exactSum;

    /// <summary>Adds one item; a null duration counts the item but no duration.</summary>
    internal void Add(long? durationMs)
    {
        _count++;
        if (durationMs.HasValue)
        {
            _known.Add(durationMs.Value);
            _total = SpanTiming.SaturatingAdd(_total, durationMs.Value);
            _exactSum += durationMs.Value;
        }
    }

    internal DurationStats ToStats()
    {
        int n = _known.Count;
        if (n == 0)
        {
            return new DurationStats(_count, 0, 0, null, null, null, null, null, null);
        }

        _known.Sort();
        return new DurationStats(
            _count,
            n,
            _total,
            (double)(_exactSum / n),
            _known[0],
            _known[n - 1],
            SpanTiming.NearestRank(_known, 50),
            SpanTiming.NearestRank(_known, 95),
            SpanTiming.NearestRank(_known, 99));
    }
}
