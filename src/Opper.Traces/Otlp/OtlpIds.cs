using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace Opper;

/// <summary>Trace and span ids between Opper's text ids and OTLP's lowercase hex.</summary>
internal static class OtlpIds
{
    private const string HexDigits = "0123456789abcdef";

    /// <summary>
    /// The OTLP trace id of an Opper trace id: its 32 hex digits when it is a UUID (other than
    /// the nil UUID, which OTLP does not allow), else the first 16 bytes of the SHA-256 of its
    /// UTF-8 text.
    /// </summary>
    public static string TraceId(string? id)
    {
        if (TryParseUuid(id, out string hex))
        {
            return hex;
        }

        using SHA256 sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(id ?? string.Empty));
        return Hex(hash, 16);
    }

    /// <summary>
    /// Reads a UUID (8-4-4-4-12, with or without braces, or 32 hex digits) as 32 lowercase hex
    /// digits; false for anything else and for the nil UUID.
    /// </summary>
    public static bool TryParseUuid(string? text, out string hex)
    {
        hex = string.Empty;
        if (text is null || (text.Length != 32 && text.Length != 36 && text.Length != 38))
        {
            return false;
        }

        if (!Guid.TryParseExact(text, "D", out Guid guid)
            && !Guid.TryParseExact(text, "N", out guid)
            && !Guid.TryParseExact(text, "B", out guid))
        {
            return false;
        }

        if (guid == Guid.Empty)
        {
            return false;
        }

        hex = guid.ToString("N");
        return true;
    }

    /// <summary>32 hex digits as a UUID, 8-4-4-4-12, lowercase.</summary>
    public static string ToUuid(string hex32) =>
        hex32.Substring(0, 8) + "-" + hex32.Substring(8, 4) + "-" + hex32.Substring(12, 4) + "-"
        + hex32.Substring(16, 4) + "-" + hex32.Substring(20, 12);

    /// <summary>
    /// A trace id typed by a user, as 32 hex digits or a UUID, in the form <see cref="ToUuid"/>
    /// gives; null when it is neither.
    /// </summary>
    public static string? NormalizeTraceId(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string trimmed = text.Trim();
        if (IsHex(trimmed, 32))
        {
            return ToUuid(trimmed.ToLowerInvariant());
        }

        return Guid.TryParseExact(trimmed, "D", out Guid guid) ? guid.ToString("D") : null;
    }

    /// <summary>Whether <paramref name="text"/> is exactly <paramref name="length"/> hex digits (either case).</summary>
    public static bool IsHex(string text, int length)
    {
        if (text.Length != length)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One span id per entry of <paramref name="spans"/> (null for null entries): deterministic and
    /// unique in the trace, never all zeros. A span whose id is a UUID gets the UUID's first 16 hex
    /// digits (for spans made from OpenTelemetry Activities, the original span id); the others,
    /// and any later span whose candidate is taken, get a value hashed from the trace id and the
    /// span's position.
    /// </summary>
    public static string?[] SpanIds(IList<Models.SpanSchema?> spans, string traceHex)
    {
        var ids = new string?[spans.Count];
        var used = new HashSet<ulong>();
        ulong seed = Fnv1a(traceHex);
        for (int i = 0; i < spans.Count; i++)
        {
            Models.SpanSchema? span = spans[i];
            if (span is null)
            {
                continue;
            }

            ulong value = 0;
            if (TryParseUuid(span.Id, out string hex))
            {
                value = ParseHex64(hex);
            }

            if (value == 0 || !used.Add(value))
            {
                value = SplitMix(seed + ((ulong)i * 0x9E3779B97F4A7C15UL));
                while (value == 0 || !used.Add(value))
                {
                    value = SplitMix(value);
                }
            }

            ids[i] = Hex64(value);
        }

        return ids;
    }

    /// <summary>A 64-bit value as 16 lowercase hex digits.</summary>
    public static string Hex64(ulong value)
    {
        var chars = new char[16];
        for (int i = 15; i >= 0; i--)
        {
            chars[i] = HexDigits[(int)(value & 0xF)];
            value >>= 4;
        }

        return new string(chars);
    }

    private static string Hex(byte[] bytes, int count)
    {
        var chars = new char[count * 2];
        for (int i = 0; i < count; i++)
        {
            chars[2 * i] = HexDigits[bytes[i] >> 4];
            chars[(2 * i) + 1] = HexDigits[bytes[i] & 0xF];
        }

        return new string(chars);
    }

    private static ulong ParseHex64(string hex32)
    {
        ulong value = 0;
        for (int i = 0; i < 16; i++)
        {
            char c = hex32[i];
            value = (value << 4) | (uint)(c <= '9' ? c - '0' : c - 'a' + 10);
        }

        return value;
    }

    private static ulong Fnv1a(string text)
    {
        ulong hash = 0xcbf29ce484222325UL;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 0x100000001b3UL;
        }

        return hash;
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
