// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // members the spec deprecates

namespace PetStore.Models
{
    /// <summary>Where the pet is.</summary>
    /// <remarks>An extensible enum: a value this version does not know (from a newer server) is kept, so reading never fails and writing sends it back unchanged.</remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    [global::Newtonsoft.Json.JsonConverter(typeof(global::PetStore.Models.Serialization.PetStatusJsonConverter))]
    public readonly partial struct PetStatus : global::System.IEquatable<PetStatus>
    {
        private readonly string? _value;

        /// <summary>Creates a value of <see cref="PetStatus"/>, known or not.</summary>
        /// <param name="value">The JSON string.</param>
        public PetStatus(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));

        /// <summary>The value <c>available</c>.</summary>
        public static PetStatus Available { get; } = new("available");

        /// <summary>The value <c>pending</c>.</summary>
        public static PetStatus Pending { get; } = new("pending");

        /// <summary>The value <c>sold</c>.</summary>
        public static PetStatus Sold { get; } = new("sold");

        /// <summary>The JSON string of this value.</summary>
        public string Value => _value ?? string.Empty;

        /// <summary>Whether the value is one of those the specification lists.</summary>
        public bool IsKnown => Value is "available" or "pending" or "sold";

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
        public static implicit operator PetStatus(string value) => new(value);
    }
}

#nullable disable
namespace PetStore.Models.Serialization
{
    using global::Newtonsoft.Json;
    using Json = global::PetStore.PetStoreJson;
    using Models = global::PetStore.Models;

    internal sealed class PetStatusJsonConverter : global::PetStore.PetStoreEnumConverter<Models.PetStatus, PetStatusJsonConverter>
    {
        public PetStatusJsonConverter() : base("PetStatus") { }

        protected override Models.PetStatus Create(string value) => new(value);

        protected override string ValueOf(Models.PetStatus value) => value.Value;
    }
}
