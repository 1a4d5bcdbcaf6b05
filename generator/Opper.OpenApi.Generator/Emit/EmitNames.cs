using System.Reflection;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Emit;

/// <summary>The fully qualified names that emitted code refers to.</summary>
internal sealed class EmitNames
{
    public const string JToken = "global::Newtonsoft.Json.Linq.JToken";
    public const string JObject = "global::Newtonsoft.Json.Linq.JObject";
    public const string JsonReader = "global::Newtonsoft.Json.JsonReader";
    public const string JsonWriter = "global::Newtonsoft.Json.JsonWriter";
    public const string JsonConverter = "global::Newtonsoft.Json.JsonConverter";
    public const string JsonSerializer = "global::Newtonsoft.Json.JsonSerializer";
    public const string Type = "global::System.Type";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string IList = "global::System.Collections.Generic.IList";
    public const string IDictionary = "global::System.Collections.Generic.IDictionary";

    public static readonly string GeneratorVersion =
        typeof(EmitNames).Assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version ?? "1.0.0.0";

    public static readonly string GeneratedCodeAttribute =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"Opper.OpenApi.Generator\", \"{GeneratorVersion}\")]";

    public EmitNames(ClientSettings settings)
    {
        ModelsNamespace = settings.ModelsNamespace;
        ClientNamespace = settings.ClientNamespace;
        ConverterNamespace = settings.ModelsNamespace + ".Serialization";
        Json = $"global::{settings.ClientNamespace}.{settings.ClientName}Json";
        Prefix = settings.ClientName;
    }

    public string ModelsNamespace { get; }

    public string ClientNamespace { get; }

    public string ConverterNamespace { get; }

    /// <summary>The generated JSON helper class (<c>global::Opper.OpperJson</c>).</summary>
    public string Json { get; }

    /// <summary>The client's type prefix (<c>Opper</c> → <c>OpperClient</c>).</summary>
    public string Prefix { get; }

    public string Model(string name) => $"global::{ModelsNamespace}.{name}";

    public string Converter(string name) => $"global::{ConverterNamespace}.{name}JsonConverter";

    public string Runtime(string suffix) => $"global::{ClientNamespace}.{Prefix}{suffix}";
}
