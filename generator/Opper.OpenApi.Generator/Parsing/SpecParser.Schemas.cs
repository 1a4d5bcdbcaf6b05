using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Json;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Parsing;

internal sealed partial class SpecParser
{
    private const string ComponentPrefix = "#/components/schemas/";

    private static readonly HashSet<string> AnnotationKeywords = new(StringComparer.Ordinal)
    {
        "title", "description", "default", "example", "examples", "readOnly", "writeOnly", "deprecated",
        "nullable", "externalDocs", "xml", "$comment", "$schema", "$id", "discriminator",
    };

    private static readonly HashSet<string> ObjectMemberNames = new(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
        "AdditionalProperties", "IsSet",
    };

    private readonly Dictionary<string, ComponentInfo> _components = new(StringComparer.Ordinal);
    private readonly List<ComponentInfo> _componentOrder = new();
    private readonly Dictionary<JsonObject, TypeRef> _inlineTypes = new(ReferenceComparer<JsonObject>.Instance);
    private readonly List<JsonObject> _inlineOrder = new();
    private readonly Queue<PendingType> _pending = new();
    private readonly Dictionary<string, ObjectModel> _objectModels = new(StringComparer.Ordinal);
    private Dictionary<string, ComponentInfo>? _componentsByTypeName;

    /// <summary>How far type creation had got: <see cref="Forget"/> undoes what came after.</summary>
    private readonly record struct TypeMark(int Pending, int Claimed, int Inline, int Diagnostics);

    private TypeMark Mark() => new(_pending.Count, _claimedNames.Count, _inlineOrder.Count, _diagnostics.Count);

