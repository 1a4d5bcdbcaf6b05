#if NET
using System;
#endif
using System.Diagnostics;

namespace Opper.OpenTelemetry.Implementation;

/// <summary>
/// Opper ids from W3C ids, deterministic so that a parent exported by another process links up:
/// the trace id is the TraceId as a UUID; a span id is the UUID of the SpanId's 16 hex digits
/// followed by the first 16 of the TraceId.
/// </summary>
internal static class OpperIds
{
    /// <summary>The trace's id: its 32 hex digits as 8-4-4-4-12.</summary>
    public static string TraceId(string traceHex) => Uuid(traceHex.Substring(0, 16), traceHex.Substring(16, 16));

    /// <summary>A span's id in a trace.</summary>
    public static string SpanId(ActivitySpanId spanId, string traceHex) => Uuid(spanId.ToHexString(), traceHex.Substring(0, 16));

    // Two runs of 16 lowercase hex digits as one UUID.
    private static string Uuid(string first, string second)
    {
#if NET
        return string.Create(36, (first, second), static (chars, parts) =>
        {
            parts.first.AsSpan(0, 8).CopyTo(chars);
            chars[8] = '-';
            parts.first.AsSpan(8, 4).CopyTo(chars.Slice(9));
            chars[13] = '-';
            parts.first.AsSpan(12, 4).CopyTo(chars.Slice(14));
            chars[18] = '-';
            parts.second.AsSpan(0, 4).CopyTo(chars.Slice(19));
            chars[23] = '-';
            parts.second.AsSpan(4, 12).CopyTo(chars.Slice(24));
        });
#else
        return first.Substring(0, 8) + "-" + first.Substring(8, 4) + "-" + first.Substring(12, 4) + "-"
            + second.Substring(0, 4) + "-" + second.Substring(4, 12);
#endif
    }
}
