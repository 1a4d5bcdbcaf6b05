using System;
using System.Collections.Generic;

namespace Opper;

/// <summary>
/// Span ids to positions, compared ordinally. Ids in the canonical lowercase UUID form
/// (<c>8-4-4-4-12</c> hex digits, as Opper's API sends them) are kept as 128-bit keys in an
/// open-addressing table: no string is hashed or compared, and a lookup costs one memory access,
/// which is what makes a million spans fast. Every other id goes to a dictionary of strings.
/// </summary>
/// <remarks>
/// The canonical form maps one-to-one to its 128 bits, so the two kinds never collide and the
/// index answers exactly as a <c>Dictionary&lt;string, int&gt;</c> with the ordinal comparer would.
/// </remarks>
internal sealed class SpanIdIndex
{
    private static readonly sbyte[] s_hex = HexTable();

    // Open addressing with linear probing over position + 1 (0: empty); the keys themselves lie
    // in input order in _keys (two halves per position), so the table is 4 bytes a slot and
    // mostly the key of a recent span is compared, which is still in cache.
    private readonly int[] _table;
    private readonly ulong[] _keys;
    private readonly int _mask;
    private Dictionary<string, int>? _others;

    /// <summary>An index for the positions 0 to <paramref name="capacity"/> - 1.</summary>
    internal SpanIdIndex(int capacity)
    {
        int size = 16;
        while (size < capacity * 2L && size < (1 << 30))
        {
            size <<= 1;
        }

        _table = new int[size];
        _keys = new ulong[capacity * 2L];
        _mask = size - 1;
    }

    /// <summary>The key of an id, when it is a canonical lowercase UUID.</summary>
    internal static bool TryParse(string id, out ulong high, out ulong low)
    {
        high = 0;
        low = 0;
        if (id.Length != 36 || id[8] != '-' || id[13] != '-' || id[18] != '-' || id[23] != '-')
        {
            return false;
        }

        sbyte[] hex = s_hex;
        ulong h = 0;
        ulong l = 0;
        int bad = 0;
        for (int i = 0; i < 18; i++)
        {
            if (i == 8 || i == 13)
            {
                continue;
            }

            char c = id[i];
            int v = c < 128 ? hex[c] : -1;
            bad |= v;
            h = (h << 4) | (uint)(v & 15);
        }

        for (int i = 19; i < 36; i++)
        {
            if (i == 23)
            {
                continue;
            }

            char c = id[i];
            int v = c < 128 ? hex[c] : -1;
            bad |= v;
            l = (l << 4) | (uint)(v & 15);
        }

        if (bad < 0)
        {
            return false;
        }

        high = h;
        low = l;
        return true;
    }

    /// <summary>
    /// Adds <paramref name="id"/> for <paramref name="position"/> unless it is there already; then
    /// <paramref name="owner"/> is the position that holds it.
    /// </summary>
    internal bool TryAdd(string id, int position, out int owner)
    {
        if (TryParse(id, out ulong high, out ulong low))
        {
            return TryAdd(high, low, position, out owner);
        }

        _others ??= new Dictionary<string, int>(StringComparer.Ordinal);
        if (_others.TryGetValue(id, out owner))
        {
            return false;
        }

        _others.Add(id, position);
        owner = position;
        return true;
    }

    /// <summary>Adds a parsed key (see <see cref="TryAdd(string, int, out int)"/>).</summary>
    internal bool TryAdd(ulong high, ulong low, int position, out int owner)
    {
        owner = Find(high, low, out int free);
        if (owner >= 0)
        {
            return false;
        }

        // At most `capacity` ids go in and the table has twice as many slots: one is free.
        _keys[2 * position] = high;
        _keys[(2 * position) + 1] = low;
        _table[free] = position + 1;
        owner = position;
        return true;
    }

    /// <summary>The position that holds <paramref name="id"/>.</summary>
    internal bool TryGetValue(string id, out int position)
    {
        if (TryParse(id, out ulong high, out ulong low))
        {
            return TryGetValue(high, low, out position);
        }

        position = -1;
        return _others is not null && _others.TryGetValue(id, out position);
    }

    /// <summary>The position that holds a parsed key.</summary>
    internal bool TryGetValue(ulong high, ulong low, out int position)
    {
        position = Find(high, low, out _);
        return position >= 0;
    }

    /// <summary>The position holding the key, or -1 and the free slot where it would go.</summary>
    private int Find(ulong high, ulong low, out int free)
    {
        int[] table = _table;
        ulong[] keys = _keys;
        int i = Hash(high, low) & _mask;
        while (true)
        {
            int entry = table[i];
            if (entry == 0)
            {
                free = i;
                return -1;
            }

            int position = entry - 1;
            if (keys[2 * position] == high && keys[(2 * position) + 1] == low)
            {
                free = -1;
                return position;
            }

            i = (i + 1) & _mask;
        }
    }

    private static int Hash(ulong high, ulong low)
    {
        // UUIDs are mostly random, but ids that count up must spread too: mix both halves.
        ulong x = (high * 0x9E3779B97F4A7C15UL) ^ low;
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 29;
        return (int)x;
    }

    private static sbyte[] HexTable()
    {
        var table = new sbyte[128];
        for (int c = 0; c < table.Length; c++)
        {
            table[c] = c >= '0' && c <= '9' ? (sbyte)(c - '0') : c >= 'a' && c <= 'f' ? (sbyte)(c - 'a' + 10) : (sbyte)-1;
        }

        return table;
    }
}
