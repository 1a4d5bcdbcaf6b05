using System;

namespace Opper;

/// <summary>
/// Nearest-rank percentiles by selection: the values at a few ranks of an unsorted array in
/// linear time, instead of sorting it (n log n). Introselect: quickselect with a
/// median-of-three pivot that falls back to sorting the range when it stops shrinking fast.
/// </summary>
internal static class Percentiles
{
    /// <summary>The 1-based nearest rank of <paramref name="percent"/> among <paramref name="count"/> values: ceil(p/100 × n).</summary>
    internal static int Rank(int count, int percent)
    {
        long rank = ((percent * (long)count) + 99) / 100;
        return rank < 1 ? 1 : (int)rank;
    }

    /// <summary>
    /// Rearranges values[0..count) so that values[index] is the value a sort would put there,
    /// everything before it no greater and everything after it no smaller, looking only at
    /// values[from..count) (where the caller knows the answer lies).
    /// </summary>
    internal static long Select(long[] values, int from, int count, int index)
    {
        int lo = from;
        int hi = count - 1;
        int budget = 2 * Log2(count - from + 1) + 8;
        while (hi > lo)
        {
            if (budget-- == 0)
            {
                Array.Sort(values, lo, hi - lo + 1);
                break;
            }

            // Median of three as the pivot, then Hoare's partition.
            int mid = lo + ((hi - lo) / 2);
            long a = values[lo], b = values[mid], c = values[hi];
            long pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
            int i = lo;
            int j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // Now values[lo..j] <= pivot <= values[i..hi], and values between j and i equal the pivot.
            if (index <= j)
            {
                hi = j;
            }
            else if (index >= i)
            {
                lo = i;
            }
            else
            {
                break;
            }
        }

        return values[index];
    }

    private static int Log2(int value)
    {
        int log = 0;
        while ((value >>= 1) != 0)
        {
            log++;
        }

        return log;
    }
}
