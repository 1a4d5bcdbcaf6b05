// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // members the spec deprecates

namespace PetStore.Models
{
    /// <summary>The <c>Owner</c> schema.</summary>
    /// <remarks>Only properties that were set or read are written (an explicit <see langword="null"/> as <c>null</c>); unknown JSON fields are kept in <see cref="AdditionalProperties"/>.</remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    [global::Newtonsoft.Json.JsonConverter(typeof(global::PetStore.Models.Serialization.OwnerJsonConverter))]
    public partial class Owner
    {
        internal global::PetStore.PetStorePresence __present;
        internal global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?>? _additionalProperties;
        private string _name = default!;
        private string? _phone;

        /// <summary>The <c>name</c> property (required).</summary>
        [global::Newtonsoft.Json.JsonProperty("name")]
        public string Name { get => _name; set { _name = value; __present.Set(0); } }

        /// <summary>The <c>phone</c> property.</summary>
        [global::Newtonsoft.Json.JsonProperty("phone")]
        public string? Phone { get => _phone; set { _phone = value; __present.Set(1); } }

        /// <summary>JSON fields that the specification does not describe (for example from a newer server), kept as read and written back unchanged.</summary>
        public global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?> AdditionalProperties { get => global::PetStore.PetStoreJson.Additional(ref _additionalProperties); set => _additionalProperties = value; }

        /// <summary>Whether the property with this JSON name was set (by the caller or by deserialization).</summary>
        /// <param name="jsonName">The property's JSON name, such as <c>duration_ms</c>.</param>
        /// <returns><see langword="true"/> when the property will be written on serialization.</returns>
        public bool IsSet(string jsonName) => global::PetStore.Models.Serialization.OwnerJsonConverter.IsSet(__present, jsonName) ?? (_additionalProperties is not null && _additionalProperties.ContainsKey(jsonName));
    }
}

#nullable disable
namespace PetStore.Models.Serialization
{
    using global::Newtonsoft.Json;
    using Json = global::PetStore.PetStoreJson;
    using Models = global::PetStore.Models;

    internal sealed class OwnerJsonConverter : global::PetStore.PetStoreObjectConverter<Models.Owner, OwnerJsonConverter>
    {
        private static readonly global::PetStore.PetStorePropertyTable Table = new("Owner", new string[] { "name", "phone" }, new int[] { 0 }, new int[] { 0 });

        public OwnerJsonConverter() : base(Table) { }

        protected override ref global::PetStore.PetStorePresence Presence(Models.Owner v) => ref v.__present;

        protected override void ReadProperty(JsonReader r, Models.Owner v, int index, string name)
        {
            switch (index)
            {
                case 0: v.Name = Json.ReadString(r); break;
                case 1: v.Phone = Json.ReadNullableString(r); break;
                default: v.AdditionalProperties[name] = Json.ReadToken(r); break;
            }
        }

        protected override void WriteProperty(JsonWriter w, Models.Owner v, int index)
        {
            switch (index)
            {
                case 0: Json.RequireSet(v.Name, "Owner", "name"); Json.WriteString(w, v.Name); break;
                case 1: Json.WriteString(w, v.Phone); break;
            }
        }

        protected override void WriteAdditional(JsonWriter w, Models.Owner v) => Json.WriteAdditional(w, v._additionalProperties);
    }
}
