// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// The writing primitives of the generated converters, and whole documents: reading one from
    /// a stream or a string, writing one to UTF-8 bytes.
    /// </summary>
    internal static partial class __Client__Json
    {
        // ------------------------------------------------------------ writers

        public static void WriteToken(global::Newtonsoft.Json.JsonWriter writer, global::Newtonsoft.Json.Linq.JToken? value)
        {
            if (value is null)
            {
                writer.WriteNull();
            }
            else
            {
                value.WriteTo(writer);
            }
        }

        /// <summary>
        /// Writes a number the way the service (Python) writes floats: always with a fraction or
        /// exponent (<c>1.0</c>, not <c>1</c>), so a <c>number</c> read from the service is written
        /// back as the same JSON token.
        /// </summary>
        public static void WriteDouble(global::Newtonsoft.Json.JsonWriter writer, double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new global::Newtonsoft.Json.JsonSerializationException("The number " + value.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " cannot be written as JSON.");
            }

            writer.WriteValue(value);
        }

        public static void WriteDouble(global::Newtonsoft.Json.JsonWriter writer, double? value)
        {
            if (value is null)
            {
                writer.WriteNull();
            }
            else
            {
                WriteDouble(writer, value.Value);
            }
        }

        /// <summary>
        /// The ISO 8601 text of a timestamp as the service writes it (Python's <c>isoformat</c>):
        /// <c>Z</c> for UTC, else the offset; no fraction for whole seconds, else six digits
        /// (seven when the value has 100 ns ticks), so a timestamp read from the service is
        /// written back as the same text.
        /// </summary>
        public static string FormatTimestamp(global::System.DateTimeOffset value)
        {
            var ticks = value.Ticks % global::System.TimeSpan.TicksPerSecond;
            var fraction = ticks == 0 ? string.Empty : ticks % 10 == 0 ? ".ffffff" : ".fffffff";
            return value.Offset == global::System.TimeSpan.Zero
                ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss" + fraction + "'Z'", global::System.Globalization.CultureInfo.InvariantCulture)
                : value.ToString("yyyy-MM-dd'T'HH:mm:ss" + fraction + "zzz", global::System.Globalization.CultureInfo.InvariantCulture);
        }

        public static void WriteDateTimeOffset(global::Newtonsoft.Json.JsonWriter writer, global::System.DateTimeOffset value) =>
            writer.WriteValue(FormatTimestamp(value));

        public static void WriteDateTimeOffset(global::Newtonsoft.Json.JsonWriter writer, global::System.DateTimeOffset? value)
        {
            if (value is null)
            {
                writer.WriteNull();
            }
            else
            {
                WriteDateTimeOffset(writer, value.Value);
            }
        }

        public static void WriteDate(global::Newtonsoft.Json.JsonWriter writer, global::System.DateTime value) =>
            writer.WriteValue(value.ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture));

        public static void WriteDate(global::Newtonsoft.Json.JsonWriter writer, global::System.DateTime? value)
        {
            if (value is null)
            {
                writer.WriteNull();
            }
            else
            {
                WriteDate(writer, value.Value);
            }
        }

        public static void WriteList<T>(global::Newtonsoft.Json.JsonWriter writer, global::System.Collections.Generic.IList<T>? list, global::System.Action<global::Newtonsoft.Json.JsonWriter, T> writeItem)
        {
            if (list is null)
            {
                writer.WriteNull();
                return;
            }

            writer.WriteStartArray();
            for (var i = 0; i < list.Count; i++)
            {
                writeItem(writer, list[i]);
            }

            writer.WriteEndArray();
        }

        public static void WriteDictionary<T>(global::Newtonsoft.Json.JsonWriter writer, global::System.Collections.Generic.IDictionary<string, T>? map, global::System.Action<global::Newtonsoft.Json.JsonWriter, T> writeValue)
        {
            if (map is null)
            {
                writer.WriteNull();
                return;
            }

            writer.WriteStartObject();
            foreach (var pair in map)
            {
                writer.WritePropertyName(pair.Key);
                writeValue(writer, pair.Value);
            }

            writer.WriteEndObject();
        }

        // ------------------------------------------------------------ whole documents

        // The spec's names, and the other short names the readers meet (the keys of free-form JSON).
        private static readonly __Client__JsonNameTable Names = new __Client__JsonNameTable(NameTable);

        /// <summary>
        /// A reader over JSON text with the SDK's settings: no date parsing, bounded depth, property
        /// names from <see cref="__Client__JsonNameTable"/>, and (where the runtime has a shared
        /// array pool) pooled character buffers, handed back when the reader is closed.
        /// </summary>
        public static global::Newtonsoft.Json.JsonTextReader CreateReader(global::System.IO.TextReader text, int maxDepth)
        {
            return new global::Newtonsoft.Json.JsonTextReader(text)
            {
                DateParseHandling = global::Newtonsoft.Json.DateParseHandling.None,
                FloatParseHandling = global::Newtonsoft.Json.FloatParseHandling.Double,
                MaxDepth = maxDepth,
                CloseInput = false,
                PropertyNameTable = Names,
#if NETCOREAPP2_1_OR_GREATER || NETSTANDARD2_1_OR_GREATER
                ArrayPool = CharPool.Instance,
#endif
            };
        }

