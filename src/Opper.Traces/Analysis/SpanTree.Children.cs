using System;

namespace Opper;

// Building, continued: children in order, walk order, depth, subtree sizes and self time.
public sealed partial class SpanTree
{
    // Runs of up to this many children are ordered by insertion sort.
    private const int SmallRun = 32;

    /// <summary>
    /// Children as one array in parent order (offsets per parent), each run ordered by start
    /// time (unknown last), ties in input order; self time from them. Returns the roots, ordered
    /// the same way.
    /// </summary>
    /// <remarks>
    /// A child's start and end are copied beside it while the runs are filled (in input order,
    /// reading the spans' timing in the order it lies in memory), so that ordering a run and
    /// computing its parent's self time read one contiguous stretch, not the timing of children
    /// scattered over the whole trace.
    /// </remarks>
    private int[] ArrangeChildren()
    {
        int n = _spans.Length;
        int[] parent = _parent;
        int rootCount = 0;
        for (int k = 0; k < n; k++)
        {
            if (parent[k] >= 0)
            {
                _childOffset[parent[k] + 1]++;
            }
            else
            {
                rootCount++;
                _flags[k] |= IsRootFlag;
            }
        }

        for (int k = 0; k < n; k++)
        {
            _childOffset[k + 1] += _childOffset[k];
        }

        int[] fill = _descendants; // zero until the walk, which clears it again
        var children = new ChildSlot[n - rootCount];
        var roots = new ChildSlot[rootCount];
        rootCount = 0;
        for (int k = 0; k < n; k++)
        {
            var slot = new ChildSlot(_startTicks[k], (_flags[k] & HasIntervalFlag) != 0 ? _endTicks[k] : long.MinValue, k);
            int p = parent[k];
            if (p >= 0)
            {
                children[_childOffset[p] + fill[p]++] = slot;
            }
            else
            {
                roots[rootCount++] = slot;
            }
        }

        SortScratch? scratch = null;
        for (int k = 0; k < n; k++)
        {
            int from = _childOffset[k];
            int to = _childOffset[k + 1];
            if (to - from > 1)
            {
                SortByStart(children, from, to - from, ref scratch);
            }

            _selfTime[k] = SelfTime(k, children, from, to);
        }

        for (int c = 0; c < children.Length; c++)
        {
            _childList[c] = children[c].Position;
        }

        SortByStart(roots, 0, roots.Length, ref scratch);
        var rootPositions = new int[roots.Length];
        for (int r = 0; r < roots.Length; r++)
        {
            rootPositions[r] = roots[r].Position;
        }

        return rootPositions;
    }

    /// <summary>
    /// Walk order (pre-order), depth and subtree sizes; returns the greatest depth.
    /// </summary>
    private int WalkInOrder(int[] roots)
    {
        int n = _spans.Length;
        int[] parent = _parent;
        bool parentsFirst = true; // every parent before its children in the input (the usual case)
        for (int k = 0; k < n && parentsFirst; k++)
        {
            parentsFirst = parent[k] < k;
        }

        // Pre-order with an explicit stack. The stack lives at the end of _walk and grows down
        // while the walk grows up: nodes walked plus nodes on the stack never exceed n, so the
        // two never meet.
        int[] walk = _walk;
        int top = n;
        for (int r = roots.Length - 1; r >= 0; r--)
        {
            walk[--top] = roots[r];
        }

        int position = 0;
        while (top < n)
        {
            int node = walk[top++];
            if (!parentsFirst)
            {
                _depth[node] = parent[node] < 0 ? 0 : _depth[parent[node]] + 1;
            }

            _walkPosition[node] = position;
            walk[position++] = node;
            for (int c = _childOffset[node + 1] - 1; c >= _childOffset[node]; c--)
            {
                walk[--top] = _childList[c];
            }
        }

        Array.Clear(_descendants, 0, n);

        // Depth top-down and subtree sizes bottom-up: any order with parents before children
        // serves, and when every parent comes first in the input, input order is one. It reads
        // the arrays in the order they lie in memory, where the walk order jumps about.
        int maxDepth = 0;
        if (parentsFirst)
        {
            for (int k = 0; k < n; k++)
            {
                int depth = parent[k] < 0 ? 0 : _depth[parent[k]] + 1;
                _depth[k] = depth;
                maxDepth = depth > maxDepth ? depth : maxDepth;
            }

            for (int k = n - 1; k >= 0; k--)
            {
                if (parent[k] >= 0)
                {
                    _descendants[parent[k]] += _descendants[k] + 1;
                }
            }
        }
        else
        {
            for (int w = n - 1; w >= 0; w--)
            {
                int node = walk[w];
                maxDepth = _depth[node] > maxDepth ? _depth[node] : maxDepth;
                if (parent[node] >= 0)
                {
                    _descendants[parent[node]] += _descendants[node] + 1;
                }
            }
        }

        return maxDepth;
    }

