// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // generated code may use members the spec marks deprecated

namespace PetStore.Models
{
    /// <summary>
    /// The <c>Owner</c> schema.
    /// </summary>
    /// <remarks>
    /// Only the properties that were set (or read from JSON) are written, so an explicit
    /// <see langword="null"/> is sent as <c>null</c> and an untouched property is not sent at all.
    /// JSON fields this version does not know are kept in <see cref="AdditionalProperties"/> and written back unchanged.
    /// </remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    [global::Newtonsoft.Json.JsonConverter(typeof(global::PetStore.Models.Serialization.OwnerJsonConverter))]
    public partial class Owner
    {
        internal ulong __present0;
        internal global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?>? _additionalProperties;

        private string _name = default!;

        /// <summary>
        /// The <c>name</c> property.
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

        private string? _phone;

        /// <summary>
        /// The <c>phone</c> property.
        /// </summary>
        /// <remarks>JSON name: <c>phone</c>.</remarks>
        [global::Newtonsoft.Json.JsonProperty("phone")]
        public string? Phone
        {
            get => _phone;
            set
            {
                _phone = value;
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
                case "name": return (__present0 & 0x1UL) != 0;
                case "phone": return (__present0 & 0x2UL) != 0;
                default: return _additionalProperties is not null && _additionalProperties.ContainsKey(jsonName);
            }
        }
    }
}

namespace PetStore.Models.Serialization
{
    /// <summary>Reads and writes <see cref="global::PetStore.Models.Owner"/> without reflection.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    internal sealed class OwnerJsonConverter : global::Newtonsoft.Json.JsonConverter
    {
        /// <inheritdoc/>
        public override bool CanConvert(global::System.Type objectType) => objectType == typeof(global::PetStore.Models.Owner);

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
                Write(writer, (global::PetStore.Models.Owner)value);
            }
        }

        /// <summary>Reads a value that may be JSON <c>null</c>.</summary>
        public static global::PetStore.Models.Owner? ReadNullable(global::Newtonsoft.Json.JsonReader reader) => reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : Read(reader);

        /// <summary>Writes a value that may be <see langword="null"/>.</summary>
        public static void WriteNullable(global::Newtonsoft.Json.JsonWriter writer, global::PetStore.Models.Owner? value)
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
        public static global::PetStore.Models.Owner Read(global::Newtonsoft.Json.JsonReader reader)
        {
            if (reader.TokenType != global::Newtonsoft.Json.JsonToken.StartObject)
            {
                throw global::PetStore.PetStoreJson.Unexpected(reader, "an object (Owner)");
            }

            var value = new global::PetStore.Models.Owner();
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
                    case "phone":
                        value.Phone = global::PetStore.PetStoreJson.ReadNullableString(reader);
                        break;
                    default:
                        value.AdditionalProperties[name] = global::PetStore.PetStoreJson.ReadToken(reader);
                        break;
                }
            }

            if ((value.__present0 & 0x1UL) == 0)
            {
                throw global::PetStore.PetStoreJson.MissingProperty(reader, "Owner", "name");
            }

            return value;
        }

        /// <summary>Writes the properties that were set, then the unknown ones.</summary>
        public static void Write(global::Newtonsoft.Json.JsonWriter writer, global::PetStore.Models.Owner value)
        {
            writer.WriteStartObject();
            global::PetStore.PetStoreJson.RequireSet(value.Name, "Owner", "name");
            writer.WritePropertyName("name");
            writer.WriteValue(value.Name);
            if ((value.__present0 & 0x2UL) != 0)
            {
                writer.WritePropertyName("phone");
                writer.WriteValue(value.Phone);
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