#if NETCOREAPP2_1_OR_GREATER || NETSTANDARD2_1_OR_GREATER
        /// <summary>The readers' character buffers, from the shared pool.</summary>
        private sealed class CharPool : global::Newtonsoft.Json.IArrayPool<char>
        {
            public static readonly CharPool Instance = new CharPool();

            public char[] Rent(int minimumLength) => global::System.Buffers.ArrayPool<char>.Shared.Rent(minimumLength);

            public void Return(char[]? array)
            {
                if (array is not null)
                {
                    global::System.Buffers.ArrayPool<char>.Shared.Return(array);
                }
            }
        }

#endif
        /// <summary>
        /// Reads one JSON document from a stream with a generated reader; trailing content is an
        /// error. A response body's stream is decoded straight from its buffered segments.
        /// </summary>
        public static T Deserialize<T>(global::System.IO.Stream stream, global::System.Func<global::Newtonsoft.Json.JsonReader, T> read, int maxDepth = DefaultMaxDepth)
        {
            using var text = __Client__ResponseBuffer.Of(stream, out var release) is { } body
                ? body.OpenText(release)
                : new global::System.IO.StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 16384, leaveOpen: true);
            using var reader = CreateReader(text, maxDepth);
            return Deserialize(reader, read);
        }

        /// <summary>Reads one JSON document from a string with a generated reader.</summary>
        public static T Deserialize<T>(string json, global::System.Func<global::Newtonsoft.Json.JsonReader, T> read, int maxDepth = DefaultMaxDepth)
        {
            using var text = new global::System.IO.StringReader(json);
            using var reader = CreateReader(text, maxDepth);
            return Deserialize(reader, read);
        }

        private static T Deserialize<T>(global::Newtonsoft.Json.JsonReader reader, global::System.Func<global::Newtonsoft.Json.JsonReader, T> read)
        {
            do
            {
                if (!reader.Read())
                {
                    throw Error(reader, "The body is empty; a JSON value was expected.");
                }
            }
            while (reader.TokenType == global::Newtonsoft.Json.JsonToken.Comment);

            var value = read(reader);
            while (reader.Read())
            {
                if (reader.TokenType != global::Newtonsoft.Json.JsonToken.Comment)
                {
                    throw Error(reader, "Additional text found after the JSON value.");
                }
            }

            return value;
        }

        /// <summary>Writes a value with a generated writer into UTF-8 bytes.</summary>
        public static byte[] SerializeToUtf8<T>(T value, global::System.Action<global::Newtonsoft.Json.JsonWriter, T> write)
        {
            using var stream = new global::System.IO.MemoryStream();
            using (var text = new global::System.IO.StreamWriter(stream, Utf8, 4096, leaveOpen: true))
            using (var writer = new global::Newtonsoft.Json.JsonTextWriter(text) { Formatting = global::Newtonsoft.Json.Formatting.None, CloseOutput = false })
            {
                write(writer, value);
            }

            return stream.ToArray();
        }

        /// <summary>Builds the JSON of a value as a token (for union values).</summary>
        public static global::Newtonsoft.Json.Linq.JToken ToToken<T>(T value, global::System.Action<global::Newtonsoft.Json.JsonWriter, T> write)
        {
            using var writer = new global::Newtonsoft.Json.Linq.JTokenWriter();
            write(writer, value);
            return writer.Token ?? global::Newtonsoft.Json.Linq.JValue.CreateNull();
        }

        /// <summary>Reads a kept JSON value as <typeparamref name="T"/>; false when it is not one.</summary>
        public static bool TryConvert<T>(global::Newtonsoft.Json.Linq.JToken json, global::System.Func<global::Newtonsoft.Json.JsonReader, T> read, out T value)
        {
            try
            {
                using var reader = json.CreateReader();
                reader.DateParseHandling = global::Newtonsoft.Json.DateParseHandling.None;
                Next(reader);
                value = read(reader);
                return true;
            }
            catch (global::Newtonsoft.Json.JsonException)
            {
                value = default!;
                return false;
            }
        }
    }
}
