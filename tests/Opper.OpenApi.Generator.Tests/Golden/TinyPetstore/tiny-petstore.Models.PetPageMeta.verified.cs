// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // members the spec deprecates

namespace PetStore.Models
{
    /// <summary>The <c>PetPageMeta</c> schema.</summary>
    /// <remarks>Only properties that were set or read are written (an explicit <see langword="null"/> as <c>null</c>); unknown JSON fields are kept in <see cref="AdditionalProperties"/>.</remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    [global::Newtonsoft.Json.JsonConverter(typeof(global::PetStore.Models.Serialization.PetPageMetaJsonConverter))]
    public partial class PetPageMeta
    {
        internal global::PetStore.PetStorePresence __present;
        internal global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?>? _additionalProperties;
        private long _totalCount;

        /// <summary>The <c>total_count</c> property (required).</summary>
        [global::Newtonsoft.Json.JsonProperty("total_count")]
        public long TotalCount { get => _totalCount; set { _totalCount = value; __present.Set(0); } }

        /// <summary>JSON fields that the specification does not describe (for example from a newer server), kept as read and written back unchanged.</summary>
        public global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?> AdditionalProperties { get => global::PetStore.PetStoreJson.Additional(ref _additionalProperties); set => _additionalProperties = value; }

        /// <summary>Whether the property with this JSON name was set (by the caller or by deserialization).</summary>
        /// <param name="jsonName">The property's JSON name, such as <c>duration_ms</c>.</param>
        /// <returns><see langword="true"/> when the property will be written on serialization.</returns>
        public bool IsSet(string jsonName) => global::PetStore.Models.Serialization.PetPageMetaJsonConverter.IsSet(__present, jsonName) ?? (_additionalProperties is not null && _additionalProperties.ContainsKey(jsonName));
    }
}

#nullable disable
namespace PetStore.Models.Serialization
{
    using global::Newtonsoft.Json;
    using Json = global::PetStore.PetStoreJson;
    using Models = global::PetStore.Models;

    internal sealed class PetPageMetaJsonConverter : global::PetStore.PetStoreObjectConverter<Models.PetPageMeta, PetPageMetaJsonConverter>
    {
        private static readonly global::PetStore.PetStorePropertyTable Table = new("PetPageMeta", new string[] { "total_count" }, new int[] { 0 }, new int[] { 0 });

        public PetPageMetaJsonConverter() : base(Table) { }

        protected override ref global::PetStore.PetStorePresence Presence(Models.PetPageMeta v) => ref v.__present;

        protected override void ReadProperty(JsonReader r, Models.PetPageMeta v, int index, string name)
        {
            switch (index)
            {
                case 0: v.TotalCount = Json.ReadInt64(r); break;
                default: v.AdditionalProperties[name] = Json.ReadToken(r); break;
            }
        }

        protected override void WriteProperty(JsonWriter w, Models.PetPageMeta v, int index)
        {
            switch (index)
            {
                case 0: Json.WriteInt64(w, v.TotalCount); break;
            }
        }

        protected override void WriteAdditional(JsonWriter w, Models.PetPageMeta v) => Json.WriteAdditional(w, v._additionalProperties);
    }
}
