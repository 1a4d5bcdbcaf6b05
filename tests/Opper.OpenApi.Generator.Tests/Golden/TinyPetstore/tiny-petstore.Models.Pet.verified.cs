// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // members the spec deprecates

namespace PetStore.Models
{
    /// <summary>A pet in the store.</summary>
    /// <remarks>Only properties that were set or read are written (an explicit <see langword="null"/> as <c>null</c>); unknown JSON fields are kept in <see cref="AdditionalProperties"/>.</remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    [global::Newtonsoft.Json.JsonConverter(typeof(global::PetStore.Models.Serialization.PetJsonConverter))]
    public partial class Pet
    {
        internal global::PetStore.PetStorePresence __present;
        internal global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?>? _additionalProperties;
        private string _name = default!;
        private string? _tag;
        private PetStatus? _status;
        private global::System.DateTime? _born;
        private global::System.Collections.Generic.IDictionary<string, string>? _attributes;
        private string _id = default!;
        private global::System.DateTimeOffset _createdAt;
        private double? _weightKg;
        private bool _vaccinated = false;
        private PetOwner? _owner;
        private global::Newtonsoft.Json.Linq.JToken? _extra;

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

        /// <summary>The <c>id</c> property (required).</summary>
        [global::Newtonsoft.Json.JsonProperty("id")]
        public string Id { get => _id; set { _id = value; __present.Set(5); } }

        /// <summary>The <c>created_at</c> property (required).</summary>
        [global::Newtonsoft.Json.JsonProperty("created_at")]
        public global::System.DateTimeOffset CreatedAt { get => _createdAt; set { _createdAt = value; __present.Set(6); } }

        /// <summary>The <c>weight_kg</c> property.</summary>
        [global::Newtonsoft.Json.JsonProperty("weight_kg")]
        public double? WeightKg { get => _weightKg; set { _weightKg = value; __present.Set(7); } }

        /// <summary>The <c>vaccinated</c> property.</summary>
        [global::Newtonsoft.Json.JsonProperty("vaccinated")]
        public bool Vaccinated { get => _vaccinated; set { _vaccinated = value; __present.Set(8); } }

        /// <summary>The <c>owner</c> property.</summary>
        [global::Newtonsoft.Json.JsonProperty("owner")]
        public PetOwner? Owner { get => _owner; set { _owner = value; __present.Set(9); } }

        /// <summary>Anything the shop wants to keep.</summary>
        /// <remarks>JSON name: <c>extra</c>.</remarks>
        [global::Newtonsoft.Json.JsonProperty("extra")]
        public global::Newtonsoft.Json.Linq.JToken? Extra { get => _extra; set { _extra = value; __present.Set(10); } }

        /// <summary>JSON fields that the specification does not describe (for example from a newer server), kept as read and written back unchanged.</summary>
        public global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?> AdditionalProperties { get => global::PetStore.PetStoreJson.Additional(ref _additionalProperties); set => _additionalProperties = value; }

        /// <summary>Whether the property with this JSON name was set (by the caller or by deserialization).</summary>
        /// <param name="jsonName">The property's JSON name, such as <c>duration_ms</c>.</param>
        /// <returns><see langword="true"/> when the property will be written on serialization.</returns>
        public bool IsSet(string jsonName) => global::PetStore.Models.Serialization.PetJsonConverter.IsSet(__present, jsonName) ?? (_additionalProperties is not null && _additionalProperties.ContainsKey(jsonName));
    }
}

#nullable disable
namespace PetStore.Models.Serialization
{
    using global::Newtonsoft.Json;
    using Json = global::PetStore.PetStoreJson;
    using Models = global::PetStore.Models;

    internal sealed class PetJsonConverter : global::PetStore.PetStoreObjectConverter<Models.Pet, PetJsonConverter>
    {
        private static readonly global::PetStore.PetStorePropertyTable Table = new("Pet", new string[] { "name", "tag", "status", "born", "attributes", "id", "created_at", "weight_kg", "vaccinated", "owner", "extra" }, new int[] { 0, 5, 6 }, new int[] { 0, 5, 6 });

        public PetJsonConverter() : base(Table) { }

        protected override ref global::PetStore.PetStorePresence Presence(Models.Pet v) => ref v.__present;

        protected override void ReadProperty(JsonReader r, Models.Pet v, int index, string name)
        {
            switch (index)
            {
                case 0: v.Name = Json.ReadString(r); break;
                case 1: v.Tag = Json.ReadNullableString(r); break;
                case 2: v.Status = PetStatusJsonConverter.ReadNullable(r); break;
                case 3: v.Born = Json.ReadNullableDate(r); break;
                case 4: v.Attributes = Json.ReadNullableDictionary(r, static r0 => Json.ReadString(r0)); break;
                case 5: v.Id = Json.ReadString(r); break;
                case 6: v.CreatedAt = Json.ReadDateTimeOffset(r); break;
                case 7: v.WeightKg = Json.ReadNullableDouble(r); break;
                case 8: v.Vaccinated = Json.ReadBoolean(r); break;
                case 9: v.Owner = PetOwnerJsonConverter.ReadNullable(r); break;
                case 10: v.Extra = Json.ReadToken(r); break;
                default: v.AdditionalProperties[name] = Json.ReadToken(r); break;
            }
        }

        protected override void WriteProperty(JsonWriter w, Models.Pet v, int index)
        {
            switch (index)
            {
                case 0: Json.RequireSet(v.Name, "Pet", "name"); Json.WriteString(w, v.Name); break;
                case 1: Json.WriteString(w, v.Tag); break;
                case 2: PetStatusJsonConverter.WriteNullable(w, v.Status); break;
                case 3: Json.WriteDate(w, v.Born); break;
                case 4: Json.WriteDictionary(w, v.Attributes, static (w0, v0) => Json.WriteString(w0, v0)); break;
                case 5: Json.RequireSet(v.Id, "Pet", "id"); Json.WriteString(w, v.Id); break;
                case 6: Json.WriteDateTimeOffset(w, v.CreatedAt); break;
                case 7: Json.WriteDouble(w, v.WeightKg); break;
                case 8: Json.WriteBoolean(w, v.Vaccinated); break;
                case 9: PetOwnerJsonConverter.WriteNullable(w, v.Owner); break;
                case 10: Json.WriteToken(w, v.Extra); break;
            }
        }

        protected override void WriteAdditional(JsonWriter w, Models.Pet v) => Json.WriteAdditional(w, v._additionalProperties);
    }
}
