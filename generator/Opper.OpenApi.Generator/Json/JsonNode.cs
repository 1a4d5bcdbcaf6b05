using System.Collections.Generic;

namespace Opper.OpenApi.Generator.Json;

/// <summary>The kind of a JSON value.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A JSON value that remembers where it stands in the document text, so that diagnostics can
/// point at the offending line of the spec. The generator's own reader: it needs no JSON library
/// at generation time and never loses a position.
/// </summary>
internal abstract class JsonNode
{
    protected JsonNode(JsonKind kind, int start, int end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    public JsonKind Kind { get; }

    /// <summary>Offset of the first character of the value in the document.</summary>
    public int Start { get; }

    /// <summary>Offset just past the last character of the value.</summary>
    public int End { get; }

    public JsonObject? AsObject() => this as JsonObject;

    public JsonArray? AsArray() => this as JsonArray;

    public string? AsString() => (this as JsonString)?.Value;

    public bool? AsBoolean() => Kind switch
    {
        JsonKind.True => true,
        JsonKind.False => false,
        _ => null,
    };

    /// <summary>Whether two values are the same JSON (property order aside; numbers as written).</summary>
    public static bool DeepEquals(JsonNode a, JsonNode b, int depth = 0)
    {
        if (a.Kind != b.Kind || depth > 512)
        {
            return false;
        }

        switch (a)
        {
            case JsonObject x:
            {
                var y = (JsonObject)b;
                if (x.Properties.Count != y.Properties.Count)
                {
                    return false;
                }

                foreach (var property in x.Properties)
                {
                    if (y[property.Name] is not { } other || !DeepEquals(property.Value, other, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            }

            case JsonArray x:
            {
                var y = (JsonArray)b;
                if (x.Items.Count != y.Items.Count)
                {
                    return false;
                }

                for (var i = 0; i < x.Items.Count; i++)
                {
                    if (!DeepEquals(x.Items[i], y.Items[i], depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            }

            case JsonString x:
                return x.Value == ((JsonString)b).Value;
            case JsonNumber x:
                return x.Raw == ((JsonNumber)b).Raw;
            default:
                return true;
        }
    }
}

internal sealed class JsonObject : JsonNode
{
    private readonly Dictionary<string, JsonProperty> _byName;

    public JsonObject(List<JsonProperty> properties, int start, int end)
        : base(JsonKind.Object, start, end)
    {
        Properties = properties;
        _byName = new Dictionary<string, JsonProperty>(properties.Count, System.StringComparer.Ordinal);
        foreach (var property in properties)
        {
            // As in most JSON readers, the last of duplicate names wins.
            _byName[property.Name] = property;
        }
    }

    /// <summary>The properties in document order.</summary>
    public IReadOnlyList<JsonProperty> Properties { get; }

    public JsonNode? this[string name] => _byName.TryGetValue(name, out var property) ? property.Value : null;

    public JsonProperty? GetProperty(string name) => _byName.TryGetValue(name, out var property) ? property : null;

    public bool Has(string name) => _byName.ContainsKey(name);

    public string? GetString(string name) => this[name]?.AsString();

    public bool GetBoolean(string name) => this[name]?.AsBoolean() == true;

    public JsonObject? GetObject(string name) => this[name]?.AsObject();

    public JsonArray? GetArray(string name) => this[name]?.AsArray();
}

internal sealed class JsonProperty
{
    public JsonProperty(string name, int nameStart, int nameEnd, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameEnd { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(List<JsonNode> items, int start, int end)
        : base(JsonKind.Array, start, end)
    {
        Items = items;
    }

    public IReadOnlyList<JsonNode> Items { get; }
}

internal sealed class JsonString : JsonNode
{
    public JsonString(string value, int start, int end)
        : base(JsonKind.String, start, end)
    {
        Value = value;
    }

    public string Value { get; }
}

internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(string raw, int start, int end)
        : base(JsonKind.Number, start, end)
    {
        Raw = raw;
    }

    /// <summary>The number exactly as written.</summary>
    public string Raw { get; }

    public bool IsInteger => Raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
}

internal sealed class JsonLiteral : JsonNode
{
    public JsonLiteral(JsonKind kind, int start, int end)
        : base(kind, start, end)
    {
    }
}
