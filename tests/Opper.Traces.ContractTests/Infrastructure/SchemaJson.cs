using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.ContractTests.Infrastructure;

internal enum SchemaKind
{
    FreeForm,
    Object,
    Array,
    DateTime,
    Integer,
    Number,
    String,
    Boolean,
}

/// <summary>A schema with <c>$ref</c> and OpenAPI 3.1's <c>anyOf [X, null]</c> resolved.</summary>
internal sealed record ResolvedSchema(SchemaKind Kind, JObject? Schema, string? Component, bool Nullable)
{
    public static ResolvedSchema Of(JToken? schema)
    {
        if (schema is not JObject node)
        {
            return new ResolvedSchema(SchemaKind.FreeForm, null, null, true);
        }

        if (OpenApiDocument.ComponentName(node) is { } component)
        {
            return Of(OpenApiDocument.Component(component)) with { Component = component };
        }

        if ((node["anyOf"] ?? node["oneOf"]) is JArray alternatives)
        {
            var nonNull = alternatives.Where(a => (string?)a["type"] != "null").ToList();
            var nullable = nonNull.Count < alternatives.Count;
            return nonNull.Count == 1
                ? Of(nonNull[0]) with { Nullable = nullable }
                : new ResolvedSchema(SchemaKind.FreeForm, node, null, nullable); // a real union (TModel)
        }

        var kind = (string?)node["type"] switch
        {
            "object" when node["properties"] is JObject => SchemaKind.Object,
            "array" => SchemaKind.Array,
            "string" when (string?)node["format"] == "date-time" => SchemaKind.DateTime,
            "string" => SchemaKind.String,
            "integer" => SchemaKind.Integer,
            "number" => SchemaKind.Number,
            "boolean" => SchemaKind.Boolean,
            _ => SchemaKind.FreeForm, // {} and {"type": "object", "additionalProperties": true}
        };
        return new ResolvedSchema(kind, node, null, false);
    }

    public JObject Properties => Schema?["properties"] as JObject ?? new JObject();

    public ISet<string> Required => new HashSet<string>((Schema?["required"] as JArray ?? new JArray()).Values<string>().OfType<string>(), StringComparer.Ordinal);

    public JToken? Items => Schema?["items"];

    public string? Format => (string?)Schema?["format"];
}

/// <summary>How two JSON bodies are made comparable.</summary>
internal sealed record NormalizeOptions
{
    /// <summary>Leave out properties whose value is <c>null</c> (NSwag cannot tell null from absent).</summary>
    public bool DropNulls { get; init; }

    /// <summary>Leave out properties equal to the schema's <c>default</c> (NSwag fills defaults in).</summary>
    public bool DropDefaults { get; init; }

    /// <summary>Timestamps as UTC instants, typed numbers by value, properties sorted.</summary>
    public bool Canonical { get; init; } = true;

    /// <summary><c>Component.property</c> entries to leave out.</summary>
    public IReadOnlySet<string> Excluded { get; init; } = new HashSet<string>();

    public static readonly NormalizeOptions Exact = new();

    public static readonly NormalizeOptions NSwagComparable = new() { DropNulls = true, DropDefaults = true, Excluded = KnownDifferences.UnrepresentableInNSwag };
}

/// <summary>Walks JSON along its schema.</summary>
internal static class SchemaJson
{
    public static JToken? Normalize(JToken? value, JToken? schema, NormalizeOptions options) =>
        Normalize(value, ResolvedSchema.Of(schema), options);

    private static JToken? Normalize(JToken? value, ResolvedSchema schema, NormalizeOptions options)
    {
        if (value is null || value.Type == JTokenType.Null)
        {
            return value is null ? null : JValue.CreateNull();
        }

        switch (schema.Kind)
        {
            case SchemaKind.Object when value is JObject obj:
            {
                var properties = schema.Properties;
                var result = new JObject();
                var names = obj.Properties().Select(p => p.Name);
                foreach (var name in options.Canonical ? names.OrderBy(n => n, StringComparer.Ordinal) : names)
                {
                    if (schema.Component is not null && options.Excluded.Contains(schema.Component + "." + name))
                    {
                        continue;
                    }

                    var propertySchema = ResolvedSchema.Of(properties[name]);
                    var normalized = Normalize(obj[name], propertySchema, options);
                    if (options.DropNulls && (normalized is null || normalized.Type == JTokenType.Null))
                    {
                        continue;
                    }

                    if (options.DropDefaults && properties[name]?["default"] is { } defaultValue
                        && JToken.DeepEquals(normalized, Normalize(defaultValue, propertySchema, options)))
                    {
                        continue;
                    }

                    result.Add(name, normalized);
                }

                return result;
            }

            case SchemaKind.Array when value is JArray array:
            {
                var items = ResolvedSchema.Of(schema.Items);
                return new JArray(array.Select(item => Normalize(item, items, options) ?? JValue.CreateNull()));
            }

            case SchemaKind.DateTime when options.Canonical && value.Type == JTokenType.String:
                return DateTimeOffset.TryParse((string)value!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                    ? new JValue(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture))
                    : value.DeepClone();

            case SchemaKind.Integer or SchemaKind.Number when options.Canonical && value.Type is JTokenType.Integer or JTokenType.Float:
            {
                if (((JValue)value).Value is System.Numerics.BigInteger)
                {
                    return value.DeepClone();
                }

                var number = value.Value<double>();
                return number == Math.Floor(number) && Math.Abs(number) < 9e15 ? new JValue((long)number) : new JValue(number);
            }

            default:
                return value.DeepClone(); // free-form JSON and strings compare exactly
        }
    }
}
