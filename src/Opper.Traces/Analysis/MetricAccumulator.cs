namespace Opper;

/// <summary>Collects the values of one metric dimension and turns them into <see cref="MetricStats"/>.</summary>
internal sealed class MetricAccumulator
{
    private int _count;
    private double _sum;
    private double _min;
    private double _max;

    internal void Add(double value)
    {
        if (_count == 0)
        {
            _min = value;
            _max = value;
        }
        else
        {
            if (value < _min)
            {
                _min = value;
            }

            if (value > _max)
            {
                _max = value;
            }
        }

        _count++;
        _sum += value;
    }

    internal MetricStats ToStats() => new MetricStats(_count, _sum / _count, _min, _max);
}
