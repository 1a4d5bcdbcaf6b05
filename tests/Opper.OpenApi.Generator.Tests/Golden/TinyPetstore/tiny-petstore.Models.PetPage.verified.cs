// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // members the spec deprecates

namespace PetStore.Models
{
    /// <summary>The <c>PetPage</c> schema.</summary>
    /// <remarks>Only properties that were set or read are written (an explicit <see langword="null"/> as <c>null</c>); unknown JSON fields are kept in <see cref="AdditionalProperties"/>.</remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    [global::Newtonsoft.Json.JsonConverter(typeof(global::PetStore.Models.Serialization.PetPageJsonConverter))]
    public partial class PetPage
    {
        internal global::PetStore.PetStorePresence __present;
        internal global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?>? _additionalProperties;
        private global::System.Collections.Generic.IList<Pet> _data = new global::System.Collections.Generic.List<Pet>();
        private PetPageMeta _meta = default!;

        /// <summary>The <c>data</c> property (required).</summary>
        [global::Newtonsoft.Json.JsonProperty("data")]
        public global::System.Collections.Generic.IList<Pet> Data { get => _data; set { _data = value; __present.Set(0); } }

        /// <summary>The <c>meta</c> property (required).</summary>
        [global::Newtonsoft.Json.JsonProperty("meta")]
        public PetPageMeta Meta { get => _meta; set { _meta = value; __present.Set(1); } }

        /// <summary>JSON fields that the specification does not describe (for example from a newer server), kept as read and written back unchanged.</summary>
        public global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?> AdditionalProperties { get => global::PetStore.PetStoreJson.Additional(ref _additionalProperties); set => _additionalProperties = value; }

        /// <summary>Whether the property with this JSON name was set (by the caller or by deserialization).</summary>
        /// <param name="jsonName">The property's JSON name, such as <c>duration_ms</c>.</param>
        /// <returns><see langword="true"/> when the property will be written on serialization.</returns>
        public bool IsSet(string jsonName) => global::PetStore.Models.Serialization.PetPageJsonConverter.IsSet(__present, jsonName) ?? (_additionalProperties is not null && _additionalProperties.ContainsKey(jsonName));
    }
}

#nullable disable
namespace PetStore.Models.Serialization
{
    using global::Newtonsoft.Json;
    using Json = global::PetStore.PetStoreJson;
    using Models = global::PetStore.Models;

    internal sealed class PetPageJsonConverter : global::PetStore.PetStoreObjectConverter<Models.PetPage, PetPageJsonConverter>
    {
        private static readonly global::PetStore.PetStorePropertyTable Table = new("PetPage", new string[] { "data", "meta" }, new int[] { 0, 1 }, new int[] { 0, 1 });

        public PetPageJsonConverter() : base(Table) { }

        protected override ref global::PetStore.PetStorePresence Presence(Models.PetPage v) => ref v.__present;

        protected override void ReadProperty(JsonReader r, Models.PetPage v, int index, string name)
        {
            switch (index)
            {
                case 0: v.Data = Json.ReadList(r, static r0 => PetJsonConverter.Read(r0)); break;
                case 1: v.Meta = PetPageMetaJsonConverter.Read(r); break;
                default: v.AdditionalProperties[name] = Json.ReadToken(r); break;
            }
        }

        protected override void WriteProperty(JsonWriter w, Models.PetPage v, int index)
        {
            switch (index)
            {
                case 0: Json.RequireSet(v.Data, "PetPage", "data"); Json.WriteList(w, v.Data, static (w0, v0) => PetJsonConverter.Write(w0, v0)); break;
                case 1: Json.RequireSet(v.Meta, "PetPage", "meta"); PetPageMetaJsonConverter.Write(w, v.Meta); break;
            }
        }

        protected override void WriteAdditional(JsonWriter w, Models.PetPage v) => Json.WriteAdditional(w, v._additionalProperties);
    }
}
