// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // generated code may use members the spec marks deprecated

namespace PetStore.Models
{
    /// <summary>
    /// A pet in the store.
    /// </summary>
    /// <remarks>
    /// Only the properties that were set (or read from JSON) are written, so an explicit
    /// <see langword="null"/> is sent as <c>null</c> and an untouched property is not sent at all.
    /// JSON fields this version does not know are kept in <see cref="AdditionalProperties"/> and written back unchanged.
    /// </remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    [global::Newtonsoft.Json.JsonConverter(typeof(global::PetStore.Models.Serialization.PetJsonConverter))]
    public partial class Pet
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

        private string _id = default!;

        /// <summary>
        /// The <c>id</c> property.
        /// </summary>
        /// <remarks>JSON name: <c>id</c> (required).</remarks>
        [global::Newtonsoft.Json.JsonProperty("id")]
        public string Id
        {
            get => _id;
            set
            {
                _id = value;
                __present0 |= 0x20UL;
            }
        }

        private global::System.DateTimeOffset _createdAt;

        /// <summary>
        /// The <c>created_at</c> property.
        /// </summary>
        /// <remarks>JSON name: <c>created_at</c> (required).</remarks>
        [global::Newtonsoft.Json.JsonProperty("created_at")]
        public global::System.DateTimeOffset CreatedAt
        {
            get => _createdAt;
            set
            {
                _createdAt = value;
                __present0 |= 0x40UL;
            }
        }

        private double? _weightKg;

        /// <summary>
        /// The <c>weight_kg</c> property.
        /// </summary>
        /// <remarks>JSON name: <c>weight_kg</c>.</remarks>
        [global::Newtonsoft.Json.JsonProperty("weight_kg")]
        public double? WeightKg
        {
            get => _weightKg;
            set
            {
                _weightKg = value;
                __present0 |= 0x80UL;
            }
        }

        private bool _vaccinated = false;

        /// <summary>
        /// The <c>vaccinated</c> property.
        /// </summary>
        /// <remarks>JSON name: <c>vaccinated</c>.</remarks>
        [global::Newtonsoft.Json.JsonProperty("vaccinated")]
        public bool Vaccinated
        {
            get => _vaccinated;
            set
            {
                _vaccinated = value;
                __present0 |= 0x100UL;
            }
        }

        private global::PetStore.Models.PetOwner? _owner;

        /// <summary>
        /// The <c>owner</c> property.
        /// </summary>
        /// <remarks>JSON name: <c>owner</c>.</remarks>
        [global::Newtonsoft.Json.JsonProperty("owner")]
        public global::PetStore.Models.PetOwner? Owner
        {
            get => _owner;
            set
            {
                _owner = value;
                __present0 |= 0x200UL;
            }
        }

        private global::Newtonsoft.Json.Linq.JToken? _extra;

        /// <summary>
        /// Anything the shop wants to keep.
        /// </summary>
        /// <remarks>JSON name: <c>extra</c>.</remarks>
        [global::Newtonsoft.Json.JsonProperty("extra")]
        public global::Newtonsoft.Json.Linq.JToken? Extra
        {
            get => _extra;
            set
            {
                _extra = value;
                __present0 |= 0x400UL;
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
                case "id": return (__present0 & 0x20UL) != 0;
                case "created_at": return (__present0 & 0x40UL) != 0;
                case "weight_kg": return (__present0 & 0x80UL) != 0;
                case "vaccinated": return (__present0 & 0x100UL) != 0;
                case "owner": return (__present0 & 0x200UL) != 0;
                case "extra": return (__present0 & 0x400UL) != 0;
                default: return _additionalProperties is not null && _additionalProperties.ContainsKey(jsonName);
            }
        }
    }
}

