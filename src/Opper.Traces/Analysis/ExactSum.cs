namespace Opper;

/// <summary>
/// An exact sum of <see cref="long"/> values: a long while it fits, the rest carried in a
/// decimal. Adding is one addition and an overflow test, not a decimal addition per value.
/// A mutable struct: keep it in a field or a local and never copy it.
/// </summary>
internal struct ExactSum
{
    private long _low;
    private decimal _carried;

    internal void Add(long value)
    {
        long sum = unchecked(_low + value);
        if (((_low ^ sum) & (value ^ sum)) < 0)
        {
            // The long would wrap: move what it holds to the decimal and start again.
            _carried += _low;
            sum = value;
        }

        _low = sum;
    }

    /// <summary>The sum divided by <paramref name="count"/>, as the decimal quotient rounded to a double.</summary>
    internal readonly double Mean(long count) => (double)((_carried + _low) / count);
}
