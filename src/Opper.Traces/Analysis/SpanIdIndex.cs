using System;

namespace Opper;

/// <summary>
/// Span ids to positions, compared ordinally: an open-addressing table whose slots hold a
/// position and a few bits of its id's hash, so that a probe compares strings only when those
/// bits match. Each id is hashed once, by a fast hash over its characters.
/// </summary>
/// <remarks>
/// <para>
/// This is what makes a million spans fast: a <c>Dictionary&lt;string, int&gt;</c> costs two
/// scattered memory reads per operation (bucket, then entry) and a string comparison per
/// collision; here a slot is 4 bytes, adding a new id reads one slot (the tag rules out the
/// occupied slots it passes), and finding the parent of a span that came shortly before reads
/// that parent's slot and id, both still in cache.
/// </para>
/// <para>
/// The hash is seeded per process, so a trace cannot be built to make every id collide. It
/// answers exactly as a <c>Dictionary&lt;string, int&gt;</c> with the ordinal comparer would.
/// </para>
/// </remarks>
internal sealed class SpanIdIndex
{
    private const ulong Prime1 = 0x9E3779B97F4A7C15UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;

    private static readonly ulong s_seed = NewSeed();

    // Slot: (tag << _positionBits) | (position + 1); 0 is empty. The positions take the low bits
    // they need and the tag fills the rest (12 bits for a million spans).
    private readonly uint[] _table;
    private readonly string?[] _ids;
    private readonly int _shift;
    private readonly int _positionBits;
    private readonly uint _positionMask;

    /// <summary>An index for the positions 0 to <paramref name="capacity"/> - 1.</summary>
    internal SpanIdIndex(int capacity)
    {
        // At least twice as many slots as ids: probe runs stay short, and one slot is always free.
        int sizeBits = 4;
        while ((1L << sizeBits) < capacity * 2L && sizeBits < 30)
        {
            sizeBits++;
        }

        _table = new uint[1 << sizeBits];
        _shift = 64 - sizeBits;
        _ids = new string?[capacity];
        _positionBits = capacity == 0 ? 1 : 32 - LeadingZeros((uint)capacity);
        _positionMask = _positionBits >= 32 ? uint.MaxValue : (1u << _positionBits) - 1;
    }

    /// <summary>
    /// Adds <paramref name="id"/> for <paramref name="position"/> unless it is there already; then
    /// <paramref name="owner"/> is the position that holds it.
    /// </summary>
    internal bool TryAdd(string id, int position, out int owner) => TryAdd(id, Hash(id), position, out owner);

    /// <summary>
    /// <see cref="TryAdd(string, int, out int)"/> with the id's <see cref="Hash"/> computed by the
    /// caller: hashing a batch of ids first and then adding them lets the table's reads overlap.
    /// </summary>
    internal bool TryAdd(string id, ulong hash, int position, out int owner)
    {
        owner = Find(id, hash, out int free);
        if (owner >= 0)
        {
            return false;
        }

        _ids[position] = id;
        _table[free] = Tag(hash) | (uint)(position + 1);
        owner = position;
        return true;
    }

    /// <summary>The position that holds <paramref name="id"/>.</summary>
    internal bool TryGetValue(string id, out int position) => TryGetValue(id, Hash(id), out position);

    /// <summary><see cref="TryGetValue(string, out int)"/> with the id's <see cref="Hash"/> computed by the caller.</summary>
    internal bool TryGetValue(string id, ulong hash, out int position)
    {
        position = Find(id, hash, out _);
        return position >= 0;
    }

    /// <summary>
    /// The hash of an id: its characters four at a time through a multiply-xor chain started
    /// from the process's seed, then mixed so that every bit of it counts in the slot and tag.
    /// </summary>
    internal static ulong Hash(string id)
    {
        ulong h = s_seed ^ ((ulong)id.Length * Prime1);
        int i = 0;
        for (; i + 4 <= id.Length; i += 4)
        {
            ulong word = id[i] | ((ulong)id[i + 1] << 16) | ((ulong)id[i + 2] << 32) | ((ulong)id[i + 3] << 48);
            h = (h ^ word) * Prime2;
        }

        for (; i < id.Length; i++)
        {
            h = (h ^ id[i]) * Prime1;
        }

        // The finaliser of MurmurHash3: each input bit reaches every output bit.
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }

    /// <summary>The position holding the id, or -1 and the free slot where it would go.</summary>
    private int Find(string id, ulong hash, out int free)
    {
        uint[] table = _table;
        uint tag = Tag(hash);
        uint tagMask = ~_positionMask;
        int mask = table.Length - 1;
        int i = (int)(hash >> _shift);
        while (true)
        {
            uint entry = table[i];
            if (entry == 0)
            {
                free = i;
                return -1;
            }

            if ((entry & tagMask) == tag)
            {
                int position = (int)(entry & _positionMask) - 1;
                if (string.Equals(_ids[position], id, StringComparison.Ordinal))
                {
                    free = -1;
                    return position;
                }
            }

            i = (i + 1) & mask;
        }
    }

    // The slot index takes the hash's high bits; the tag takes low ones.
    private uint Tag(ulong hash) => _positionBits >= 32 ? 0u : (uint)hash << _positionBits;

    private static int LeadingZeros(uint value)
    {
        int zeros = 0;
        while (zeros < 32 && (value & 0x80000000u) == 0)
        {
            value <<= 1;
            zeros++;
        }

        return zeros;
    }

    private static ulong NewSeed()
    {
        byte[] bytes = Guid.NewGuid().ToByteArray();
        return BitConverter.ToUInt64(bytes, 0) ^ BitConverter.ToUInt64(bytes, 8);
    }
}