namespace PetStore.Models.Serialization
{
    /// <summary>Reads and writes <see cref="global::PetStore.Models.Pet"/> without reflection.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    internal sealed class PetJsonConverter : global::Newtonsoft.Json.JsonConverter
    {
        /// <inheritdoc/>
        public override bool CanConvert(global::System.Type objectType) => objectType == typeof(global::PetStore.Models.Pet);

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
                Write(writer, (global::PetStore.Models.Pet)value);
            }
        }

        /// <summary>Reads a value that may be JSON <c>null</c>.</summary>
        public static global::PetStore.Models.Pet? ReadNullable(global::Newtonsoft.Json.JsonReader reader) => reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : Read(reader);

        /// <summary>Writes a value that may be <see langword="null"/>.</summary>
        public static void WriteNullable(global::Newtonsoft.Json.JsonWriter writer, global::PetStore.Models.Pet? value)
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
        public static global::PetStore.Models.Pet Read(global::Newtonsoft.Json.JsonReader reader)
        {
            if (reader.TokenType != global::Newtonsoft.Json.JsonToken.StartObject)
            {
                throw global::PetStore.PetStoreJson.Unexpected(reader, "an object (Pet)");
            }

            var value = new global::PetStore.Models.Pet();
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
                    case "id":
                        value.Id = global::PetStore.PetStoreJson.ReadString(reader);
                        break;
                    case "created_at":
                        value.CreatedAt = global::PetStore.PetStoreJson.ReadDateTimeOffset(reader);
                        break;
                    case "weight_kg":
                        value.WeightKg = global::PetStore.PetStoreJson.ReadNullableDouble(reader);
                        break;
                    case "vaccinated":
                        value.Vaccinated = global::PetStore.PetStoreJson.ReadBoolean(reader);
                        break;
                    case "owner":
                        value.Owner = global::PetStore.Models.Serialization.PetOwnerJsonConverter.ReadNullable(reader);
                        break;
                    case "extra":
                        value.Extra = global::PetStore.PetStoreJson.ReadToken(reader);
                        break;
                    default:
                        value.AdditionalProperties[name] = global::PetStore.PetStoreJson.ReadToken(reader);
                        break;
                }
            }

            if ((value.__present0 & 0x1UL) == 0)
            {
                throw global::PetStore.PetStoreJson.MissingProperty(reader, "Pet", "name");
            }
            if ((value.__present0 & 0x20UL) == 0)
            {
                throw global::PetStore.PetStoreJson.MissingProperty(reader, "Pet", "id");
            }
            if ((value.__present0 & 0x40UL) == 0)
            {
                throw global::PetStore.PetStoreJson.MissingProperty(reader, "Pet", "created_at");
            }

            return value;
        }

        /// <summary>Writes the properties that were set, then the unknown ones.</summary>
        public static void Write(global::Newtonsoft.Json.JsonWriter writer, global::PetStore.Models.Pet value)
        {
            writer.WriteStartObject();
            global::PetStore.PetStoreJson.RequireSet(value.Name, "Pet", "name");
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
            global::PetStore.PetStoreJson.RequireSet(value.Id, "Pet", "id");
            writer.WritePropertyName("id");
            writer.WriteValue(value.Id);
            writer.WritePropertyName("created_at");
            global::PetStore.PetStoreJson.WriteDateTimeOffset(writer, value.CreatedAt);
            if ((value.__present0 & 0x80UL) != 0)
            {
                writer.WritePropertyName("weight_kg");
                global::PetStore.PetStoreJson.WriteDouble(writer, value.WeightKg);
            }
            if ((value.__present0 & 0x100UL) != 0)
            {
                writer.WritePropertyName("vaccinated");
                writer.WriteValue(value.Vaccinated);
            }
            if ((value.__present0 & 0x200UL) != 0)
            {
                writer.WritePropertyName("owner");
                global::PetStore.Models.Serialization.PetOwnerJsonConverter.WriteNullable(writer, value.Owner);
            }
            if ((value.__present0 & 0x400UL) != 0)
            {
                writer.WritePropertyName("extra");
                global::PetStore.PetStoreJson.WriteToken(writer, value.Extra);
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
