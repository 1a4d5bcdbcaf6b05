namespace Opper;

/// <summary>Collects the durations of a group and turns them into <see cref="DurationStats"/>.</summary>
internal sealed class DurationAccumulator
{
    private long[] _known = new long[8];
    private int _knownCount;
    private int _count;
    private long _total;
    private long _min;
    private long _max;
    private ExactSum _exactSum;

    /// <summary>Adds one item; a null duration counts the item but no duration.</summary>
    internal void Add(long? durationMs)
    {
        _count++;
        if (durationMs.HasValue)
        {
            long value = durationMs.Value;
            if (_knownCount == _known.Length)
            {
                System.Array.Resize(ref _known, _known.Length * 2);
            }

            if (_knownCount == 0 || value < _min)
            {
                _min = value;
            }

            if (_knownCount == 0 || value > _max)
            {
                _max = value;
            }

            _known[_knownCount++] = value;
            _total = SpanTiming.SaturatingAdd(_total, value);
            _exactSum.Add(value);
        }
    }

    internal DurationStats ToStats()
    {
        int n = _knownCount;
        if (n == 0)
        {
            return new DurationStats(_count, 0, 0, null, null, null, null, null, null);
        }

        // Ascending ranks, each selected among the values at or after the one before.
        int r50 = Percentiles.Rank(n, 50) - 1;
        int r95 = Percentiles.Rank(n, 95) - 1;
        int r99 = Percentiles.Rank(n, 99) - 1;
        long p50 = Percentiles.Select(_known, 0, n, r50);
        long p95 = Percentiles.Select(_known, r50, n, r95);
        long p99 = Percentiles.Select(_known, r95, n, r99);
        return new DurationStats(_count, n, _total, _exactSum.Mean(n), _min, _max, p50, p95, p99);
    }
}
