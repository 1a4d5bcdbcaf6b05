// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // generated code may use members the spec marks deprecated

namespace PetStore.Models
{
    /// <summary>
    /// The <c>PetPage</c> schema.
    /// </summary>
    /// <remarks>
    /// Only the properties that were set (or read from JSON) are written, so an explicit
    /// <see langword="null"/> is sent as <c>null</c> and an untouched property is not sent at all.
    /// JSON fields this version does not know are kept in <see cref="AdditionalProperties"/> and written back unchanged.
    /// </remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    [global::Newtonsoft.Json.JsonConverter(typeof(global::PetStore.Models.Serialization.PetPageJsonConverter))]
    public partial class PetPage
    {
        internal ulong __present0;
        internal global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?>? _additionalProperties;

        private global::System.Collections.Generic.IList<global::PetStore.Models.Pet> _data = new global::System.Collections.Generic.List<global::PetStore.Models.Pet>();

        /// <summary>
        /// The <c>data</c> property.
        /// </summary>
        /// <remarks>JSON name: <c>data</c> (required).</remarks>
        [global::Newtonsoft.Json.JsonProperty("data")]
        public global::System.Collections.Generic.IList<global::PetStore.Models.Pet> Data
        {
            get => _data;
            set
            {
                _data = value;
                __present0 |= 0x1UL;
            }
        }

        private global::PetStore.Models.PetPageMeta _meta = default!;

        /// <summary>
        /// The <c>meta</c> property.
        /// </summary>
        /// <remarks>JSON name: <c>meta</c> (required).</remarks>
        [global::Newtonsoft.Json.JsonProperty("meta")]
        public global::PetStore.Models.PetPageMeta Meta
        {
            get => _meta;
            set
            {
                _meta = value;
                __present0 |= 0x2UL;
            }
        }

        /// <summary>
        /// JSON fields that the specification does not describe (for example from a newer server),
        /// kept as read and written back unchanged.
        /// </summary>
        public global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?> AdditionalProperties
        {
            get => _additionalProperties ??= new global::System.Collections.Generic.Dictionary<string, global::Newtonsoft.Json.Linq.JToken?>(global::System.StringComparer.Ordinal);
            set => _additionalProperties = value;
        }

        /// <summary>Whether the property with this JSON name was set (by the caller or by deserialization).</summary>
        /// <param name="jsonName">The property's JSON name, such as <c>duration_ms</c>.</param>
        /// <returns><see langword="true"/> when the property will be written on serialization.</returns>
        public bool IsSet(string jsonName)
        {
            switch (jsonName)
            {
                case "data": return (__present0 & 0x1UL) != 0;
                case "meta": return (__present0 & 0x2UL) != 0;
                default: return _additionalProperties is not null && _additionalProperties.ContainsKey(jsonName);
            }
        }
    }
}

namespace PetStore.Models.Serialization
{
    /// <summary>Reads and writes <see cref="global::PetStore.Models.PetPage"/> without reflection.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    internal sealed class PetPageJsonConverter : global::Newtonsoft.Json.JsonConverter
    {
        /// <inheritdoc/>
        public override bool CanConvert(global::System.Type objectType) => objectType == typeof(global::PetStore.Models.PetPage);

        /// <inheritdoc/>
        public override object? ReadJson(global::Newtonsoft.Json.JsonReader reader, global::System.Type objectType, object? existingValue, global::Newtonsoft.Json.JsonSerializer serializer)
            => global::PetStore.PetStoreJson.ReadRoot(reader, static r => r.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : (object?)Read(r));

        /// <inheritdoc/>
        public override void WriteJson(global::Newtonsoft.Json.JsonWriter writer, object? value, global::Newtonsoft.Json.JsonSerializer serializer)
        {
            if (value is null)
            {
                writer.WriteNull();
            }
            else
            {
                Write(writer, (global::PetStore.Models.PetPage)value);
            }
        }

        /// <summary>Reads a value that may be JSON <c>null</c>.</summary>
        public static global::PetStore.Models.PetPage? ReadNullable(global::Newtonsoft.Json.JsonReader reader) => reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : Read(reader);

        /// <summary>Writes a value that may be <see langword="null"/>.</summary>
        public static void WriteNullable(global::Newtonsoft.Json.JsonWriter writer, global::PetStore.Models.PetPage? value)
        {
            if (value is null)
            {
                writer.WriteNull();
            }
            else
            {
                Write(writer, value);
            }
        }

        /// <summary>Reads the object the reader stands on.</summary>
        public static global::PetStore.Models.PetPage Read(global::Newtonsoft.Json.JsonReader reader)
        {
            if (reader.TokenType != global::Newtonsoft.Json.JsonToken.StartObject)
            {
                throw global::PetStore.PetStoreJson.Unexpected(reader, "an object (PetPage)");
            }

            var value = new global::PetStore.Models.PetPage();
            while (true)
            {
                global::PetStore.PetStoreJson.Next(reader);
                if (reader.TokenType == global::Newtonsoft.Json.JsonToken.EndObject)
                {
                    break;
                }

                var name = (string)reader.Value!;
                global::PetStore.PetStoreJson.Next(reader);
                switch (name)
                {
                    case "data":
                        value.Data = global::PetStore.PetStoreJson.ReadList(reader, static r0 => global::PetStore.Models.Serialization.PetJsonConverter.Read(r0));
                        break;
                    case "meta":
                        value.Meta = global::PetStore.Models.Serialization.PetPageMetaJsonConverter.Read(reader);
                        break;
                    default:
                        value.AdditionalProperties[name] = global::PetStore.PetStoreJson.ReadToken(reader);
                        break;
                }
            }

            if ((value.__present0 & 0x1UL) == 0)
            {
                throw global::PetStore.PetStoreJson.MissingProperty(reader, "PetPage", "data");
            }
            if ((value.__present0 & 0x2UL) == 0)
            {
                throw global::PetStore.PetStoreJson.MissingProperty(reader, "PetPage", "meta");
            }

            return value;
        }

        /// <summary>Writes the properties that were set, then the unknown ones.</summary>
        public static void Write(global::Newtonsoft.Json.JsonWriter writer, global::PetStore.Models.PetPage value)
        {
            writer.WriteStartObject();
            global::PetStore.PetStoreJson.RequireSet(value.Data, "PetPage", "data");
            writer.WritePropertyName("data");
            global::PetStore.PetStoreJson.WriteList(writer, value.Data, static (w0, v0) => global::PetStore.Models.Serialization.PetJsonConverter.Write(w0, v0));
            global::PetStore.PetStoreJson.RequireSet(value.Meta, "PetPage", "meta");
            writer.WritePropertyName("meta");
            global::PetStore.Models.Serialization.PetPageMetaJsonConverter.Write(writer, value.Meta);
            if (value._additionalProperties is { Count: > 0 } additional)
            {
                foreach (var pair in additional)
                {
                    writer.WritePropertyName(pair.Key);
                    global::PetStore.PetStoreJson.WriteToken(writer, pair.Value);
                }
            }

            writer.WriteEndObject();
        }
    }
}
