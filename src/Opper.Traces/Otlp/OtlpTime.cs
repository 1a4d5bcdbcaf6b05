using System;

namespace Opper;

/// <summary>Instants as OTLP's unsigned Unix nanoseconds.</summary>
internal static class OtlpTime
{
    private const long UnixEpochTicks = 621_355_968_000_000_000L;
    private const ulong NanosPerTick = 100;
    private const ulong NanosPerMs = 1_000_000;

    /// <summary>
    /// The instant as nanoseconds since the Unix epoch, or null when OTLP cannot hold it (before
    /// 1970, or after the year 2554 where an unsigned 64-bit count of nanoseconds ends).
    /// </summary>
    public static ulong? ToUnixNanos(DateTimeOffset instant)
    {
        long ticks = instant.UtcTicks - UnixEpochTicks;
        if (ticks < 0 || (ulong)ticks > ulong.MaxValue / NanosPerTick)
        {
            return null;
        }

        return (ulong)ticks * NanosPerTick;
    }

    /// <summary><paramref name="start"/> plus a duration in milliseconds, held at the largest value on overflow.</summary>
    public static ulong AddMilliseconds(ulong start, long durationMs)
    {
        ulong duration = (ulong)durationMs;
        if (duration > (ulong.MaxValue - start) / NanosPerMs)
        {
            return ulong.MaxValue;
        }

        return start + (duration * NanosPerMs);
    }

    /// <summary>Nanoseconds since the Unix epoch as a UTC instant (to the 100 ns tick, truncated).</summary>
    public static DateTimeOffset FromUnixNanos(ulong nanos) =>
        new DateTimeOffset(UnixEpochTicks + (long)(nanos / NanosPerTick), TimeSpan.Zero);

    /// <summary>Whole milliseconds from <paramref name="start"/> to <paramref name="end"/>, or null when the end is earlier.</summary>
    public static long? DurationMs(ulong start, ulong end) =>
        end >= start ? (long)((end - start) / NanosPerMs) : null;
}
