// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // members the spec deprecates

namespace PetStore.Models
{
    /// <summary>The <c>NewPet</c> schema.</summary>
    /// <remarks>Only properties that were set or read are written (an explicit <see langword="null"/> as <c>null</c>); unknown JSON fields are kept in <see cref="AdditionalProperties"/>.</remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    [global::Newtonsoft.Json.JsonConverter(typeof(global::PetStore.Models.Serialization.NewPetJsonConverter))]
    public partial class NewPet
    {
        internal global::PetStore.PetStorePresence __present;
        internal global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?>? _additionalProperties;
        private string _name = default!;
        private string? _tag;
        private PetStatus? _status;
        private global::System.DateTime? _born;
        private global::System.Collections.Generic.IDictionary<string, string>? _attributes;

        /// <summary>The pet's name.</summary>
        /// <remarks>JSON name: <c>name</c> (required).</remarks>
        [global::Newtonsoft.Json.JsonProperty("name")]
        public string Name { get => _name; set { _name = value; __present.Set(0); } }

        /// <summary>The <c>tag</c> property.</summary>
        [global::Newtonsoft.Json.JsonProperty("tag")]
        public string? Tag { get => _tag; set { _tag = value; __present.Set(1); } }

        /// <summary>Where the pet is.</summary>
        /// <remarks>JSON name: <c>status</c>.</remarks>
        [global::Newtonsoft.Json.JsonProperty("status")]
        public PetStatus? Status { get => _status; set { _status = value; __present.Set(2); } }

        /// <summary>The <c>born</c> property.</summary>
        [global::Newtonsoft.Json.JsonProperty("born")]
        public global::System.DateTime? Born { get => _born; set { _born = value; __present.Set(3); } }

        /// <summary>The <c>attributes</c> property.</summary>
        [global::Newtonsoft.Json.JsonProperty("attributes")]
        public global::System.Collections.Generic.IDictionary<string, string>? Attributes { get => _attributes; set { _attributes = value; __present.Set(4); } }

        /// <summary>JSON fields that the specification does not describe (for example from a newer server), kept as read and written back unchanged.</summary>
        public global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?> AdditionalProperties { get => global::PetStore.PetStoreJson.Additional(ref _additionalProperties); set => _additionalProperties = value; }

        /// <summary>Whether the property with this JSON name was set (by the caller or by deserialization).</summary>
        /// <param name="jsonName">The property's JSON name, such as <c>duration_ms</c>.</param>
        /// <returns><see langword="true"/> when the property will be written on serialization.</returns>
        public bool IsSet(string jsonName) => global::PetStore.Models.Serialization.NewPetJsonConverter.IsSet(__present, jsonName) ?? (_additionalProperties is not null && _additionalProperties.ContainsKey(jsonName));
    }
}

#nullable disable
namespace PetStore.Models.Serialization
{
    using global::Newtonsoft.Json;
    using Json = global::PetStore.PetStoreJson;
    using Models = global::PetStore.Models;

    internal sealed class NewPetJsonConverter : global::PetStore.PetStoreObjectConverter<Models.NewPet, NewPetJsonConverter>
    {
        private static readonly global::PetStore.PetStorePropertyTable Table = new("NewPet", new string[] { "name", "tag", "status", "born", "attributes" }, new int[] { 0 }, new int[] { 0 });

        public NewPetJsonConverter() : base(Table) { }

        protected override ref global::PetStore.PetStorePresence Presence(Models.NewPet v) => ref v.__present;

        protected override void ReadProperty(JsonReader r, Models.NewPet v, int index, string name)
        {
            switch (index)
            {
                case 0: v.Name = Json.ReadString(r); break;
                case 1: v.Tag = Json.ReadNullableString(r); break;
                case 2: v.Status = PetStatusJsonConverter.ReadNullable(r); break;
                case 3: v.Born = Json.ReadNullableDate(r); break;
                case 4: v.Attributes = Json.ReadNullableDictionary(r, static r0 => Json.ReadString(r0)); break;
                default: v.AdditionalProperties[name] = Json.ReadToken(r); break;
            }
        }

        protected override void WriteProperty(JsonWriter w, Models.NewPet v, int index)
        {
            switch (index)
            {
                case 0: Json.RequireSet(v.Name, "NewPet", "name"); Json.WriteString(w, v.Name); break;
                case 1: Json.WriteString(w, v.Tag); break;
                case 2: PetStatusJsonConverter.WriteNullable(w, v.Status); break;
                case 3: Json.WriteDate(w, v.Born); break;
                case 4: Json.WriteDictionary(w, v.Attributes, static (w0, v0) => Json.WriteString(w0, v0)); break;
            }
        }

        protected override void WriteAdditional(JsonWriter w, Models.NewPet v) => Json.WriteAdditional(w, v._additionalProperties);
    }
}
