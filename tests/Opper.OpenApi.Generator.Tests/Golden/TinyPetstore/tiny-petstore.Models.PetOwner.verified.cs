// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // members the spec deprecates

namespace PetStore.Models
{
    /// <summary>The <c>PetOwner</c> value: one of several JSON shapes.</summary>
    /// <remarks>
    /// The JSON is kept exactly as received in <see cref="Json"/>; the <c>Is…</c> and <c>As…</c>
    /// members read it as each of the types the specification allows:
    /// <c>String</c>, <c>Owner</c>.
    /// </remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    [global::Newtonsoft.Json.JsonConverter(typeof(global::PetStore.Models.Serialization.PetOwnerJsonConverter))]
    public sealed partial class PetOwner : global::System.IEquatable<PetOwner>
    {
        /// <summary>Wraps a JSON value.</summary>
        /// <param name="json">The value.</param>
        public PetOwner(global::Newtonsoft.Json.Linq.JToken json)
        {
            Json = json ?? throw new global::System.ArgumentNullException(nameof(json));
        }

        /// <summary>The JSON value as received (or as built from a typed value).</summary>
        public global::Newtonsoft.Json.Linq.JToken Json { get; }

        /// <summary>Whether the value can be read as <c>String</c>.</summary>
        public bool IsString => Json.Type is global::Newtonsoft.Json.Linq.JTokenType.String or global::Newtonsoft.Json.Linq.JTokenType.Date;

        /// <summary>The value as <c>String</c>, or <see langword="null"/> when it is not one.</summary>
        /// <returns>The typed value, or <see langword="null"/>.</returns>
        public string? AsString()
        {
            if (!(Json.Type is global::Newtonsoft.Json.Linq.JTokenType.String or global::Newtonsoft.Json.Linq.JTokenType.Date))
            {
                return null;
            }

            return global::PetStore.PetStoreJson.TryConvert<string>(Json, static reader => global::PetStore.PetStoreJson.ReadString(reader), out var value) ? value : default(string?);
        }

        /// <summary>Makes a <see cref="PetOwner"/> from a <c>String</c>.</summary>
        /// <param name="value">The value.</param>
        /// <returns>The union value.</returns>
        public static PetOwner FromString(string value) => new PetOwner(global::PetStore.PetStoreJson.ToToken(value, static (writer, v) => global::PetStore.PetStoreJson.WriteString(writer, v)));

        /// <summary>Makes a <see cref="PetOwner"/> from a <c>String</c>.</summary>
        /// <param name="value">The value.</param>
        public static implicit operator PetOwner(string value) => FromString(value);

        /// <summary>Whether the value can be read as <c>Owner</c>.</summary>
        public bool IsOwner => AsOwner() is not null;

        /// <summary>The value as <c>Owner</c>, or <see langword="null"/> when it is not one.</summary>
        /// <returns>The typed value, or <see langword="null"/>.</returns>
        public global::PetStore.Models.Owner? AsOwner()
        {
            if (!(Json.Type == global::Newtonsoft.Json.Linq.JTokenType.Object))
            {
                return null;
            }

            return global::PetStore.PetStoreJson.TryConvert<global::PetStore.Models.Owner>(Json, static reader => global::PetStore.Models.Serialization.OwnerJsonConverter.Read(reader), out var value) ? value : default(global::PetStore.Models.Owner?);
        }

        /// <summary>Makes a <see cref="PetOwner"/> from a <c>Owner</c>.</summary>
        /// <param name="value">The value.</param>
        /// <returns>The union value.</returns>
        public static PetOwner FromOwner(global::PetStore.Models.Owner value) => new PetOwner(global::PetStore.PetStoreJson.ToToken(value, static (writer, v) => global::PetStore.Models.Serialization.OwnerJsonConverter.Write(writer, v)));

        /// <summary>Makes a <see cref="PetOwner"/> from a <c>Owner</c>.</summary>
        /// <param name="value">The value.</param>
        public static implicit operator PetOwner(global::PetStore.Models.Owner value) => FromOwner(value);

        /// <summary>The JSON text of the value.</summary>
        /// <returns>Compact JSON.</returns>
        public override string ToString() => Json.ToString(global::Newtonsoft.Json.Formatting.None);

        /// <inheritdoc/>
        public bool Equals(PetOwner? other) => other is not null && global::Newtonsoft.Json.Linq.JToken.DeepEquals(Json, other.Json);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is PetOwner other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => global::Newtonsoft.Json.Linq.JToken.EqualityComparer.GetHashCode(Json);
    }
}

#nullable disable
namespace PetStore.Models.Serialization
{
    using global::Newtonsoft.Json;
    using Json = global::PetStore.PetStoreJson;
    using Models = global::PetStore.Models;

    internal sealed class PetOwnerJsonConverter : global::PetStore.PetStoreUnionConverter<Models.PetOwner, PetOwnerJsonConverter>
    {
        public PetOwnerJsonConverter() : base("PetOwner") { }

        protected override Models.PetOwner Create(global::Newtonsoft.Json.Linq.JToken json) => new(json);

        protected override global::Newtonsoft.Json.Linq.JToken JsonOf(Models.PetOwner value) => value.Json;
    }
}
