// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// The reading and writing primitives that the generated converters are made of. Every
    /// reader here stands on the value's first token; every error names the JSON path.
    /// Free-form JSON is read with date parsing off, so strings stay exactly as sent.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal static partial class __Client__Json
    {
        private static readonly global::Newtonsoft.Json.Linq.JsonLoadSettings LoadSettings = new global::Newtonsoft.Json.Linq.JsonLoadSettings
        {
            LineInfoHandling = global::Newtonsoft.Json.Linq.LineInfoHandling.Ignore,
            CommentHandling = global::Newtonsoft.Json.Linq.CommentHandling.Ignore,
            DuplicatePropertyNameHandling = global::Newtonsoft.Json.Linq.DuplicatePropertyNameHandling.Replace,
        };

        private static readonly global::System.Text.UTF8Encoding Utf8 = new global::System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        /// <summary>The default limit on JSON nesting.</summary>
        public const int DefaultMaxDepth = 256;

        // ------------------------------------------------------------ reader plumbing

        /// <summary>Moves to the next token that is not a comment; the end of input is an error.</summary>
        public static void Next(global::Newtonsoft.Json.JsonReader reader)
        {
            do
            {
                if (!reader.Read())
                {
                    throw Error(reader, "Unexpected end of JSON.");
                }
            }
            while (reader.TokenType == global::Newtonsoft.Json.JsonToken.Comment);
        }

        /// <summary>Runs a generated reader from <c>JsonConvert</c>/<c>JsonSerializer</c>, with date parsing off.</summary>
        public static object? ReadRoot(global::Newtonsoft.Json.JsonReader reader, global::System.Func<global::Newtonsoft.Json.JsonReader, object?> read)
        {
            var dates = reader.DateParseHandling;
            reader.DateParseHandling = global::Newtonsoft.Json.DateParseHandling.None;
            // A caller's reader without a depth limit still gets one: free-form values nested
            // deeper would read, but Newtonsoft's writer recurses and overflows the stack on them.
            var depth = reader.MaxDepth;
            reader.MaxDepth ??= DefaultMaxDepth;
            try
            {
                if (reader.TokenType == global::Newtonsoft.Json.JsonToken.None || reader.TokenType == global::Newtonsoft.Json.JsonToken.Comment)
                {
                    Next(reader);
                }

                return read(reader);
            }
            finally
            {
                reader.DateParseHandling = dates;
                reader.MaxDepth = depth;
            }
        }

        /// <summary>A JSON error at the reader's position, in Newtonsoft's own message format.</summary>
        public static global::Newtonsoft.Json.JsonSerializationException Error(global::Newtonsoft.Json.JsonReader reader, string message, global::System.Exception? inner = null)
        {
            var info = reader as global::Newtonsoft.Json.IJsonLineInfo;
            var line = info is not null && info.HasLineInfo() ? info.LineNumber : 0;
            var position = info is not null && info.HasLineInfo() ? info.LinePosition : 0;
            var text = message.TrimEnd('.') + ". Path '" + reader.Path + "'";
            if (line > 0)
            {
                text += ", line " + line.ToString(global::System.Globalization.CultureInfo.InvariantCulture)
                    + ", position " + position.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
            }

            return new global::Newtonsoft.Json.JsonSerializationException(text + ".", reader.Path, line, position, inner);
        }

        /// <summary>The error for a token of the wrong kind.</summary>
        public static global::Newtonsoft.Json.JsonSerializationException Unexpected(global::Newtonsoft.Json.JsonReader reader, string expected)
        {
            string found;
            switch (reader.TokenType)
            {
                case global::Newtonsoft.Json.JsonToken.String:
                    found = Quote((string?)reader.Value ?? string.Empty);
                    break;
                case global::Newtonsoft.Json.JsonToken.Integer:
                case global::Newtonsoft.Json.JsonToken.Float:
                    found = "number " + global::System.Convert.ToString(reader.Value, global::System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case global::Newtonsoft.Json.JsonToken.Boolean:
                    found = (bool)reader.Value! ? "true" : "false";
                    break;
                case global::Newtonsoft.Json.JsonToken.Null:
                    found = "null";
                    break;
                case global::Newtonsoft.Json.JsonToken.StartObject:
                    found = "an object";
                    break;
                case global::Newtonsoft.Json.JsonToken.StartArray:
                    found = "an array";
                    break;
                default:
                    found = reader.TokenType.ToString();
                    break;
            }

            return Error(reader, "Found " + found + " where " + expected + " was expected.");
        }

        /// <summary>The error for a required property that the JSON lacks.</summary>
        public static global::Newtonsoft.Json.JsonSerializationException MissingProperty(global::Newtonsoft.Json.JsonReader reader, string type, string property) =>
            Error(reader, "Required property '" + property + "' not found in JSON (" + type + ").");

        /// <summary>Refuses to write a required property that holds <see langword="null"/>.</summary>
        public static void RequireSet(object? value, string type, string property)
        {
            if (value is null)
            {
                throw new global::Newtonsoft.Json.JsonSerializationException("Required property '" + property + "' of " + type + " is null; set it before sending.");
            }
        }

        /// <summary>
        /// A string value for an error message: quoted in full when short, else only its length.
        /// Never a cut-off prefix, so that a secret the caller removes from messages by exact
        /// match (the API key, echoed by a server) cannot survive in part.
        /// </summary>
        private static string Quote(string text) =>
            text.Length <= 40
                ? "string \"" + text + "\""
                : "string of " + text.Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " characters";

        // ------------------------------------------------------------ scalars

        /// <summary>Reads any JSON value as it is (null for JSON <c>null</c>), with dates left as strings.</summary>
        public static global::Newtonsoft.Json.Linq.JToken? ReadToken(global::Newtonsoft.Json.JsonReader reader)
        {
            if (reader.TokenType == global::Newtonsoft.Json.JsonToken.Null)
            {
                return null;
            }

            var dates = reader.DateParseHandling;
            reader.DateParseHandling = global::Newtonsoft.Json.DateParseHandling.None;
            try
            {
                return global::Newtonsoft.Json.Linq.JToken.ReadFrom(reader, LoadSettings);
            }
            finally
            {
                reader.DateParseHandling = dates;
            }
        }

        public static global::Newtonsoft.Json.Linq.JObject ReadObject(global::Newtonsoft.Json.JsonReader reader)
        {
            if (reader.TokenType != global::Newtonsoft.Json.JsonToken.StartObject)
            {
                throw Unexpected(reader, "an object");
            }

            return (global::Newtonsoft.Json.Linq.JObject)ReadToken(reader)!;
        }

        public static global::Newtonsoft.Json.Linq.JObject? ReadNullableObject(global::Newtonsoft.Json.JsonReader reader) =>
            reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : ReadObject(reader);

        public static string ReadString(global::Newtonsoft.Json.JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::Newtonsoft.Json.JsonToken.String:
                    return (string)reader.Value!;
                case global::Newtonsoft.Json.JsonToken.Date:
                    // Only when a caller's reader parsed dates before we could turn that off.
                    return reader.Value is global::System.DateTimeOffset offset
                        ? offset.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", global::System.Globalization.CultureInfo.InvariantCulture)
                        : ((global::System.DateTime)reader.Value!).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", global::System.Globalization.CultureInfo.InvariantCulture);
                default:
                    throw Unexpected(reader, "a string");
            }
        }

        public static string? ReadNullableString(global::Newtonsoft.Json.JsonReader reader) =>
            reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : ReadString(reader);

        public static string ReadEnumString(global::Newtonsoft.Json.JsonReader reader, string type)
        {
            if (reader.TokenType != global::Newtonsoft.Json.JsonToken.String)
            {
                throw Unexpected(reader, "a string (" + type + ")");
            }

            return (string)reader.Value!;
        }

        public static long ReadInt64(global::Newtonsoft.Json.JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::Newtonsoft.Json.JsonToken.Integer when reader.Value is long value:
                    return value;
                case global::Newtonsoft.Json.JsonToken.Integer when reader.Value is int small:
                    return small;
                case global::Newtonsoft.Json.JsonToken.Integer:
                    throw Error(reader, "The integer " + global::System.Convert.ToString(reader.Value, global::System.Globalization.CultureInfo.InvariantCulture) + " does not fit in a 64-bit integer.");
                case global::Newtonsoft.Json.JsonToken.Float:
                {
                    // 12.0 from a server that writes integers as floats is still 12.
                    var number = global::System.Convert.ToDouble(reader.Value, global::System.Globalization.CultureInfo.InvariantCulture);
                    if (number == global::System.Math.Floor(number) && number >= -9.2233720368547758E+18 && number < 9.2233720368547758E+18)
                    {
                        return (long)number;
                    }

                    throw Unexpected(reader, "an integer");
                }

                default:
                    throw Unexpected(reader, "an integer");
            }
        }

        public static long? ReadNullableInt64(global::Newtonsoft.Json.JsonReader reader) =>
            reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : ReadInt64(reader);

        public static int ReadInt32(global::Newtonsoft.Json.JsonReader reader)
        {
            var value = ReadInt64(reader);
            if (value < int.MinValue || value > int.MaxValue)
            {
                throw Error(reader, "The integer " + value.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " does not fit in a 32-bit integer.");
            }

            return (int)value;
        }

        public static int? ReadNullableInt32(global::Newtonsoft.Json.JsonReader reader) =>
            reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : ReadInt32(reader);

        public static double ReadDouble(global::Newtonsoft.Json.JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::Newtonsoft.Json.JsonToken.Float when reader.Value is double value:
                    return value;
                case global::Newtonsoft.Json.JsonToken.Integer when reader.Value is long integer:
                    return integer;
                case global::Newtonsoft.Json.JsonToken.Integer when reader.Value is global::System.Numerics.BigInteger big:
                {
                    // An integer beyond 64 bits; one beyond the range of double is an error, not infinity.
                    var number = (double)big;
                    if (double.IsInfinity(number))
                    {
                        throw Error(reader, "The integer of " + big.ToString(global::System.Globalization.CultureInfo.InvariantCulture).Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " digits does not fit in a double.");
                    }

                    return number;
                }

                case global::Newtonsoft.Json.JsonToken.Integer:
                case global::Newtonsoft.Json.JsonToken.Float:
                    return global::System.Convert.ToDouble(reader.Value, global::System.Globalization.CultureInfo.InvariantCulture);
                default:
                    throw Unexpected(reader, "a number");
            }
        }

        public static double? ReadNullableDouble(global::Newtonsoft.Json.JsonReader reader) =>
            reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : ReadDouble(reader);

        public static decimal ReadDecimal(global::Newtonsoft.Json.JsonReader reader)
        {
            if (reader.TokenType is not (global::Newtonsoft.Json.JsonToken.Integer or global::Newtonsoft.Json.JsonToken.Float))
            {
                throw Unexpected(reader, "a number");
            }

            try
            {
                return reader.Value is global::System.Numerics.BigInteger big
                    ? (decimal)big
                    : global::System.Convert.ToDecimal(reader.Value, global::System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (global::System.OverflowException ex)
            {
                throw Error(reader, "The number does not fit in a decimal.", ex);
            }
        }

        public static decimal? ReadNullableDecimal(global::Newtonsoft.Json.JsonReader reader) =>
            reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : ReadDecimal(reader);

        public static bool ReadBoolean(global::Newtonsoft.Json.JsonReader reader)
        {
            if (reader.TokenType != global::Newtonsoft.Json.JsonToken.Boolean)
            {
                throw Unexpected(reader, "true or false");
            }

            return (bool)reader.Value!;
        }

        public static bool? ReadNullableBoolean(global::Newtonsoft.Json.JsonReader reader) =>
            reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : ReadBoolean(reader);

        /// <summary>Reads an ISO 8601 timestamp; one without an offset is UTC, never local time.</summary>
        public static global::System.DateTimeOffset ReadDateTimeOffset(global::Newtonsoft.Json.JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::Newtonsoft.Json.JsonToken.String:
                    if (TryParseTimestamp((string)reader.Value!, out var parsed))
                    {
                        return parsed;
                    }

                    throw Error(reader, "The " + Quote((string)reader.Value!) + " is not an ISO 8601 date-time.");
                case global::Newtonsoft.Json.JsonToken.Date when reader.Value is global::System.DateTimeOffset offset:
                    return offset;
                case global::Newtonsoft.Json.JsonToken.Date:
                {
                    var date = (global::System.DateTime)reader.Value!;
                    return date.Kind == global::System.DateTimeKind.Unspecified
                        ? new global::System.DateTimeOffset(global::System.DateTime.SpecifyKind(date, global::System.DateTimeKind.Utc))
                        : new global::System.DateTimeOffset(date.ToUniversalTime());
                }

                default:
                    throw Unexpected(reader, "a date-time string");
            }
        }

        public static global::System.DateTimeOffset? ReadNullableDateTimeOffset(global::Newtonsoft.Json.JsonReader reader) =>
            reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : ReadDateTimeOffset(reader);

        /// <summary>Parses an ISO 8601 timestamp; no offset means UTC.</summary>
        public static bool TryParseTimestamp(string text, out global::System.DateTimeOffset value) =>
            global::System.DateTimeOffset.TryParse(
                text,
                global::System.Globalization.CultureInfo.InvariantCulture,
                global::System.Globalization.DateTimeStyles.AssumeUniversal | global::System.Globalization.DateTimeStyles.AllowWhiteSpaces,
                out value);

        public static global::System.DateTime ReadDate(global::Newtonsoft.Json.JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::Newtonsoft.Json.JsonToken.String:
                    if (global::System.DateTime.TryParseExact((string)reader.Value!, "yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out var exact))
                    {
                        return exact;
                    }

                    if (TryParseTimestamp((string)reader.Value!, out var timestamp))
                    {
                        return timestamp.Date;
                    }

                    throw Error(reader, "The " + Quote((string)reader.Value!) + " is not an ISO 8601 date.");
                case global::Newtonsoft.Json.JsonToken.Date when reader.Value is global::System.DateTimeOffset offset:
                    return offset.Date;
                case global::Newtonsoft.Json.JsonToken.Date:
                    return ((global::System.DateTime)reader.Value!).Date;
                default:
                    throw Unexpected(reader, "a date string");
            }
        }

        public static global::System.DateTime? ReadNullableDate(global::Newtonsoft.Json.JsonReader reader) =>
            reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : ReadDate(reader);

        // ------------------------------------------------------------ containers

        public static global::System.Collections.Generic.IList<T> ReadList<T>(global::Newtonsoft.Json.JsonReader reader, global::System.Func<global::Newtonsoft.Json.JsonReader, T> readItem)
        {
            if (reader.TokenType != global::Newtonsoft.Json.JsonToken.StartArray)
            {
                throw Unexpected(reader, "an array");
            }

            var list = new global::System.Collections.Generic.List<T>();
            while (true)
            {
                Next(reader);
                if (reader.TokenType == global::Newtonsoft.Json.JsonToken.EndArray)
                {
                    return list;
                }

                list.Add(readItem(reader));
            }
        }

        public static global::System.Collections.Generic.IList<T>? ReadNullableList<T>(global::Newtonsoft.Json.JsonReader reader, global::System.Func<global::Newtonsoft.Json.JsonReader, T> readItem) =>
            reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : ReadList(reader, readItem);

        public static global::System.Collections.Generic.IDictionary<string, T> ReadDictionary<T>(global::Newtonsoft.Json.JsonReader reader, global::System.Func<global::Newtonsoft.Json.JsonReader, T> readValue)
        {
            if (reader.TokenType != global::Newtonsoft.Json.JsonToken.StartObject)
            {
                throw Unexpected(reader, "an object");
            }

            var map = new global::System.Collections.Generic.Dictionary<string, T>(global::System.StringComparer.Ordinal);
            while (true)
            {
                Next(reader);
                if (reader.TokenType == global::Newtonsoft.Json.JsonToken.EndObject)
                {
                    return map;
                }

                var key = (string)reader.Value!;
                Next(reader);
                map[key] = readValue(reader);
            }
        }

        public static global::System.Collections.Generic.IDictionary<string, T>? ReadNullableDictionary<T>(global::Newtonsoft.Json.JsonReader reader, global::System.Func<global::Newtonsoft.Json.JsonReader, T> readValue) =>
            reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : ReadDictionary(reader, readValue);
    }
}