    /// <summary>
    /// Orders slots[offset..offset+count) by start (unknown last), ties in input order. The runs
    /// arrive in input order, so an ordered run is left as it is.
    /// </summary>
    private static void SortByStart(ChildSlot[] slots, int offset, int count, ref SortScratch? scratch)
    {
        int end = offset + count;
        int i = offset + 1;
        while (i < end && slots[i].Start >= slots[i - 1].Start)
        {
            i++;
        }

        if (i == end)
        {
            return;
        }

        if (count > SmallRun)
        {
            SortLongRun(slots, offset, count, ref scratch);
            return;
        }

        // Insertion sort from the first slot out of order: stable, so ties keep input order.
        for (; i < end; i++)
        {
            ChildSlot slot = slots[i];
            int j = i - 1;
            while (j >= offset && slots[j].Start > slot.Start)
            {
                slots[j + 1] = slots[j];
                j--;
            }

            slots[j + 1] = slot;
        }
    }

    /// <summary>The self time of a node from its children's slots[from..to), ordered by start.</summary>
    private double SelfTime(int node, ChildSlot[] slots, int from, int to)
    {
        if ((_flags[node] & HasIntervalFlag) == 0)
        {
            return double.NaN;
        }

        // Children with an interval all have a start, so they arrive in non-decreasing start
        // order; clipping to [start, end] keeps that order. A child without an interval has the
        // end long.MinValue, which the union ignores as empty.
        long start = _startTicks[node];
        long end = _endTicks[node];
        var union = default(SpanTiming.UnionBuilder);
        for (int c = from; c < to; c++)
        {
            long lo = slots[c].Start < start ? start : slots[c].Start;
            long hi = slots[c].End > end ? end : slots[c].End;
            union.Add(lo, hi);
        }

        long self = (end - start) - union.Length;
        return self > 0 ? SpanTiming.TicksToMs(self) : 0d;
    }

    /// <summary>
    /// Sorts a long run by start with a radix sort (least significant byte first): linear in
    /// the run's length, where a comparison sort of a parent with a million children takes most
    /// of the build. Each pass is stable, so ties keep input order; unknown starts take the key
    /// after the latest known one, so they come last, in input order too. Only the bytes in
    /// which the keys differ take a pass (three or four for starts within hours of each other).
    /// </summary>
    private static void SortLongRun(ChildSlot[] slots, int offset, int count, ref SortScratch? scratch)
    {
        if (scratch is null || scratch.Slots.Length < count)
        {
            scratch = new SortScratch(Math.Max(count, scratch?.Slots.Length * 2 ?? 0));
        }

        long min = long.MaxValue;
        long max = long.MinValue;
        for (int i = offset; i < offset + count; i++)
        {
            long start = slots[i].Start;
            if (start != long.MaxValue)
            {
                min = start < min ? start : min;
                max = start > max ? start : max;
            }
        }

        // A run that needs sorting has a known start (unknown ones are equal, and last).
        ulong unknown = (ulong)(max - min) + 1;
        int[] counts = scratch.Counts;
        Array.Clear(counts, 0, counts.Length);
        for (int i = offset; i < offset + count; i++)
        {
            ulong key = RadixKey(slots[i].Start, min, unknown);
            for (int b = 0; b < 8; b++)
            {
                counts[(b << 8) | (int)((key >> (b * 8)) & 0xFF)]++;
            }
        }

        ChildSlot[] source = slots;
        int sourceOffset = offset;
        ChildSlot[] target = scratch.Slots;
        int targetOffset = 0;
        for (int b = 0; b < 8 && (unknown >> (b * 8)) != 0; b++)
        {
            int digitCounts = b << 8;
            if (counts[digitCounts | (int)((RadixKey(slots[offset].Start, min, unknown) >> (b * 8)) & 0xFF)] == count)
            {
                continue; // every key has the same byte here
            }

            // Counts to starting places, then each slot to its place, in order.
            int next = targetOffset;
            for (int d = 0; d < 256; d++)
            {
                int c = counts[digitCounts | d];
                counts[digitCounts | d] = next;
                next += c;
            }

            for (int i = sourceOffset; i < sourceOffset + count; i++)
            {
                int digit = (int)((RadixKey(source[i].Start, min, unknown) >> (b * 8)) & 0xFF);
                target[counts[digitCounts | digit]++] = source[i];
            }

            (source, target) = (target, source);
            (sourceOffset, targetOffset) = (targetOffset, sourceOffset);
        }

        if (!ReferenceEquals(source, slots))
        {
            Array.Copy(source, sourceOffset, slots, offset, count);
        }
    }

    private static ulong RadixKey(long start, long min, ulong unknown) =>
        start == long.MaxValue ? unknown : (ulong)(start - min);

    /// <summary>A child's place in its parent's run, with the timing that orders it and clips it.</summary>
    private readonly struct ChildSlot
    {
        internal ChildSlot(long start, long end, int position)
        {
            Start = start;
            End = end;
            Position = position;
        }

        /// <summary>The start in UTC ticks; <see cref="long.MaxValue"/> when unknown (last).</summary>
        internal long Start { get; }

        /// <summary>The end of the interval in UTC ticks; <see cref="long.MinValue"/> when it has none.</summary>
        internal long End { get; }

        /// <summary>The child's position.</summary>
        internal int Position { get; }
    }

    /// <summary>Working arrays of <see cref="SortLongRun"/>, grown to the longest run, reused by the next.</summary>
    private sealed class SortScratch
    {
        internal SortScratch(int length)
        {
            Slots = new ChildSlot[length];
        }

        /// <summary>A run's slots between passes.</summary>
        internal ChildSlot[] Slots { get; }

        /// <summary>For each of the 8 bytes of a key, how many keys have each value of it.</summary>
        internal int[] Counts { get; } = new int[8 * 256];
    }
}
