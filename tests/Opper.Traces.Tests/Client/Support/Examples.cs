using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.Tests.Client.Support;

/// <summary>The spec and its example bodies, as copied to the test output under <c>spec/</c>.</summary>
internal static class Examples
{
    public static string SpecDirectory => Path.Combine(AppContext.BaseDirectory, "spec");

    public static string ExamplesDirectory => Path.Combine(SpecDirectory, "examples");

    public static string Text(string file) => File.ReadAllText(Path.Combine(ExamplesDirectory, file));

    public static JToken Json(string file) => Parse(Text(file));

    /// <summary>The example read into its generated type through <c>JsonConvert</c>, as a user would.</summary>
    public static T Read<T>(string file) => JsonConvert.DeserializeObject<T>(Text(file))!;

    /// <summary>JSON parsed with dates left as strings, so that comparisons see the text as sent.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    public static JObject Spec() => (JObject)Parse(File.ReadAllText(Path.Combine(SpecDirectory, "opper.openapi.json")));

    /// <summary>Every operation of the spec: (operationId, method, path, operation object).</summary>
    public static IEnumerable<(string OperationId, string Method, string Path, JObject Operation)> Operations()
    {
        foreach (var path in (JObject)Spec()["paths"]!)
        {
            foreach (var operation in (JObject)path.Value!)
            {
                if (operation.Value is JObject op && op["operationId"] is JValue id)
                {
                    yield return ((string)id!, operation.Key.ToUpperInvariant(), path.Key, op);
                }
            }
        }
    }

    /// <summary>
    /// The C# name of a component: PascalCase of its identifier parts, without a FastAPI module
    /// path (<c>app__api__public__v2__functions__CallFunctionRequest</c> → <c>CallFunctionRequest</c>;
    /// the short names are unique in Opper's spec).
    /// </summary>
    public static string TypeName(string componentName)
    {
        var modulePath = componentName.LastIndexOf("__", StringComparison.Ordinal);
        if (modulePath > 0 && char.IsLower(componentName[0]))
        {
            componentName = componentName.Substring(modulePath + 2);
        }

        var name = new StringBuilder();
        foreach (var part in componentName.Split(new[] { '_', '-', '.', ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            name.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }

        return name.ToString();
    }

    /// <summary>The generated DTO type of a component.</summary>
    public static Type ModelType(string componentName) =>
        typeof(OpperClient).Assembly.GetType("Opper.Models." + TypeName(componentName), throwOnError: false)
        ?? throw new InvalidOperationException($"No generated type Opper.Models.{TypeName(componentName)} for component {componentName}.");

    /// <summary>The example files: <c>Component.variant.json</c>.</summary>
    public static IEnumerable<string> JsonFiles() =>
        Directory.GetFiles(ExamplesDirectory, "*.json").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)!;

    public static string ComponentOf(string file) => file.Substring(0, file.IndexOf('.', StringComparison.Ordinal));
}
