// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// Which properties of a generated object were set (by the caller or by reading JSON): one bit
    /// per property, in the order of the type's <see cref="__Client__PropertyTable"/>. The first
    /// 64 live in the struct itself; more (rare) in an array made when first needed.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal struct __Client__Presence
    {
        private ulong _first;
        private ulong[]? _more;

        /// <summary>Marks the property at <paramref name="index"/> as set.</summary>
        public void Set(int index)
        {
            if (index < 64)
            {
                _first |= 1UL << index;
                return;
            }

            var word = (index >> 6) - 1;
            if (_more is null || _more.Length <= word)
            {
                global::System.Array.Resize(ref _more, word + 1);
            }

            _more[word] |= 1UL << (index & 63);
        }

        /// <summary>Whether the property at <paramref name="index"/> was set.</summary>
        public readonly bool IsSet(int index)
        {
            if (index < 64)
            {
                return (_first & (1UL << index)) != 0;
            }

            var word = (index >> 6) - 1;
            return _more is not null && word < _more.Length && (_more[word] & (1UL << (index & 63))) != 0;
        }
    }

    /// <summary>
    /// The data that drives a generated object's converter: the type's name, its properties' JSON
    /// names (index = presence bit = case of the generated switch), and which ones are required.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__PropertyTable
    {
        private readonly string[] _names;
        private readonly global::System.Collections.Generic.Dictionary<string, int> _indexes;
        private readonly int[] _requiredInResponses;
        private readonly bool[] _alwaysWritten;

        /// <summary>Builds the table of a type.</summary>
        /// <param name="type">The schema's name, for error messages.</param>
        /// <param name="names">The JSON names, in property order.</param>
        /// <param name="requiredInResponses">The properties a JSON object must have.</param>
        /// <param name="requiredInRequests">The properties written whether set or not.</param>
        public __Client__PropertyTable(string type, string[] names, int[]? requiredInResponses = null, int[]? requiredInRequests = null)
        {
            Type = type;
            Expected = "an object (" + type + ")";
            _names = names;
            _indexes = new global::System.Collections.Generic.Dictionary<string, int>(names.Length, global::System.StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                _indexes[names[i]] = i;
            }

            _requiredInResponses = requiredInResponses ?? global::System.Array.Empty<int>();
            _alwaysWritten = new bool[names.Length];
            foreach (var index in requiredInRequests ?? global::System.Array.Empty<int>())
            {
                _alwaysWritten[index] = true;
            }
        }

        /// <summary>The schema's name.</summary>
        public string Type { get; }

        /// <summary>"an object (Type)", for the error when the JSON is something else.</summary>
        public string Expected { get; }

        /// <summary>The number of properties.</summary>
        public int Count => _names.Length;

        /// <summary>The JSON name of the property at <paramref name="index"/>.</summary>
        public string Name(int index) => _names[index];

        /// <summary>The index of the property with this JSON name, or -1 for a name the type does not describe.</summary>
        public int IndexOf(string name) => _indexes.TryGetValue(name, out var index) ? index : -1;

        /// <summary>Whether the property is written even when it was never set.</summary>
        public bool IsAlwaysWritten(int index) => _alwaysWritten[index];

        /// <summary>Throws for the first property the JSON must have and did not.</summary>
        public void CheckRequired(global::Newtonsoft.Json.JsonReader reader, in __Client__Presence presence)
        {
            foreach (var index in _requiredInResponses)
            {
                if (!presence.IsSet(index))
                {
                    throw __Client__Json.MissingProperty(reader, Type, _names[index]);
                }
            }
        }

        /// <summary>Whether a property with this JSON name was set; <see langword="null"/> for a name the type does not describe.</summary>
        public bool? IsSet(in __Client__Presence presence, string name) =>
            _indexes.TryGetValue(name, out var index) ? presence.IsSet(index) : null;
    }

    /// <summary>
    /// What the converters of generated objects and unions share: the static <c>Read</c>/<c>Write</c>
    /// the generated code calls (<typeparamref name="TSelf"/> is the generated converter, so they work
    /// without an instance at hand), their nullable forms, and <c>JsonConverter</c>'s overrides.
    /// </summary>
    /// <typeparam name="T">The generated type.</typeparam>
    /// <typeparam name="TSelf">The generated converter.</typeparam>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal abstract class __Client__ReferenceConverter<T, TSelf> : global::Newtonsoft.Json.JsonConverter
        where T : class
        where TSelf : __Client__ReferenceConverter<T, TSelf>, new()
    {
        /// <summary>The one converter the static members use.</summary>
        protected static readonly TSelf Instance = new TSelf();

        private static readonly global::System.Func<global::Newtonsoft.Json.JsonReader, object?> ReadRootValue =
            static reader => reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : Read(reader);

        /// <summary>Reads the value the reader stands on (not JSON <c>null</c>).</summary>
        protected abstract T ReadValue(global::Newtonsoft.Json.JsonReader reader);

        /// <summary>Writes a value.</summary>
        protected abstract void WriteValue(global::Newtonsoft.Json.JsonWriter writer, T value);

        /// <summary>Reads the value the reader stands on.</summary>
        public static T Read(global::Newtonsoft.Json.JsonReader reader) => Instance.ReadValue(reader);

        /// <summary>Reads a value that may be JSON <c>null</c>.</summary>
        public static T? ReadNullable(global::Newtonsoft.Json.JsonReader reader) =>
            reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : Instance.ReadValue(reader);

        /// <summary>Writes a value.</summary>
        public static void Write(global::Newtonsoft.Json.JsonWriter writer, T value) => Instance.WriteValue(writer, value);

        /// <summary>Writes a value that may be <see langword="null"/>.</summary>
        public static void WriteNullable(global::Newtonsoft.Json.JsonWriter writer, T? value)
        {
            if (value is null)
            {
                writer.WriteNull();
            }
            else
            {
                Instance.WriteValue(writer, value);
            }
        }

        /// <inheritdoc/>
        public override bool CanConvert(global::System.Type objectType) => objectType == typeof(T);

        /// <inheritdoc/>
        public override object? ReadJson(global::Newtonsoft.Json.JsonReader reader, global::System.Type objectType, object? existingValue, global::Newtonsoft.Json.JsonSerializer serializer) =>
            __Client__Json.ReadRoot(reader, ReadRootValue);

        /// <inheritdoc/>
        public override void WriteJson(global::Newtonsoft.Json.JsonWriter writer, object? value, global::Newtonsoft.Json.JsonSerializer serializer) =>
            WriteNullable(writer, (T?)value);
    }

    /// <summary>
    /// The converter of a generated object: the loop over JSON properties, the required checks and
    /// the writing of set properties live here once; a generated converter supplies the table and
    /// a switch from property index to typed read or write.
    /// </summary>
    /// <typeparam name="T">The generated object type.</typeparam>
    /// <typeparam name="TSelf">The generated converter.</typeparam>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal abstract class __Client__ObjectConverter<T, TSelf> : __Client__ReferenceConverter<T, TSelf>
        where T : class, new()
        where TSelf : __Client__ObjectConverter<T, TSelf>, new()
    {
        private readonly __Client__PropertyTable _table;

        /// <summary>Creates the converter over its type's table.</summary>
        protected __Client__ObjectConverter(__Client__PropertyTable table)
        {
            _table = table;
        }

        /// <summary>The presence bits of a value.</summary>
        protected abstract ref __Client__Presence Presence(T value);

        /// <summary>Reads the property at <paramref name="index"/> (-1: not described, named <paramref name="name"/>).</summary>
        protected abstract void ReadProperty(global::Newtonsoft.Json.JsonReader reader, T value, int index, string name);

        /// <summary>Writes the value of the property at <paramref name="index"/>; its name is written.</summary>
        protected abstract void WriteProperty(global::Newtonsoft.Json.JsonWriter writer, T value, int index);

        /// <summary>Writes the properties the type does not describe.</summary>
        protected abstract void WriteAdditional(global::Newtonsoft.Json.JsonWriter writer, T value);

        /// <summary>Whether the property with this JSON name was set; <see langword="null"/> for a name the type does not describe.</summary>
        public static bool? IsSet(in __Client__Presence presence, string name) => Instance._table.IsSet(presence, name);

        /// <inheritdoc/>
        protected override T ReadValue(global::Newtonsoft.Json.JsonReader reader)
        {
            var table = _table;
            if (reader.TokenType != global::Newtonsoft.Json.JsonToken.StartObject)
            {
                throw __Client__Json.Unexpected(reader, table.Expected);
            }

            var value = new T();
            while (true)
            {
                __Client__Json.Next(reader);
                if (reader.TokenType == global::Newtonsoft.Json.JsonToken.EndObject)
                {
                    break;
                }

                var name = (string)reader.Value!;
                __Client__Json.Next(reader);
                ReadProperty(reader, value, table.IndexOf(name), name);
            }

            table.CheckRequired(reader, Presence(value));
            return value;
        }

        /// <summary>Writes the properties that were set (and the required ones), then the unknown ones.</summary>
        protected override void WriteValue(global::Newtonsoft.Json.JsonWriter writer, T value)
        {
            var table = _table;
            ref var presence = ref Presence(value);
            writer.WriteStartObject();
            for (var i = 0; i < table.Count; i++)
            {
                if (table.IsAlwaysWritten(i) || presence.IsSet(i))
                {
                    writer.WritePropertyName(table.Name(i));
                    WriteProperty(writer, value, i);
                }
            }

            WriteAdditional(writer, value);
            writer.WriteEndObject();
        }
    }

    /// <summary>
    /// The converter of a generated extensible enum (a struct over its JSON string): unknown values
    /// are kept. A generated converter supplies the type's name and the conversions.
    /// </summary>
    /// <typeparam name="T">The generated enum struct.</typeparam>
    /// <typeparam name="TSelf">The generated converter.</typeparam>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal abstract class __Client__EnumConverter<T, TSelf> : global::Newtonsoft.Json.JsonConverter
        where T : struct
        where TSelf : __Client__EnumConverter<T, TSelf>, new()
    {
        private static readonly TSelf Instance = new TSelf();
        private static readonly global::System.Func<global::Newtonsoft.Json.JsonReader, object?> ReadRootValue =
            static reader => reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : (object?)Read(reader);

        private readonly string _type;

        /// <summary>Creates the converter of the enum named <paramref name="type"/> in the specification.</summary>
        protected __Client__EnumConverter(string type)
        {
            _type = type;
        }

        /// <summary>The value for a JSON string.</summary>
        protected abstract T Create(string value);

        /// <summary>The JSON string of a value.</summary>
        protected abstract string ValueOf(T value);

        /// <summary>Reads the string the reader stands on; unknown values are kept.</summary>
        public static T Read(global::Newtonsoft.Json.JsonReader reader) =>
            Instance.Create(__Client__Json.ReadEnumString(reader, Instance._type));

        /// <summary>Reads a value that may be JSON <c>null</c>.</summary>
        public static T? ReadNullable(global::Newtonsoft.Json.JsonReader reader) =>
            reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : Read(reader);

        /// <summary>Writes the value's JSON string.</summary>
        public static void Write(global::Newtonsoft.Json.JsonWriter writer, T value) => writer.WriteValue(Instance.ValueOf(value));

        /// <summary>Writes a value that may be <see langword="null"/>.</summary>
        public static void WriteNullable(global::Newtonsoft.Json.JsonWriter writer, T? value)
        {
            if (value is null)
            {
                writer.WriteNull();
            }
            else
            {
                Write(writer, value.Value);
            }
        }

        /// <inheritdoc/>
        public override bool CanConvert(global::System.Type objectType) => objectType == typeof(T) || objectType == typeof(T?);

        /// <inheritdoc/>
        public override object? ReadJson(global::Newtonsoft.Json.JsonReader reader, global::System.Type objectType, object? existingValue, global::Newtonsoft.Json.JsonSerializer serializer) =>
            __Client__Json.ReadRoot(reader, ReadRootValue);

        /// <inheritdoc/>
        public override void WriteJson(global::Newtonsoft.Json.JsonWriter writer, object? value, global::Newtonsoft.Json.JsonSerializer serializer) =>
            WriteNullable(writer, (T?)value);
    }

    /// <summary>
    /// The converter of a generated union (one of several JSON shapes, kept as received).
    /// </summary>
    /// <typeparam name="T">The generated union type.</typeparam>
    /// <typeparam name="TSelf">The generated converter.</typeparam>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal abstract class __Client__UnionConverter<T, TSelf> : __Client__ReferenceConverter<T, TSelf>
        where T : class
        where TSelf : __Client__UnionConverter<T, TSelf>, new()
    {
        private readonly string _expected;

        /// <summary>Creates the converter of the union named <paramref name="type"/> in the specification.</summary>
        protected __Client__UnionConverter(string type)
        {
            _expected = "a value (" + type + ")";
        }

        /// <summary>The union over a JSON value.</summary>
        protected abstract T Create(global::Newtonsoft.Json.Linq.JToken json);

        /// <summary>The JSON a union holds.</summary>
        protected abstract global::Newtonsoft.Json.Linq.JToken JsonOf(T value);

        /// <inheritdoc/>
        protected override T ReadValue(global::Newtonsoft.Json.JsonReader reader)
        {
            if (reader.TokenType == global::Newtonsoft.Json.JsonToken.Null)
            {
                throw __Client__Json.Unexpected(reader, _expected);
            }

            return Create(__Client__Json.ReadToken(reader)!);
        }

        /// <summary>Writes the kept JSON.</summary>
        protected override void WriteValue(global::Newtonsoft.Json.JsonWriter writer, T value) => JsonOf(value).WriteTo(writer);
    }

    internal static partial class __Client__Json
    {
        /// <summary>The dictionary of a generated object's unknown JSON fields, made when first asked for.</summary>
        public static global::System.Collections.Generic.IDictionary<string, T> Additional<T>(ref global::System.Collections.Generic.IDictionary<string, T>? field) =>
            field ??= new global::System.Collections.Generic.Dictionary<string, T>(global::System.StringComparer.Ordinal);

        /// <summary>Writes a string (one method per type: cheaper to bind than the writer's many <c>WriteValue</c> overloads).</summary>
        public static void WriteString(global::Newtonsoft.Json.JsonWriter writer, string? value) => writer.WriteValue(value);

        /// <summary>Writes a int (one method per type: cheaper to bind than the writer's many <c>WriteValue</c> overloads).</summary>
        public static void WriteInt32(global::Newtonsoft.Json.JsonWriter writer, int value) => writer.WriteValue(value);

        /// <summary>Writes a int that may be <see langword="null"/>.</summary>
        public static void WriteInt32(global::Newtonsoft.Json.JsonWriter writer, int? value) => writer.WriteValue(value);

        /// <summary>Writes a long (one method per type: cheaper to bind than the writer's many <c>WriteValue</c> overloads).</summary>
        public static void WriteInt64(global::Newtonsoft.Json.JsonWriter writer, long value) => writer.WriteValue(value);

        /// <summary>Writes a long that may be <see langword="null"/>.</summary>
        public static void WriteInt64(global::Newtonsoft.Json.JsonWriter writer, long? value) => writer.WriteValue(value);

        /// <summary>Writes a bool (one method per type: cheaper to bind than the writer's many <c>WriteValue</c> overloads).</summary>
        public static void WriteBoolean(global::Newtonsoft.Json.JsonWriter writer, bool value) => writer.WriteValue(value);

        /// <summary>Writes a bool that may be <see langword="null"/>.</summary>
        public static void WriteBoolean(global::Newtonsoft.Json.JsonWriter writer, bool? value) => writer.WriteValue(value);

        /// <summary>Writes a decimal (one method per type: cheaper to bind than the writer's many <c>WriteValue</c> overloads).</summary>
        public static void WriteDecimal(global::Newtonsoft.Json.JsonWriter writer, decimal value) => writer.WriteValue(value);

        /// <summary>Writes a decimal that may be <see langword="null"/>.</summary>
        public static void WriteDecimal(global::Newtonsoft.Json.JsonWriter writer, decimal? value) => writer.WriteValue(value);

        /// <summary>Writes the JSON fields a generated object keeps without describing them.</summary>
        public static void WriteAdditional(global::Newtonsoft.Json.JsonWriter writer, global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?>? additional)
        {
            if (additional is { Count: > 0 })
            {
                foreach (var pair in additional)
                {
                    writer.WritePropertyName(pair.Key);
                    WriteToken(writer, pair.Value);
                }
            }
        }

        /// <summary>Writes the JSON fields a generated object keeps without describing them, typed by the schema.</summary>
        public static void WriteAdditional<T>(global::Newtonsoft.Json.JsonWriter writer, global::System.Collections.Generic.IDictionary<string, T>? additional, global::System.Action<global::Newtonsoft.Json.JsonWriter, T> write)
        {
            if (additional is { Count: > 0 })
            {
                foreach (var pair in additional)
                {
                    writer.WritePropertyName(pair.Key);
                    write(writer, pair.Value);
                }
            }
        }
    }
}
