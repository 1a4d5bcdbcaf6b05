// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// The property names the readers hand out: the specification's names, and a small bounded
    /// cache of the other short names they meet (the keys of free-form JSON such as <c>meta</c>,
    /// which repeat from span to span), so that a name read again costs no new string. Shared by
    /// every reader and safe across threads without locks: a slot holds an immutable string, a
    /// lookup compares its characters, and a slot overwritten by another reader only costs a
    /// string.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__JsonNameTable : global::Newtonsoft.Json.JsonNameTable
    {
        // Longer names are rarely keys that repeat; 512 slots of at most 32 characters bound the
        // cache at about 40 KB whatever the bodies hold.
        private const int MaxCachedLength = 32;
        private const int Slots = 512;

        private readonly global::Newtonsoft.Json.JsonNameTable _known;
        private readonly string?[] _recent = new string?[Slots];

        public __Client__JsonNameTable(global::Newtonsoft.Json.JsonNameTable known)
        {
            _known = known;
        }

        /// <inheritdoc/>
        public override string? Get(char[] key, int start, int length)
        {
            var known = _known.Get(key, start, length);
            if (known is not null || length > MaxCachedLength)
            {
                // null: the reader makes the string itself.
                return known;
            }

            if (length == 0)
            {
                return string.Empty;
            }

            var hash = 5381u;
            for (var i = start; i < start + length; i++)
            {
                hash = unchecked((hash * 33) ^ key[i]);
            }

            var slot = (int)(unchecked(hash * 2654435769u) >> 23);
            var cached = _recent[slot];
            if (cached is not null && cached.Length == length && Same(cached, key, start))
            {
                return cached;
            }

            var name = new string(key, start, length);
            _recent[slot] = name;
            return name;
        }

        private static bool Same(string cached, char[] key, int start)
        {
            for (var i = 0; i < cached.Length; i++)
            {
                if (cached[i] != key[start + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
