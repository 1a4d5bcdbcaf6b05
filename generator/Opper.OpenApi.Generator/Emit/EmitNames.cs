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

    /// <summary>The alias of the JSON helper class inside a model file's converter namespace.</summary>
    public const string JsonAlias = "Json";

    /// <summary>The alias of the models namespace inside a model file's converter namespace.</summary>
    public const string ModelsAlias = "Models";

    private readonly System.Collections.Generic.ISet<string>? _shadowed;
    private readonly bool _inConverters;

    public EmitNames(ClientSettings settings)
    {
        ModelsNamespace = settings.ModelsNamespace;
        ClientNamespace = settings.ClientNamespace;
        ConverterNamespace = settings.ModelsNamespace + ".Serialization";
        JsonClass = $"global::{settings.ClientNamespace}.{settings.ClientName}Json";
        Json = JsonClass;
        Prefix = settings.ClientName;
    }

    private EmitNames(EmitNames names, System.Collections.Generic.ISet<string>? shadowed, bool inConverters)
    {
        ModelsNamespace = names.ModelsNamespace;
        ClientNamespace = names.ClientNamespace;
        ConverterNamespace = names.ConverterNamespace;
        JsonClass = names.JsonClass;
        Json = inConverters ? JsonAlias : names.JsonClass;
        Prefix = names.Prefix;
        _shadowed = shadowed;
        _inConverters = inConverters;
    }

    /// <summary>
    /// Names as written inside a type of the models namespace: other models by their simple
    /// name, unless a member of that type (<paramref name="shadowed"/>) would hide it.
    /// </summary>
    public EmitNames InModels(System.Collections.Generic.ISet<string> shadowed) => new(this, shadowed, inConverters: false);

    /// <summary>
    /// Names as written inside a model file's converter namespace, which declares the aliases
    /// <see cref="JsonAlias"/> and <see cref="ModelsAlias"/>: converters are its own members,
    /// and every converter's name ends in <c>JsonConverter</c>, so neither alias can be hidden.
    /// </summary>
    public EmitNames InConverters() => new(this, null, inConverters: true);

    /// <summary>The generated JSON helper class, fully qualified.</summary>
    public string JsonClass { get; }

    public string ModelsNamespace { get; }

    public string ClientNamespace { get; }

    public string ConverterNamespace { get; }

    /// <summary>The generated JSON helper class (<c>global::Opper.OpperJson</c>).</summary>
    public string Json { get; }

    /// <summary>The client's type prefix (<c>Opper</c> → <c>OpperClient</c>).</summary>
    public string Prefix { get; }

    public string Model(string name) =>
        _inConverters ? $"{ModelsAlias}.{name}"
        : _shadowed is not null && !_shadowed.Contains(name) ? name
        : $"global::{ModelsNamespace}.{name}";

    public string Converter(string name) => _inConverters ? name + "JsonConverter" : $"global::{ConverterNamespace}.{name}JsonConverter";

    public string Runtime(string suffix) => $"global::{ClientNamespace}.{Prefix}{suffix}";
}
