// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // generated code may use members the spec marks deprecated

namespace PetStore.Models
{
    /// <summary>
    /// Where the pet is.
    /// </summary>
    /// <remarks>
    /// An extensible enum: a value that this version does not know (from a newer server)
    /// is kept as it is, so reading never fails and writing sends it back unchanged.
    /// </remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    [global::Newtonsoft.Json.JsonConverter(typeof(global::PetStore.Models.Serialization.PetStatusJsonConverter))]
    public readonly partial struct PetStatus : global::System.IEquatable<PetStatus>
    {
        private readonly string? _value;

        /// <summary>Creates a value of <see cref="PetStatus"/>, known or not.</summary>
        /// <param name="value">The JSON string.</param>
        public PetStatus(string value)
        {
            _value = value ?? throw new global::System.ArgumentNullException(nameof(value));
        }

        /// <summary>The value <c>available</c>.</summary>
        public static PetStatus Available { get; } = new PetStatus("available");

        /// <summary>The value <c>pending</c>.</summary>
        public static PetStatus Pending { get; } = new PetStatus("pending");

        /// <summary>The value <c>sold</c>.</summary>
        public static PetStatus Sold { get; } = new PetStatus("sold");

        /// <summary>The JSON string of this value.</summary>
        public string Value => _value ?? string.Empty;

        /// <summary>Whether the value is one of those the specification lists.</summary>
        public bool IsKnown => Value switch
        {
            "available" or "pending" or "sold" => true,
            _ => false,
        };

        /// <summary>The values the specification lists, in its order.</summary>
        public static global::System.Collections.Generic.IReadOnlyList<PetStatus> KnownValues { get; } = new PetStatus[] { Available, Pending, Sold };

        /// <inheritdoc/>
        public bool Equals(PetStatus other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is PetStatus other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);

        /// <summary>The JSON string of this value.</summary>
        /// <returns>The value.</returns>
        public override string ToString() => Value;

        /// <summary>Compares two values by their JSON string.</summary>
        /// <param name="left">The first value.</param>
        /// <param name="right">The second value.</param>
        /// <returns>Whether they are equal.</returns>
        public static bool operator ==(PetStatus left, PetStatus right) => left.Equals(right);

        /// <summary>Compares two values by their JSON string.</summary>
        /// <param name="left">The first value.</param>
        /// <param name="right">The second value.</param>
        /// <returns>Whether they differ.</returns>
        public static bool operator !=(PetStatus left, PetStatus right) => !left.Equals(right);

        /// <summary>Makes a value from its JSON string.</summary>
        /// <param name="value">The JSON string.</param>
        public static implicit operator PetStatus(string value) => new PetStatus(value);
    }
}

namespace PetStore.Models.Serialization
{
    /// <summary>Reads and writes <see cref="global::PetStore.Models.PetStatus"/> without reflection.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    internal sealed class PetStatusJsonConverter : global::Newtonsoft.Json.JsonConverter
    {
        /// <inheritdoc/>
        public override bool CanConvert(global::System.Type objectType) => objectType == typeof(global::PetStore.Models.PetStatus) || objectType == typeof(global::PetStore.Models.PetStatus?);

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
                Write(writer, (global::PetStore.Models.PetStatus)value);
            }
        }

        /// <summary>Reads a value that may be JSON <c>null</c>.</summary>
        public static global::PetStore.Models.PetStatus? ReadNullable(global::Newtonsoft.Json.JsonReader reader) => reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? default(global::PetStore.Models.PetStatus?) : Read(reader);

        /// <summary>Writes a value that may be <see langword="null"/>.</summary>
        public static void WriteNullable(global::Newtonsoft.Json.JsonWriter writer, global::PetStore.Models.PetStatus? value)
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

        /// <summary>Reads the string the reader stands on; unknown values are kept.</summary>
        public static global::PetStore.Models.PetStatus Read(global::Newtonsoft.Json.JsonReader reader) => new global::PetStore.Models.PetStatus(global::PetStore.PetStoreJson.ReadEnumString(reader, "PetStatus"));

        /// <summary>Writes the value's JSON string.</summary>
        public static void Write(global::Newtonsoft.Json.JsonWriter writer, global::PetStore.Models.PetStatus value) => writer.WriteValue(value.Value);
    }
}