    /// <summary>
    /// Forgets the named types created since <paramref name="mark"/> (and the name clashes they
    /// reported), for a schema whose type turned out not to be used, such as a structured
    /// parameter that is sent as a string: no unused types are generated for it.
    /// </summary>
    private void Forget(TypeMark mark)
    {
        var kept = _pending.Take(mark.Pending).ToList();
        _pending.Clear();
        foreach (var pending in kept)
        {
            _pending.Enqueue(pending);
        }

        for (var i = mark.Claimed; i < _claimedNames.Count; i++)
        {
            _typeNames.Remove(_claimedNames[i]);
        }

        _claimedNames.RemoveRange(mark.Claimed, _claimedNames.Count - mark.Claimed);
        for (var i = mark.Inline; i < _inlineOrder.Count; i++)
        {
            _inlineTypes.Remove(_inlineOrder[i]);
        }

        _inlineOrder.RemoveRange(mark.Inline, _inlineOrder.Count - mark.Inline);
        for (var i = _diagnostics.Count - 1; i >= mark.Diagnostics; i--)
        {
            if (_diagnostics[i].Descriptor == DiagnosticDescriptors.NameClash)
            {
                _diagnostics.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// Looks at a schema without resolving anything: is it a nullable wrapper around another
    /// schema (then <c>Core</c> is that schema), and does it need a generated type of its own?
    /// </summary>
    private (TypeKind? Named, JsonObject Core, bool Nullable) Classify(JsonObject schema)
    {
        var nullable = schema.GetBoolean("nullable") || TypeNames(schema).Contains("null")
            || (schema.GetArray("enum")?.Items.Any(i => i.Kind == JsonKind.Null) ?? false);

        if (schema.Has("$ref"))
        {
            return (null, schema, nullable);
        }

        var hasProperties = schema.GetObject("properties") is { Properties.Count: > 0 };
        var composition = schema.GetArray("anyOf") ?? schema.GetArray("oneOf");
        if (composition is not null && !hasProperties)
        {
            var members = composition.Items.OfType<JsonObject>().Where(m => !IsNullSchema(m)).ToList();
            nullable |= members.Count < composition.Items.Count;
            if (members.Count == 1 && !HasTypeOwnInfo(schema))
            {
                return (null, members[0], nullable);
            }

            if (members.Count > 1)
            {
                return (TypeKind.Union, schema, nullable);
            }
        }

        if (schema.GetArray("allOf") is { } allOf)
        {
            var parts = allOf.Items.OfType<JsonObject>().Where(p => !IsTrivial(p)).ToList();
            nullable |= parts.Any(IsNullSchema);
            parts.RemoveAll(IsNullSchema);
            if (parts.Count == 1 && !hasProperties)
            {
                return (null, parts[0], nullable);
            }

            if (parts.Count > 1 || (parts.Count == 1 && hasProperties))
            {
                return (TypeKind.Object, schema, nullable);
            }
        }

        var types = TypeNames(schema).Where(t => t != "null").ToList();
        if (schema.GetArray("enum") is { } values
            && values.Items.Any(v => v.Kind == JsonKind.String)
            && values.Items.All(v => v.Kind is JsonKind.String or JsonKind.Null)
            && (types.Count == 0 || (types.Count == 1 && types[0] == "string")))
        {
            return (TypeKind.Enum, schema, nullable);
        }

        if (hasProperties && (types.Count == 0 || types.Contains("object")))
        {
            return (TypeKind.Object, schema, nullable);
        }

        return (null, schema, nullable);
    }

    /// <summary><see cref="Classify"/>, looking through nullable wrappers (not through $refs).</summary>
    private (TypeKind? Named, JsonObject Core, bool Nullable) ClassifyDeep(JsonObject schema)
    {
        var nullable = false;
        for (var depth = 0; depth < 64; depth++)
        {
            var (named, core, coreNullable) = Classify(schema);
            nullable |= coreNullable;
            if (named is not null || ReferenceEquals(core, schema))
            {
                return (named, core, nullable);
            }

            schema = core;
        }

        return (null, schema, nullable);
    }

    // A schema object whose own keys add typing (so it is more than a wrapper around one member).
    private static bool HasTypeOwnInfo(JsonObject schema) =>
        schema.GetObject("properties") is { Properties.Count: > 0 } || schema.Has("items");

    private static bool IsNullSchema(JsonObject schema)
    {
        var types = TypeNames(schema);
        if (types.Count == 1 && types[0] == "null")
        {
            return true;
        }

        if (schema.GetArray("enum") is { Items.Count: > 0 } values && values.Items.All(v => v.Kind == JsonKind.Null))
        {
            return true;
        }

        return schema.GetBoolean("nullable") && schema.Properties.All(p => AnnotationKeywords.Contains(p.Name));
    }

    private static bool IsTrivial(JsonObject schema) =>
        !IsNullSchema(schema) && schema.Properties.All(p => AnnotationKeywords.Contains(p.Name));

    private static List<string> TypeNames(JsonObject schema)
    {
        var type = schema["type"];
        var result = new List<string>();
        if (type?.AsString() is { } single)
        {
            result.Add(single);
        }
        else if (type is JsonArray array)
        {
            result.AddRange(array.Items.Select(i => i.AsString()).Where(s => s is not null)!);
        }

        return result;
    }

    /// <summary>
    /// The C# type for a schema. Named types (objects, enums, unions) are created on first sight
    /// and remembered by node, so a schema reached twice gives one type.
    /// </summary>
    private TypeRef Resolve(JsonNode? node, string hint)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (node is not JsonObject schema)
        {
            return TypeRef.Any();
        }

        if (_inlineTypes.TryGetValue(schema, out var known))
        {
            return known;
        }

        if (schema.GetString("$ref") is { } reference)
        {
            var target = ResolveSchemaReference(schema, reference, hint);
            return target.WithNullable(target.Nullable || schema.GetBoolean("nullable"));
        }

        var (named, core, nullable) = Classify(schema);
        if (!ReferenceEquals(core, schema))
        {
            var inner = Resolve(core, hint);
            return inner.WithNullable(inner.Nullable || nullable);
        }

        if (named == TypeKind.Union && TryCollapseUnion(schema, out var collapsed))
        {
            return collapsed.WithNullable(collapsed.Nullable || nullable);
        }

        if (named is not null)
        {
            // Generators that inline every schema often also list the same schema as a component
            // of the very name it would get here (ChatRequestTool.function and ChatRequestToolFunction):
            // that is one type, not a clash.
            if (ComponentNamed(Naming.ToPascal(hint)) is { } twin && twin.Property.Value is JsonObject twinSchema
                && !ReferenceEquals(twinSchema, schema) && JsonNode.DeepEquals(twinSchema, schema))
            {
                var same = ResolveComponent(twin.Name);
                return same.WithNullable(same.Nullable || nullable);
            }

            var name = ClaimTypeName(Naming.ToPascal(hint), "Schema", hint, Span(schema));
            var type = new TypeRef(named.Value, false, name);
            _inlineTypes[schema] = type;
            _inlineOrder.Add(schema);
            _pending.Enqueue(new PendingType(named.Value, name, schema));
            return type.WithNullable(nullable);
        }

        return Structural(schema, hint, nullable);
    }

    /// <summary>The component whose generated type has this C# name, if any.</summary>
    private ComponentInfo? ComponentNamed(string typeName)
    {
        if (_componentsByTypeName is null)
        {
            _componentsByTypeName = new Dictionary<string, ComponentInfo>(StringComparer.Ordinal);
            foreach (var component in _componentOrder.Where(c => c.TypeName is not null))
            {
                _componentsByTypeName[component.TypeName!] = component;
            }
        }

        return _componentsByTypeName.TryGetValue(typeName, out var info) ? info : null;
    }

    private TypeRef ResolveSchemaReference(JsonObject schema, string reference, string hint)
    {
        if (reference.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            var name = Uri.UnescapeDataString(reference.Substring(ComponentPrefix.Length)).Replace("~1", "/").Replace("~0", "~");
            if (_components.ContainsKey(name))
            {
                return ResolveComponent(name);
            }
        }

        if (ResolvePointer(reference) is JsonObject target)
        {
            return Resolve(target, DefinitionName(reference) ?? hint);
        }

        Report(DiagnosticDescriptors.UnresolvedReference, Span(schema.GetProperty("$ref")!.Value), reference, "the value is typed as JToken");
        return TypeRef.Any();
    }

    /// <summary>
    /// The name a definitions map gives the schema a pointer reaches
    /// (<c>#/components/schemas/Canvas/$defs/Size</c> → <c>Size</c>), or null for other pointers.
    /// </summary>
    private static string? DefinitionName(string reference)
    {
        var tokens = Uri.UnescapeDataString(reference).Split('/');
        return tokens.Length >= 3 && tokens[tokens.Length - 2] is "$defs" or "definitions"
            ? tokens[tokens.Length - 1].Replace("~1", "/").Replace("~0", "~")
            : null;
    }

    // anyOf [integer, number] is a number; anyOf [string, string(date-time)] is a string.
    private bool TryCollapseUnion(JsonObject schema, out TypeRef type)
    {
        type = TypeRef.Any();
        var composition = schema.GetArray("anyOf") ?? schema.GetArray("oneOf");
        var members = composition!.Items.OfType<JsonObject>().Where(m => !IsNullSchema(m)).ToList();
        if (members.Any(m => m.Has("$ref") || m.Has("properties") || m.Has("enum") || m.Has("anyOf") || m.Has("oneOf") || m.Has("allOf")))
        {
            return false;
        }

        var kinds = members.Select(m => TypeNames(m).Where(t => t != "null").ToList()).ToList();
        if (kinds.Any(k => k.Count != 1))
        {
            return false;
        }

        var distinct = kinds.Select(k => k[0]).Distinct().ToList();
        if (distinct.Count == 1 && distinct[0] is "string" or "integer" or "number" or "boolean")
        {
            var formats = members.Select(m => m.GetString("format")).Distinct().ToList();
            type = formats.Count == 1 ? Structural(members[0], string.Empty, false) : Primitive(distinct[0], null);
            return true;
        }

        if (distinct.Count == 2 && distinct.Contains("integer") && distinct.Contains("number"))
        {
            type = new TypeRef(TypeKind.Double, false);
            return true;
        }

        return false;
    }

    private TypeRef Structural(JsonObject schema, string hint, bool nullable)
    {
        var types = TypeNames(schema).Where(t => t != "null").ToList();
        if (types.Count > 1)
        {
            return types.All(t => t is "integer" or "number") ? new TypeRef(TypeKind.Double, nullable) : TypeRef.Any();
        }

        var type = types.Count == 1 ? types[0] : InferType(schema);
        switch (type)
        {
            case null:
                return TypeRef.Any();
            case "array":
            {
                var element = Resolve(schema["items"], hint + "Item");
                return new TypeRef(TypeKind.List, nullable, Element: element);
            }

            case "object":
            {
                if (schema["additionalProperties"] is JsonObject values && values.Properties.Count > 0 && !IsTrivial(values))
                {
                    var element = Resolve(values, hint + "Value");
                    return new TypeRef(TypeKind.Dictionary, nullable, Element: element);
                }

                return new TypeRef(TypeKind.JsonObject, nullable);
            }

            case "string":
            case "integer":
            case "number":
            case "boolean":
                return Primitive(type, schema.GetString("format")).WithNullable(nullable);
            default:
                Report(DiagnosticDescriptors.Unsupported, Span(schema), $"The type '{type}'", "the value is typed as JToken");
                return TypeRef.Any();
        }
    }

    private static string? InferType(JsonObject schema)
    {
        if (schema.Has("items"))
        {
            return "array";
        }

        if (schema.Has("properties") || schema.Has("additionalProperties"))
        {
            return "object";
        }

        var sample = schema["const"] ?? schema.GetArray("enum")?.Items.FirstOrDefault(i => i.Kind != JsonKind.Null);
        return sample?.Kind switch
        {
            JsonKind.String => "string",
            JsonKind.Number => ((JsonNumber)sample).IsInteger ? "integer" : "number",
            JsonKind.True or JsonKind.False => "boolean",
            _ => null,
        };
    }

    private static TypeRef Primitive(string type, string? format) => type switch
    {
        "string" => format switch
        {
            "date-time" => new TypeRef(TypeKind.DateTimeOffset, false),
            "date" => new TypeRef(TypeKind.Date, false),
            _ => new TypeRef(TypeKind.String, false),
        },
        "integer" => format == "int32" ? new TypeRef(TypeKind.Int32, false) : new TypeRef(TypeKind.Int64, false),
        "number" => format == "decimal" ? new TypeRef(TypeKind.Decimal, false) : new TypeRef(TypeKind.Double, false),
        "boolean" => new TypeRef(TypeKind.Boolean, false),
        _ => TypeRef.Any(),
    };
}
