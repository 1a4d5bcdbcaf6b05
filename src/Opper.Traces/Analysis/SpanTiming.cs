using System;
using System.Collections.Generic;
using Opper.Models;

namespace Opper;

/// <summary>
/// The duration and interval rules of the trace analysis, in one place so that the tree, the
/// summary and the multi-trace statistics agree on every number.
/// </summary>
/// <remarks>
/// Interval bounds are <see cref="long"/> milliseconds since 0001-01-01 UTC: a tick is
/// exactly 0.0001 ms, so bounds, unions and self times are exact (no floating-point drift
/// such as 2.9999999 for 3) and ties between interval ends compare exactly.
/// </remarks>
internal static class SpanTiming
{
    private const long TicksPerMs = TimeSpan.TicksPerMillisecond;

    /// <summary>How a span's duration was decided.</summary>
    internal enum DurationSource
    {
        /// <summary>Neither a usable <c>duration_ms</c> nor both times.</summary>
        Unknown,

        /// <summary><c>duration_ms</c> is present and &gt;= 0.</summary>
        Reported,

        /// <summary><c>duration_ms</c> is absent; computed from the two times.</summary>
        Computed,

        /// <summary><c>duration_ms</c> is negative: unknown, and an <c>InvalidDuration</c> problem.</summary>
        NegativeReported,

        /// <summary>No <c>duration_ms</c> and the end is before the start: unknown, and a problem.</summary>
        EndBeforeStart,
    }

    /// <summary>
    /// The span's duration in whole milliseconds, or <see langword="null"/> when unknown.
    /// <c>duration_ms</c> alone decides when present (unknown when negative); otherwise
    /// <c>end_time - start_time</c> floored to milliseconds when end &gt;= start.
    /// </summary>
    internal static long? Duration(SpanSchema span, out DurationSource source) =>
        Duration(span.DurationMs, span.StartTime, span.EndTime, out source);

    /// <summary>The same rule for any pair of times and a reported duration (a trace's, for example).</summary>
    internal static long? Duration(long? reported, DateTimeOffset? start, DateTimeOffset? end, out DurationSource source)
    {
        if (reported.HasValue)
        {
            if (reported.Value >= 0)
            {
                source = DurationSource.Reported;
                return reported.Value;
            }

            source = DurationSource.NegativeReported;
            return null;
        }

        if (start.HasValue && end.HasValue)
        {
            // UtcTicks compares instants whatever the offsets; the difference of two valid
            // instants always fits in a long (both lie within 0..3.2e18 ticks).
            long ticks = end.Value.UtcTicks - start.Value.UtcTicks;
            if (ticks >= 0)
            {
                source = DurationSource.Computed;
                return ticks / TicksPerMs; // non-negative, so integer division floors
            }

            source = DurationSource.EndBeforeStart;
            return null;
        }

        source = DurationSource.Unknown;
        return null;
    }

    /// <summary>The span's duration (see <see cref="Duration(SpanSchema, out DurationSource)"/>).</summary>
    internal static long? Duration(SpanSchema span) => Duration(span, out _);

    /// <summary>
    /// The end of the interval [start, start + duration] in UTC ticks. Ticks are exact (a
    /// millisecond is 10,000 of them); an end beyond the range of a long (a duration of some
    /// 29,000 years) is held at <see cref="long.MaxValue"/>.
    /// </summary>
    internal static long EndTicks(long startTicks, long durationMs) =>
        durationMs > (long.MaxValue - startTicks) / TicksPerMs ? long.MaxValue : startTicks + (durationMs * TicksPerMs);

    /// <summary>A length in ticks as milliseconds.</summary>
    internal static double TicksToMs(long ticks) => ticks / (double)TicksPerMs;

    /// <summary>
    /// <paramref name="start"/> plus <paramref name="durationMs"/> in the start's offset, or
    /// <see langword="null"/> when that instant cannot be represented by <see cref="DateTimeOffset"/>.
    /// </summary>
    internal static DateTimeOffset? AddMilliseconds(DateTimeOffset start, long durationMs)
    {
        long maxTicks = DateTimeOffset.MaxValue.UtcTicks;
        if (durationMs > (maxTicks - start.UtcTicks) / TicksPerMs)
        {
            return null;
        }

        long utcTicks = start.UtcTicks + (durationMs * TicksPerMs);
        long localTicks = utcTicks + start.Offset.Ticks;
        if (localTicks < 0 || localTicks > maxTicks)
        {
            return null;
        }

        return new DateTimeOffset(localTicks, start.Offset);
    }

    /// <summary>The length in ticks of the union of intervals given as parallel start/end arrays (sorted here).</summary>
    internal static long UnionLength(long[] starts, long[] ends, int count)
    {
        Array.Sort(starts, ends, 0, count);
        var union = default(UnionBuilder);
        for (int i = 0; i < count; i++)
        {
            union.Add(starts[i], ends[i]);
        }

        return union.Length;
    }

    /// <summary>Adds without wrapping around: a sum that leaves the range of long sticks at its bound.</summary>
    internal static long SaturatingAdd(long a, long b)
    {
        long sum = unchecked(a + b);
        if (((a ^ sum) & (b ^ sum)) < 0)
        {
            return a < 0 ? long.MinValue : long.MaxValue;
        }

        return sum;
    }

    /// <summary>
    /// Accumulates the length of a union of intervals fed in order of non-decreasing start.
    /// A mutable struct: keep it in a local and never copy it.
    /// </summary>
    internal struct UnionBuilder
    {
        private bool _open;
        private long _start;
        private long _end;
        private long _closed;

        /// <summary>The length of the union of everything added so far.</summary>
        internal readonly long Length => _open ? _closed + (_end - _start) : _closed;

        /// <summary>Adds [lo, hi]; empty or reversed intervals add nothing.</summary>
        internal void Add(long lo, long hi)
        {
            if (hi <= lo)
            {
                return;
            }

            if (!_open)
            {
                _open = true;
                _start = lo;
                _end = hi;
            }
            else if (lo <= _end)
            {
                if (hi > _end)
                {
                    _end = hi;
                }
            }
            else
            {
                _closed += _end - _start;
                _start = lo;
                _end = hi;
            }
        }
    }
}
