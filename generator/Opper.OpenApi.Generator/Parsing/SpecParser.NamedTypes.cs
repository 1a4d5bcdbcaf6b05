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
    // Named types: objects, enums and unions built from the schemas that claimed a name.

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
