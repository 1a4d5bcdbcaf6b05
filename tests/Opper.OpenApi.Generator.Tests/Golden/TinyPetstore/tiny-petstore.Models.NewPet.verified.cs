// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // generated code may use members the spec marks deprecated

namespace PetStore.Models
{
    /// <summary>
    /// The <c>NewPet</c> schema.
    /// </summary>
    /// <remarks>
    /// Only the properties that were set (or read from JSON) are written, so an explicit
    /// <see langword="null"/> is sent as <c>null</c> and an untouched property is not sent at all.
    /// JSON fields this version does not know are kept in <see cref="AdditionalProperties"/> and written back unchanged.
    /// </remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    [global::Newtonsoft.Json.JsonConverter(typeof(global::PetStore.Models.Serialization.NewPetJsonConverter))]
    public partial class NewPet
    {
        internal ulong __present0;
        internal global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?>? _additionalProperties;

        private string _name = default!;

        /// <summary>
        /// The pet's name.
        /// </summary>
        /// <remarks>JSON name: <c>name</c> (required).</remarks>
        [global::Newtonsoft.Json.JsonProperty("name")]
        public string Name
        {
            get => _name;
            set
            {
                _name = value;
                __present0 |= 0x1UL;
            }
        }

        private string? _tag;

        /// <summary>
        /// The <c>tag</c> property.
        /// </summary>
        /// <remarks>JSON name: <c>tag</c>.</remarks>
        [global::Newtonsoft.Json.JsonProperty("tag")]
        public string? Tag
        {
            get => _tag;
            set
            {
                _tag = value;
                __present0 |= 0x2UL;
            }
        }

        private global::PetStore.Models.PetStatus? _status;

        /// <summary>
        /// Where the pet is.
        /// </summary>
        /// <remarks>JSON name: <c>status</c>.</remarks>
        [global::Newtonsoft.Json.JsonProperty("status")]
        public global::PetStore.Models.PetStatus? Status
        {
            get => _status;
            set
            {
                _status = value;
                __present0 |= 0x4UL;
            }
        }

        private global::System.DateTime? _born;

        /// <summary>
        /// The <c>born</c> property.
        /// </summary>
        /// <remarks>JSON name: <c>born</c>.</remarks>
        [global::Newtonsoft.Json.JsonProperty("born")]
        public global::System.DateTime? Born
        {
            get => _born;
            set
            {
                _born = value;
                __present0 |= 0x8UL;
            }
        }

        private global::System.Collections.Generic.IDictionary<string, string>? _attributes;

        /// <summary>
        /// The <c>attributes</c> property.
        /// </summary>
        /// <remarks>JSON name: <c>attributes</c>.</remarks>
        [global::Newtonsoft.Json.JsonProperty("attributes")]
        public global::System.Collections.Generic.IDictionary<string, string>? Attributes
        {
            get => _attributes;
            set
            {
                _attributes = value;
                __present0 |= 0x10UL;
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
                case "name": return (__present0 & 0x1UL) != 0;
                case "tag": return (__present0 & 0x2UL) != 0;
                case "status": return (__present0 & 0x4UL) != 0;
                case "born": return (__present0 & 0x8UL) != 0;
                case "attributes": return (__present0 & 0x10UL) != 0;
                default: return _additionalProperties is not null && _additionalProperties.ContainsKey(jsonName);
            }
        }
    }
}

namespace PetStore.Models.Serialization
{
    /// <summary>Reads and writes <see cref="global::PetStore.Models.NewPet"/> without reflection.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    internal sealed class NewPetJsonConverter : global::Newtonsoft.Json.JsonConverter
    {
        /// <inheritdoc/>
        public override bool CanConvert(global::System.Type objectType) => objectType == typeof(global::PetStore.Models.NewPet);

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
                Write(writer, (global::PetStore.Models.NewPet)value);
            }
        }

        /// <summary>Reads a value that may be JSON <c>null</c>.</summary>
        public static global::PetStore.Models.NewPet? ReadNullable(global::Newtonsoft.Json.JsonReader reader) => reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : Read(reader);

        /// <summary>Writes a value that may be <see langword="null"/>.</summary>
        public static void WriteNullable(global::Newtonsoft.Json.JsonWriter writer, global::PetStore.Models.NewPet? value)
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
        public static global::PetStore.Models.NewPet Read(global::Newtonsoft.Json.JsonReader reader)
        {
            if (reader.TokenType != global::Newtonsoft.Json.JsonToken.StartObject)
            {
                throw global::PetStore.PetStoreJson.Unexpected(reader, "an object (NewPet)");
            }

            var value = new global::PetStore.Models.NewPet();
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
                    case "name":
                        value.Name = global::PetStore.PetStoreJson.ReadString(reader);
                        break;
                    case "tag":
                        value.Tag = global::PetStore.PetStoreJson.ReadNullableString(reader);
                        break;
                    case "status":
                        value.Status = global::PetStore.Models.Serialization.PetStatusJsonConverter.ReadNullable(reader);
                        break;
                    case "born":
                        value.Born = global::PetStore.PetStoreJson.ReadNullableDate(reader);
                        break;
                    case "attributes":
                        value.Attributes = global::PetStore.PetStoreJson.ReadNullableDictionary(reader, static r0 => global::PetStore.PetStoreJson.ReadString(r0));
                        break;
                    default:
                        value.AdditionalProperties[name] = global::PetStore.PetStoreJson.ReadToken(reader);
                        break;
                }
            }

            if ((value.__present0 & 0x1UL) == 0)
            {
                throw global::PetStore.PetStoreJson.MissingProperty(reader, "NewPet", "name");
            }

            return value;
        }

        /// <summary>Writes the properties that were set, then the unknown ones.</summary>
        public static void Write(global::Newtonsoft.Json.JsonWriter writer, global::PetStore.Models.NewPet value)
        {
            writer.WriteStartObject();
            global::PetStore.PetStoreJson.RequireSet(value.Name, "NewPet", "name");
            writer.WritePropertyName("name");
            writer.WriteValue(value.Name);
            if ((value.__present0 & 0x2UL) != 0)
            {
                writer.WritePropertyName("tag");
                writer.WriteValue(value.Tag);
            }
            if ((value.__present0 & 0x4UL) != 0)
            {
                writer.WritePropertyName("status");
                global::PetStore.Models.Serialization.PetStatusJsonConverter.WriteNullable(writer, value.Status);
            }
            if ((value.__present0 & 0x8UL) != 0)
            {
                writer.WritePropertyName("born");
                global::PetStore.PetStoreJson.WriteDate(writer, value.Born);
            }
            if ((value.__present0 & 0x10UL) != 0)
            {
                writer.WritePropertyName("attributes");
                global::PetStore.PetStoreJson.WriteDictionary(writer, value.Attributes, static (w0, v0) => w0.WriteValue(v0));
            }
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
