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

    private sealed class ComponentInfo
    {
        public ComponentInfo(string name, JsonProperty property, string preferredName)
        {
            Name = name;
            Property = property;
            PreferredName = preferredName;
        }

        public string Name { get; }

        /// <summary>The C# name the component asks for (see <see cref="PreferredComponentNames"/>).</summary>
        public string PreferredName { get; }

        public JsonProperty Property { get; }

        public string? TypeName { get; set; }

        public TypeRef? Resolved { get; set; }

        public bool InProgress { get; set; }
    }

    private sealed class PendingType
    {
        public PendingType(TypeKind kind, string name, JsonObject node)
        {
            Kind = kind;
            Name = name;
            Node = node;
        }

        public TypeKind Kind { get; }

        public string Name { get; }

        public JsonObject Node { get; }
    }

    private IEnumerable<ComponentInfo> ComponentSchemas() => _componentOrder;

    /// <summary>Components that become generated types claim their C# names first, in document order.</summary>
    private void ReserveComponentNames()
    {
        var schemas = _root.GetObject("components")?.GetObject("schemas");
        if (schemas is null)
        {
            return;
        }

        var preferred = PreferredComponentNames(schemas);
        foreach (var property in schemas.Properties)
        {
            var info = new ComponentInfo(property.Name, property, preferred[property.Name]);
            if (_components.ContainsKey(property.Name))
            {
                continue;
            }

            _components[property.Name] = info;
            _componentOrder.Add(info);
            if (property.Value is JsonObject schema && ClassifyDeep(schema).Named is not null)
            {
                info.TypeName = ClaimTypeName(info.PreferredName, "Schema", property.Name, Span(property));
            }
        }
    }

    /// <summary>
    /// The C# name each component would like: its name in PascalCase, without a FastAPI
    /// module-path prefix when the short name is unique among all components
    /// (<c>app__api__public__v2__functions__CallFunctionRequest</c> → <c>CallFunctionRequest</c>).
    /// </summary>
    private static Dictionary<string, string> PreferredComponentNames(JsonObject schemas)
    {
        var full = new Dictionary<string, string>(StringComparer.Ordinal);
        var shortNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var uses = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in schemas.Properties)
        {
            if (full.ContainsKey(property.Name))
            {
                continue;
            }

            var pascal = Naming.ToPascal(property.Name);
            full[property.Name] = pascal;
            var stripped = Naming.WithoutModulePath(property.Name);
            var candidate = stripped is null ? pascal : Naming.ToPascal(stripped);
            shortNames[property.Name] = candidate;
            uses[candidate] = uses.TryGetValue(candidate, out var count) ? count + 1 : 1;
        }

        var preferred = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in full)
        {
            var candidate = shortNames[pair.Key];
            preferred[pair.Key] = candidate != pair.Value && uses[candidate] > 1 ? pair.Value : candidate;
        }

        return preferred;
    }

    private TypeRef ResolveComponent(string name)
    {
        var info = _components[name];
        if (info.Resolved is not null)
        {
            return info.Resolved;
        }

        if (info.Property.Value is not JsonObject schema)
        {
            // `true`/`false`/other: any JSON.
            return info.Resolved = TypeRef.Any();
        }

        if (info.TypeName is not null)
        {
            var (named, core, nullable) = ClassifyDeep(schema);
            var type = new TypeRef(named!.Value, nullable, info.TypeName);
            info.Resolved = type;
            _inlineTypes[core] = type.WithNullable(false);
            _pending.Enqueue(new PendingType(named.Value, info.TypeName, core));
            return type;
        }

        if (info.InProgress)
        {
            Report(DiagnosticDescriptors.Unsupported, Span(info.Property), $"The schema '{name}' refers to itself without an object in between", "it is typed as JToken");
            return TypeRef.Any();
        }

        info.InProgress = true;
        var resolved = Resolve(schema, info.PreferredName);
        info.InProgress = false;
        return info.Resolved = resolved;
    }

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

    // ---------------------------------------------------------------- named types

    private void DrainPendingTypes()
    {
        while (_pending.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var pending = _pending.Dequeue();
            TypeModel model = pending.Kind switch
            {
                TypeKind.Object => BuildObject(pending),
                TypeKind.Enum => BuildEnum(pending),
                _ => BuildUnion(pending),
            };
            _types.Add(model);
            if (model is ObjectModel objectModel)
            {
                _objectModels[objectModel.Name] = objectModel;
            }
        }
    }

    /// <summary>
    /// The schema's <c>description</c>, else its <c>title</c> when that says more than the name
    /// (<c>title: "Start Time"</c> on <c>start_time</c>, as pydantic writes it, says nothing).
    /// </summary>
    private static string? Doc(JsonObject? schema, string name)
    {
        if (schema is null)
        {
            return null;
        }

        if (schema.GetString("description") is { } description && !string.IsNullOrWhiteSpace(description))
        {
            return description;
        }

        var title = schema.GetString("title");
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var letters = LettersAndDigits(title!);
        return letters.Length == 0 || LettersAndDigits(name).IndexOf(letters, StringComparison.Ordinal) >= 0 ? null : title;
    }

    private static string LettersAndDigits(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private ObjectModel BuildObject(PendingType pending)
    {
        var properties = new List<KeyValuePair<string, JsonProperty>>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        JsonObject? additional = null;
        CollectProperties(pending.Node, properties, positions, required, ref additional, new HashSet<JsonObject>(ReferenceComparer<JsonObject>.Instance));

        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        var models = new List<PropertyModel>();
        foreach (var pair in properties)
        {
            var jsonName = pair.Key;
            var propertySchema = pair.Value.Value as JsonObject;
            var wanted = Naming.ToPascal(jsonName);
            if (wanted.Length == 0)
            {
                wanted = "Property";
            }

            if (wanted == pending.Name || ObjectMemberNames.Contains(wanted))
            {
                wanted += "Value";
            }

            var name = UniqueMember(wanted, memberNames, "Property", $"{pending.Name}.{jsonName}", Span(pair.Value));
            var type = Resolve(pair.Value.Value, pending.Name + Naming.ToPascal(jsonName));
            var isRequired = required.Contains(jsonName);
            var access = Flag(propertySchema, "readOnly") ? PropertyAccess.ReadOnly
                : Flag(propertySchema, "writeOnly") ? PropertyAccess.WriteOnly
                : PropertyAccess.ReadWrite;
            var defaultLiteral = DefaultLiteral(propertySchema, type);

            // A required write-only property (a password) is not in responses: it may be null there.
            var alwaysPresent = isRequired && access != PropertyAccess.WriteOnly;
            var nullable = type.Kind == TypeKind.Any || type.Nullable || (!alwaysPresent && defaultLiteral is null);
            models.Add(new PropertyModel(
                jsonName,
                name,
                type.WithNullable(nullable),
                isRequired,
                Doc(propertySchema, jsonName) ?? DocOfReference(propertySchema),
                defaultLiteral,
                propertySchema?.GetBoolean("deprecated") == true,
                access));
        }

        TypeRef? additionalValues = null;
        if (additional is not null)
        {
            additionalValues = Resolve(additional, pending.Name + "Value");
        }

        return new ObjectModel(pending.Name, Doc(pending.Node, pending.Name), pending.Node.GetBoolean("deprecated"), models.ToEquatableArray(), additionalValues);
    }

    /// <summary>A boolean keyword of a property's schema, or of the schema it refers to.</summary>
    private bool Flag(JsonObject? schema, string keyword)
    {
        for (var depth = 0; schema is not null && depth < 8; depth++)
        {
            if (schema.GetBoolean(keyword))
            {
                return true;
            }

            var reference = schema.GetString("$ref")
                ?? (schema.GetArray("allOf") is { Items.Count: 1 } allOf ? (allOf.Items[0] as JsonObject)?.GetString("$ref") : null);
            schema = reference is null ? null : ResolvePointer(reference) as JsonObject;
        }

        return false;
    }

    private string? DocOfReference(JsonObject? schema)
    {
        if (schema?.GetString("$ref") is { } reference && ResolvePointer(reference) is JsonObject target)
        {
            return target.GetString("description");
        }

        return null;
    }

    /// <summary>Gathers properties and required names, merging <c>allOf</c> parts (later parts win).</summary>
    private void CollectProperties(
        JsonObject schema,
        List<KeyValuePair<string, JsonProperty>> properties,
        Dictionary<string, int> positions,
        HashSet<string> required,
        ref JsonObject? additional,
        HashSet<JsonObject> visiting)
    {
        if (!visiting.Add(schema))
        {
            return;
        }

        if (schema.GetString("$ref") is { } reference)
        {
            if (ResolvePointer(reference) is JsonObject target)
            {
                CollectProperties(target, properties, positions, required, ref additional, visiting);
            }
            else
            {
                Report(DiagnosticDescriptors.UnresolvedReference, Span(schema.GetProperty("$ref")!.Value), reference, "its properties are left out");
            }

            return;
        }

        var (_, core, _) = Classify(schema);
        if (!ReferenceEquals(core, schema))
        {
            CollectProperties(core, properties, positions, required, ref additional, visiting);
            return;
        }

        if (schema.GetArray("allOf") is { } allOf)
        {
            foreach (var part in allOf.Items.OfType<JsonObject>())
            {
                CollectProperties(part, properties, positions, required, ref additional, visiting);
            }
        }

        if (schema.GetObject("properties") is { } own)
        {
            foreach (var property in own.Properties)
            {
                var pair = new KeyValuePair<string, JsonProperty>(property.Name, property);
                if (positions.TryGetValue(property.Name, out var index))
                {
                    properties[index] = pair;
                }
                else
                {
                    positions[property.Name] = properties.Count;
                    properties.Add(pair);
                }
            }
        }

        if (schema.GetArray("required") is { } names)
        {
            foreach (var name in names.Items)
            {
                if (name.AsString() is { } text)
                {
                    required.Add(text);
                }
            }
        }

        if (schema["additionalProperties"] is JsonObject values && values.Properties.Count > 0 && !IsTrivial(values))
        {
            additional = values;
        }
    }

    private string UniqueMember(string wanted, HashSet<string> taken, string what, string specName, LocationInfo location)
    {
        if (taken.Add(wanted))
        {
            return wanted;
        }

        for (var i = 2; ; i++)
        {
            var candidate = Naming.WithSuffix(wanted, i);
            if (taken.Add(candidate))
            {
                Report(DiagnosticDescriptors.NameClash, location, what, specName, wanted, candidate);
                return candidate;
            }
        }
    }

    /// <summary>A C# literal for the schema's <c>default</c>, when it fits the property's type.</summary>
    private static string? DefaultLiteral(JsonObject? schema, TypeRef type)
    {
        var value = schema?["default"];
        if (value is null || value.Kind == JsonKind.Null)
        {
            return null;
        }

        switch (type.Kind)
        {
            case TypeKind.String when value is JsonString text:
                return Naming.Literal(text.Value);
            case TypeKind.Enum when value is JsonString text:
                return Naming.Literal(text.Value); // the emitter wraps it in the enum's constructor
            case TypeKind.Int32 when value is JsonNumber number && number.IsInteger && int.TryParse(number.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                return number.Raw;
            case TypeKind.Int64 when value is JsonNumber number && number.IsInteger && long.TryParse(number.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                return number.Raw + "L";
            case TypeKind.Double when value is JsonNumber number && double.TryParse(number.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d):
                return number.Raw + "d";
            case TypeKind.Decimal when value is JsonNumber number && decimal.TryParse(number.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                return number.Raw + "m";
            case TypeKind.Boolean when value.Kind is JsonKind.True or JsonKind.False:
                return value.Kind == JsonKind.True ? "true" : "false";
            default:
                return null;
        }
    }

    private EnumModel BuildEnum(PendingType pending)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var values = new List<EnumValueModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in pending.Node.GetArray("enum")!.Items)
        {
            if (item is not JsonString text || !seen.Add(text.Value))
            {
                continue;
            }

            var wanted = EnumMemberName(text.Value);
            if (wanted == pending.Name || wanted == "Value" || ObjectMemberNames.Contains(wanted) || wanted == "IsKnown" || wanted == "KnownValues")
            {
                wanted += "Value";
            }

            var name = UniqueMember(wanted, taken, "Enum value", $"{pending.Name}: \"{text.Value}\"", Span(text));
            values.Add(new EnumValueModel(name, text.Value));
        }

        return new EnumModel(pending.Name, Doc(pending.Node, pending.Name), pending.Node.GetBoolean("deprecated"), values.ToEquatableArray());
    }

    /// <summary>
    /// The member name of an enum value: PascalCase of its words (see <see cref="Naming.ToPascal(string)"/>),
    /// with <c>Value</c> before a leading number (<c>1.5</c> → <c>Value1_5</c>, but <c>+1</c> →
    /// <c>Plus1</c>); a value without letters or digits is <c>Empty</c> or <c>Value</c>.
    /// </summary>
    private static string EnumMemberName(string value)
    {
        var name = Naming.ToPascal(value);
        if (name.Length == 0)
        {
            return value.Length == 0 ? "Empty" : "Value";
        }

        return name[0] == '_' ? "Value" + name.Substring(1) : name;
    }

    private UnionModel BuildUnion(PendingType pending)
    {
        var composition = pending.Node.GetArray("anyOf") ?? pending.Node.GetArray("oneOf");
        var discriminator = pending.Node.GetObject("discriminator");
        var discriminatorProperty = discriminator?.GetString("propertyName");
        var members = new List<UnionMemberModel>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var member in composition!.Items.OfType<JsonObject>())
        {
            if (IsNullSchema(member))
            {
                continue;
            }

            index++;
            var isArray = TypeNames(member).Contains("array") || member.Has("items");
            // An inline member is named by its title when it has one (Shape + Circle), else by position.
            var title = Naming.ToPascal(member.GetString("title") ?? string.Empty);
            var hint = isArray ? pending.Name
                : title.Length > 0 && pending.Name.IndexOf(title, StringComparison.Ordinal) < 0 ? pending.Name + title
                : pending.Name + "Option" + index.ToString(CultureInfo.InvariantCulture);
            var type = Resolve(member, hint).WithNullable(false);
            var wanted = MemberName(type);
            if (wanted == pending.Name || wanted == "Json")
            {
                wanted += "Value";
            }

            var name = UniqueMember(wanted, taken, "Union member", $"{pending.Name}[{index - 1}]", Span(member));
            var values = discriminatorProperty is null ? EquatableArray<string>.Empty : DiscriminatorValues(discriminator!, member);
            members.Add(new UnionMemberModel(name, type, ShapeOf(type), values));
        }

        return new UnionModel(pending.Name, Doc(pending.Node, pending.Name), pending.Node.GetBoolean("deprecated"), members.ToEquatableArray(), discriminatorProperty);
    }

    /// <summary>
    /// The discriminator values that select a <c>$ref</c> member: the <c>mapping</c> keys that point
    /// at it (by reference or by schema name), else the schema's name, as OpenAPI defines.
    /// </summary>
    private static EquatableArray<string> DiscriminatorValues(JsonObject discriminator, JsonObject member)
    {
        if (member.GetString("$ref") is not { } reference)
        {
            return EquatableArray<string>.Empty;
        }

        var schemaName = reference.StartsWith(ComponentPrefix, StringComparison.Ordinal)
            ? Uri.UnescapeDataString(reference.Substring(ComponentPrefix.Length)).Replace("~1", "/").Replace("~0", "~")
            : null;
        var mapped = (discriminator.GetObject("mapping")?.Properties ?? Array.Empty<JsonProperty>())
            .Where(p => p.Value.AsString() is { } target && (target == reference || target == schemaName))
            .Select(p => p.Name)
            .ToList();
        if (mapped.Count == 0 && schemaName is not null)
        {
            mapped.Add(schemaName);
        }

        return mapped.ToEquatableArray();
    }

    private static string MemberName(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => type.Name!,
        TypeKind.JsonObject => "Object",
        TypeKind.Dictionary => "Dictionary",
        TypeKind.List => "List",
        TypeKind.Any => "Json",
        _ => type.Kind.ToString(),
    };

    private static JsonShape ShapeOf(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.JsonObject or TypeKind.Dictionary => JsonShape.Object,
        TypeKind.List => JsonShape.Array,
        TypeKind.String or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Enum => JsonShape.String,
        TypeKind.Int32 or TypeKind.Int64 => JsonShape.Integer,
        TypeKind.Double or TypeKind.Decimal => JsonShape.Number,
        TypeKind.Boolean => JsonShape.Boolean,
        _ => JsonShape.Any,
    };
}
