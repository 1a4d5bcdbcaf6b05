using System.Text.Json;
using System.Text.Json.Nodes;

namespace Opper.Traces.Cli.Mcp;

/// <summary>The JSON Schemas of the tools' arguments, written out by hand so that names and limits are exact.</summary>
internal static class ToolSchema
{
    /// <summary>An object schema with these properties (no others allowed).</summary>
    /// <param name="required">The names that must be given.</param>
    /// <param name="properties">Name and schema of each argument, in the order a model should read them.</param>
    public static JsonElement Object(string[] required, params (string Name, JsonObject Schema)[] properties)
    {
        var props = new JsonObject();
        foreach ((string name, JsonObject schema) in properties)
        {
            props[name] = schema;
        }

        var requiredArray = new JsonArray();
        foreach (string name in required)
        {
            requiredArray.Add(name);
        }

        var schemaObject = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = props,
            ["required"] = requiredArray,
            ["additionalProperties"] = false,
        };
        return CompactJson.Element(schemaObject.ToJsonString());
    }

    /// <summary>A string.</summary>
    public static JsonObject String(string description) => new JsonObject
    {
        ["type"] = "string",
        ["description"] = description,
    };

    /// <summary>A whole number from <paramref name="minimum"/> (to <paramref name="maximum"/> when given), with its default.</summary>
    public static JsonObject Integer(string description, int minimum, int? maximum, int @default)
    {
        var schema = new JsonObject
        {
            ["type"] = "integer",
            ["description"] = description,
            ["minimum"] = minimum,
            ["default"] = @default,
        };
        if (maximum is { } max)
        {
            schema["maximum"] = max;
        }

        return schema;
    }

    /// <summary>An array of strings.</summary>
    public static JsonObject StringArray(string description) => new JsonObject
    {
        ["type"] = "array",
        ["items"] = new JsonObject { ["type"] = "string" },
        ["description"] = description,
    };
}
