// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // members the spec deprecates

namespace PetStore
{
    /// <summary>What the specification says about the service: where it is and how it authenticates.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    internal static class PetStoreClientDefaults
    {
        /// <summary>The first server of the specification (empty when it names no absolute URL).</summary>
        public const string BaseUrl = "https://petstore.example.com/v1";

        /// <summary>The product token of the User-Agent header.</summary>
        public const string UserAgent = "petstore-dotnet";

        /// <summary>The header that carries the API key.</summary>
        public const string AuthHeader = "Authorization";

        /// <summary>The scheme written before the key (empty for a bare API-key header).</summary>
        public const string AuthScheme = "Bearer";

        /// <summary>Whether the specification requires authentication.</summary>
        public const bool RequiresApiKey = true;

        /// <summary>The environment variables that may hold the API key, first set wins.</summary>
        public static readonly global::System.Collections.Generic.IReadOnlyList<string> ApiKeyEnvironmentVariables = new string[] { "PET_STORE_API_KEY" };
    }

    internal static partial class PetStoreJson
    {
        // The spec's property names, interned by the readers: no string is allocated for them.
        private static readonly global::Newtonsoft.Json.DefaultJsonNameTable NameTable = CreateNameTable();

        private static global::Newtonsoft.Json.DefaultJsonNameTable CreateNameTable()
        {
            var table = new global::Newtonsoft.Json.DefaultJsonNameTable();
            table.Add("attributes");
            table.Add("born");
            table.Add("code");
            table.Add("created_at");
            table.Add("data");
            table.Add("extra");
            table.Add("id");
            table.Add("message");
            table.Add("meta");
            table.Add("name");
            table.Add("owner");
            table.Add("phone");
            table.Add("status");
            table.Add("tag");
            table.Add("total_count");
            table.Add("vaccinated");
            table.Add("weight_kg");
            return table;
        }
    }
}
