using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Emit;

/// <summary>
/// Emits the client runtime: hand-written C# kept in the generator as embedded resources, with
/// the namespace and the type prefix filled in, plus the per-spec defaults (base URL, auth).
/// </summary>
internal static class RuntimeEmitter
{
    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> Templates = new(LoadTemplates);

    private static IReadOnlyList<(string Name, string Text)> LoadTemplates()
    {
        var assembly = typeof(RuntimeEmitter).Assembly;
        var list = new List<(string Name, string Text)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Runtime.", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var name = resource.Substring("Runtime.".Length);
            name = name.Substring(0, name.Length - ".cs".Length);
            list.Add((name, reader.ReadToEnd().Replace("\r\n", "\n")));
        }

        return list;
    }

    /// <summary>The runtime files: (hint name suffix, source).</summary>
    public static IEnumerable<(string Name, string Source)> Emit(ClientSettings settings, bool asyncEnumerable)
    {
        foreach (var (name, text) in Templates.Value)
        {
            if (name == "Paging" && !asyncEnumerable)
            {
                continue;
            }

            var header = new SourceWriter();
            DocWriter.FileHeader(header);
            var body = text.Substring(text.IndexOf("\nnamespace ", StringComparison.Ordinal) + 1);
            var source = (header + body)
                .Replace("__Namespace__", settings.ClientNamespace)
                .Replace("__Client__", settings.ClientName)
                .Replace("\"1.0.0\")]", "\"" + EmitNames.GeneratorVersion + "\")]");
            yield return (name, source);
        }
    }

    /// <summary>The spec's defaults, and the JSON property names the readers intern.</summary>
    public static string EmitDefaults(ClientSettings settings, EquatableArray<string> propertyNames)
    {
        var names = new EmitNames(settings);
        var writer = new SourceWriter();
        DocWriter.FileHeader(writer);
        writer.Open($"namespace {names.ClientNamespace}");
        writer.Line($"/// <summary>What the specification says about the service: where it is and how it authenticates.</summary>");
        writer.Line(EmitNames.GeneratedCodeAttribute);
        writer.Open($"internal static class {settings.ClientName}ClientDefaults");
        writer.Line($"/// <summary>The first server of the specification (empty when it names no absolute URL).</summary>");
        writer.Line($"public const string BaseUrl = {Naming.Literal(settings.DefaultBaseUrl)};");
        writer.Line();
        writer.Line("/// <summary>The product token of the User-Agent header.</summary>");
        writer.Line($"public const string UserAgent = {Naming.Literal(settings.UserAgent)};");
        writer.Line();
        writer.Line("/// <summary>The header that carries the API key.</summary>");
        writer.Line($"public const string AuthHeader = {Naming.Literal(settings.AuthHeader)};");
        writer.Line();
        writer.Line("/// <summary>The scheme written before the key (empty for a bare API-key header).</summary>");
        writer.Line($"public const string AuthScheme = {Naming.Literal(settings.AuthScheme)};");
        writer.Line();
        writer.Line("/// <summary>Whether the specification requires authentication.</summary>");
        writer.Line($"public const bool RequiresApiKey = {(settings.RequiresApiKey ? "true" : "false")};");
        writer.Line();
        writer.Line("/// <summary>The environment variables that may hold the API key, first set wins.</summary>");
        writer.Line($"public static readonly global::System.Collections.Generic.IReadOnlyList<string> ApiKeyEnvironmentVariables = new string[] {{ {string.Join(", ", settings.ApiKeyEnvironmentVariables.Select(Naming.Literal))} }};");
        writer.Close();
        writer.Line();
        writer.Open($"internal static partial class {settings.ClientName}Json");
        writer.Line("// The spec's property names, interned by the readers: no string is allocated for them.");
        writer.Line("private static readonly global::Newtonsoft.Json.DefaultJsonNameTable NameTable = CreateNameTable();");
        writer.Line();
        writer.Open("private static global::Newtonsoft.Json.DefaultJsonNameTable CreateNameTable()");
        writer.Line("var table = new global::Newtonsoft.Json.DefaultJsonNameTable();");
        foreach (var name in propertyNames)
        {
            writer.Line($"table.Add({Naming.Literal(name)});");
        }

        writer.Line("return table;");
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
