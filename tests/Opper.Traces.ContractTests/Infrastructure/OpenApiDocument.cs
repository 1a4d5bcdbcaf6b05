using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.ContractTests.Infrastructure;

/// <summary>One operation of the spec, as the tests need it.</summary>
internal sealed record SpecOperation(
    string OperationId,
    string Method,
    string Path,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<string> QueryParameters,
    string? RequestComponent,
    int SuccessStatus,
    string? ResponseComponent,
    IReadOnlyDictionary<int, string> ErrorComponents)
{
    public override string ToString() => OperationId;
}

/// <summary>The OpenAPI document and the example bodies, read with date parsing off.</summary>
internal static class OpenApiDocument
{
    private const string ComponentPrefix = "#/components/schemas/";

    private static readonly Lazy<JObject> s_document = new(() => (JObject)Json.Parse(File.ReadAllText(SpecPath("opper.openapi.json"))));

    private static readonly Lazy<IReadOnlyList<SpecOperation>> s_operations = new(ReadOperations);

    public static JObject Document => s_document.Value;

    public static JObject Schemas => (JObject)Document["components"]!["schemas"]!;

    public static IReadOnlyList<SpecOperation> Operations => s_operations.Value;

    public static SpecOperation Operation(string operationId) =>
        Operations.SingleOrDefault(o => o.OperationId == operationId)
        ?? throw new InvalidOperationException("The spec has no operation " + operationId + ".");

    public static string SpecPath(string relative) =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "spec", relative);

    /// <summary>The example bodies of a component (<c>spec/examples/&lt;Component&gt;.&lt;variant&gt;.json</c>), by variant.</summary>
    public static IReadOnlyList<(string Variant, JToken Body)> Examples(string component)
    {
        var examples = new List<(string, JToken)>();
        foreach (var file in Directory.GetFiles(SpecPath("examples"), component + ".*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var variant = Path.GetFileNameWithoutExtension(file).Substring(component.Length + 1);
            if (variant.Contains('.', StringComparison.Ordinal))
            {
                continue; // another component whose name starts with this one
            }

            examples.Add((variant, Json.Parse(File.ReadAllText(file))));
        }

        return examples;
    }

    /// <summary>The component a <c>$ref</c> names, or null.</summary>
    public static string? ComponentName(JToken? schema) =>
        schema?["$ref"]?.Value<string>() is { } reference && reference.StartsWith(ComponentPrefix, StringComparison.Ordinal)
            ? reference.Substring(ComponentPrefix.Length)
            : null;

    /// <summary>A schema that refers to a component, so that walks know the component's name.</summary>
    public static JObject Ref(string component) => new() { ["$ref"] = ComponentPrefix + component };

    public static JObject Component(string name) =>
        Schemas[name] as JObject ?? throw new InvalidOperationException("The spec has no component " + name + ".");

    private static IReadOnlyList<SpecOperation> ReadOperations()
    {
        var operations = new List<SpecOperation>();
        foreach (var path in ((JObject)Document["paths"]!).Properties())
        {
            foreach (var method in ((JObject)path.Value).Properties())
            {
                var operation = (JObject)method.Value;
                var parameters = operation["parameters"] as JArray ?? new JArray();
                var responses = (JObject)operation["responses"]!;
                var success = responses.Properties().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).Where(s => s < 300).Single();
                var errors = new Dictionary<int, string>();
                foreach (var response in responses.Properties())
                {
                    var status = int.Parse(response.Name, System.Globalization.CultureInfo.InvariantCulture);
                    if (status >= 400 && ComponentName(response.Value.SelectToken("content['application/json'].schema")) is { } error)
                    {
                        errors[status] = error;
                    }
                }

                operations.Add(new SpecOperation(
                    (string)operation["operationId"]!,
                    method.Name.ToUpperInvariant(),
                    path.Name,
                    parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList(),
                    parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!).ToList(),
                    ComponentName(operation.SelectToken("requestBody.content['application/json'].schema")),
                    success,
                    ComponentName(responses[success.ToString(System.Globalization.CultureInfo.InvariantCulture)]?.SelectToken("content['application/json'].schema")),
                    errors));
            }
        }

        return operations;
    }
}

/// <summary>JSON helpers that never turn strings into dates.</summary>
internal static class Json
{
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        var token = JToken.ReadFrom(reader);
        if (reader.Read())
        {
            throw new JsonReaderException("Additional text after the JSON value.");
        }

        return token;
    }

    public static string Text(JToken token) => token.ToString(Formatting.None);

    /// <summary>The first place where two JSON values differ, or null when they are equal.</summary>
    public static string? FirstDifference(JToken? expected, JToken? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : path + ": " + Describe(expected) + " vs " + Describe(actual);
        }

        if (expected.Type != actual.Type)
        {
            return path + ": " + Describe(expected) + " vs " + Describe(actual);
        }

        switch (expected)
        {
            case JObject left:
            {
                var right = (JObject)actual;
                foreach (var property in left.Properties())
                {
                    var difference = FirstDifference(property.Value, right[property.Name], path + "." + property.Name);
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                var extra = right.Properties().FirstOrDefault(p => left.Property(p.Name) is null);
                return extra is null ? null : path + "." + extra.Name + ": (absent) vs " + Describe(extra.Value);
            }

            case JArray left:
            {
                var right = (JArray)actual;
                for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
                {
                    var difference = FirstDifference(left[i], right[i], path + "[" + i + "]");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return left.Count == right.Count ? null : path + ": " + left.Count + " items vs " + right.Count;
            }

            default:
                return JToken.DeepEquals(expected, actual) ? null : path + ": " + Describe(expected) + " vs " + Describe(actual);
        }
    }

    private static string Describe(JToken? token)
    {
        if (token is null)
        {
            return "(absent)";
        }

        var text = Text(token);
        return text.Length > 120 ? text.Substring(0, 120) + "…" : text;
    }
}
