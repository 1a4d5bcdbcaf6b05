// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // members the spec deprecates

namespace PetStore.Models
{
    /// <summary>The <c>Error</c> schema.</summary>
    /// <remarks>Only properties that were set or read are written (an explicit <see langword="null"/> as <c>null</c>); unknown JSON fields are kept in <see cref="AdditionalProperties"/>.</remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    [global::Newtonsoft.Json.JsonConverter(typeof(global::PetStore.Models.Serialization.ErrorJsonConverter))]
    public partial class Error
    {
        internal global::PetStore.PetStorePresence __present;
        internal global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?>? _additionalProperties;
        private int _code;
        private string _message = default!;

        /// <summary>The <c>code</c> property (required).</summary>
        [global::Newtonsoft.Json.JsonProperty("code")]
        public int Code { get => _code; set { _code = value; __present.Set(0); } }

        /// <summary>The <c>message</c> property (required).</summary>
        [global::Newtonsoft.Json.JsonProperty("message")]
        public string Message { get => _message; set { _message = value; __present.Set(1); } }

        /// <summary>JSON fields that the specification does not describe (for example from a newer server), kept as read and written back unchanged.</summary>
        public global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken?> AdditionalProperties { get => global::PetStore.PetStoreJson.Additional(ref _additionalProperties); set => _additionalProperties = value; }

        /// <summary>Whether the property with this JSON name was set (by the caller or by deserialization).</summary>
        /// <param name="jsonName">The property's JSON name, such as <c>duration_ms</c>.</param>
        /// <returns><see langword="true"/> when the property will be written on serialization.</returns>
        public bool IsSet(string jsonName) => global::PetStore.Models.Serialization.ErrorJsonConverter.IsSet(__present, jsonName) ?? (_additionalProperties is not null && _additionalProperties.ContainsKey(jsonName));
    }
}

#nullable disable
namespace PetStore.Models.Serialization
{
    using global::Newtonsoft.Json;
    using Json = global::PetStore.PetStoreJson;
    using Models = global::PetStore.Models;

    internal sealed class ErrorJsonConverter : global::PetStore.PetStoreObjectConverter<Models.Error, ErrorJsonConverter>
    {
        private static readonly global::PetStore.PetStorePropertyTable Table = new("Error", new string[] { "code", "message" }, new int[] { 0, 1 }, new int[] { 0, 1 });

        public ErrorJsonConverter() : base(Table) { }

        protected override ref global::PetStore.PetStorePresence Presence(Models.Error v) => ref v.__present;

        protected override void ReadProperty(JsonReader r, Models.Error v, int index, string name)
        {
            switch (index)
            {
                case 0: v.Code = Json.ReadInt32(r); break;
                case 1: v.Message = Json.ReadString(r); break;
                default: v.AdditionalProperties[name] = Json.ReadToken(r); break;
            }
        }

        protected override void WriteProperty(JsonWriter w, Models.Error v, int index)
        {
            switch (index)
            {
                case 0: Json.WriteInt32(w, v.Code); break;
                case 1: Json.RequireSet(v.Message, "Error", "message"); Json.WriteString(w, v.Message); break;
            }
        }

        protected override void WriteAdditional(JsonWriter w, Models.Error v) => Json.WriteAdditional(w, v._additionalProperties);
    }
}
