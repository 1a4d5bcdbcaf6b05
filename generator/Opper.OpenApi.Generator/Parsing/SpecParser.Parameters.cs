using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Json;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Parsing;

/// <summary>Operation parameters: their types, styles and names, and the path template they fill.</summary>
internal sealed partial class SpecParser
{
    private static readonly HashSet<string> IgnoredHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Content-Type", "Authorization",
    };

    private void ReadParameters(OperationDraft draft, JsonObject pathItem, JsonObject operation, string hint)
    {
        var merged = new List<JsonObject>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in new[] { pathItem.GetArray("parameters"), operation.GetArray("parameters") })
        {
            if (list is null)
            {
                continue;
            }

            foreach (var item in list.Items.OfType<JsonObject>())
            {
                if (Deref(item) is not { } parameter || parameter.GetString("name") is not { } name)
                {
                    continue;
                }

                var key = (parameter.GetString("in") ?? string.Empty) + ":" + name;
                if (positions.TryGetValue(key, out var index))
                {
                    merged[index] = parameter;
                }
                else
                {
                    positions[key] = merged.Count;
                    merged.Add(parameter);
                }
            }
        }

        var taken = new HashSet<string>(StringComparer.Ordinal) { "body", "cancellationToken", "pageSize" };
        foreach (var parameter in merged)
        {
            var wireName = parameter.GetString("name")!;
            var location = parameter.GetString("in");
            ParameterLocation where;
            switch (location)
            {
                case "path":
                    where = ParameterLocation.Path;
                    break;
                case "query":
                    where = ParameterLocation.Query;
                    break;
                case "header" when IgnoredHeaders.Contains(wireName):
                    continue;
                case "header":
                    where = ParameterLocation.Header;
                    break;
                default:
                    Report(DiagnosticDescriptors.Unsupported, Span(parameter), $"The {location ?? "unplaced"} parameter '{wireName}'", "it is left out of the method");
                    continue;
            }

            // A parameter described by "content" is sent in that media type: an object is not styled.
            var styled = parameter["schema"] is not null;
            var schema = parameter["schema"] ?? (parameter.GetObject("content")?.Properties.FirstOrDefault()?.Value as JsonObject)?["schema"];
            var mark = Mark();
            var type = Resolve(schema, hint + Naming.ToPascal(wireName));
            if (!IsSimple(type) && !(styled && IsObjectParameter(type)))
            {
                Forget(mark);

                // Any JSON, or one of several scalars (anyOf [integer, string]), is naturally a string
                // in a URL or header; a list of objects or a union of shapes is not, and is reported.
                if (type.Kind != TypeKind.Any && !IsScalarUnion(schema as JsonObject))
                {
                    Report(DiagnosticDescriptors.Unsupported, Span(parameter), $"The {location} parameter '{wireName}' of a structured type", "it is passed as a string");
                }

                type = new TypeRef(TypeKind.String, type.Nullable);
            }

            var required = where == ParameterLocation.Path || parameter.GetBoolean("required");
            var (style, explode) = ReadStyle(parameter, where, type, wireName);
            var wanted = Naming.ToCamel(wireName);
            if (wanted.Length == 0)
            {
                wanted = "parameter";
            }

            if (taken.Contains(wanted))
            {
                wanted += Naming.ToPascal(location ?? string.Empty);
            }

            var name = UniqueMember(wanted, taken, "Parameter", $"{draft.OperationId}: {wireName}", Span(parameter));
            draft.Parameters.Add(new ParameterModel(
                name,
                wireName,
                where,
                type.WithNullable(!required || type.Nullable),
                required,
                style,
                explode,
                parameter.GetString("description") ?? Doc(schema as JsonObject, wireName)));
        }
    }

    /// <summary>
    /// The parameter's <c>style</c> and <c>explode</c>, with the specification's defaults (<c>simple</c>
    /// in paths and headers, <c>form</c> in queries; <c>explode</c> only for <c>form</c>). A style the
    /// location does not allow is reported and the default used.
    /// </summary>
    private (ParameterStyle Style, bool Explode) ReadStyle(JsonObject parameter, ParameterLocation where, TypeRef type, string wireName)
    {
        var fallback = where == ParameterLocation.Query ? ParameterStyle.Form : ParameterStyle.Simple;
        var name = parameter.GetString("style");
        ParameterStyle? style = name switch
        {
            null => fallback,
            "simple" when where != ParameterLocation.Query => ParameterStyle.Simple,
            "label" when where == ParameterLocation.Path => ParameterStyle.Label,
            "matrix" when where == ParameterLocation.Path => ParameterStyle.Matrix,
            "form" when where == ParameterLocation.Query => ParameterStyle.Form,
            "spaceDelimited" when where == ParameterLocation.Query && (type.Kind == TypeKind.List || IsObjectParameter(type)) => ParameterStyle.SpaceDelimited,
            "pipeDelimited" when where == ParameterLocation.Query && (type.Kind == TypeKind.List || IsObjectParameter(type)) => ParameterStyle.PipeDelimited,
            "deepObject" when where == ParameterLocation.Query && IsObjectParameter(type) => ParameterStyle.DeepObject,
            // The specification defines no spelling for these shapes (a scalar, or Stripe's deepObject
            // lists): they are sent as form parameters, as most servers expect.
            "spaceDelimited" or "pipeDelimited" or "deepObject" when where == ParameterLocation.Query => ParameterStyle.Form,
            _ => null,
        };

        if (style is null)
        {
            var at = parameter.GetProperty("style");
            Report(
                DiagnosticDescriptors.Unsupported,
                at is null ? Span(parameter) : Span(at.Value),
                $"The style '{name}' of the {where.ToString().ToLowerInvariant()} parameter '{wireName}'",
                $"the default style ({fallback.ToString().ToLowerInvariant()}) is used");
            style = fallback;
        }

        var explode = parameter["explode"]?.AsBoolean() ?? style == ParameterStyle.Form;
        return (style.Value, explode);
    }

    /// <summary>An object sent as its top-level properties: a generated class, a map of scalars, or free-form JSON.</summary>
    private static bool IsObjectParameter(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.JsonObject => true,
        TypeKind.Dictionary => type.Element is { } element && IsSimple(element),
        _ => false,
    };

    /// <summary>Whether a <c>oneOf</c>/<c>anyOf</c> schema only allows strings, numbers, booleans and null.</summary>
    private bool IsScalarUnion(JsonObject? schema)
    {
        var members = schema is null ? null : (schema.GetArray("anyOf") ?? schema.GetArray("oneOf"));
        if (members is null)
        {
            return false;
        }

        foreach (var item in members.Items)
        {
            var member = item as JsonObject;
            for (var depth = 0; member?.GetString("$ref") is { } reference && depth < 16; depth++)
            {
                member = ResolvePointer(reference) as JsonObject;
            }

            if (member is null || member.Has("properties") || member.Has("items"))
            {
                return false;
            }

            var types = TypeNames(member);
            var scalar = types.Count > 0
                ? types.All(t => t is "string" or "integer" or "number" or "boolean" or "null")
                : member.Has("enum") || member.Has("const");
            if (!scalar)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSimple(TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Decimal or TypeKind.Boolean
            or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Enum => true,
        TypeKind.List => type.Element is { } element && element.Kind != TypeKind.List && IsSimple(element),
        _ => false,
    };

    private void ReadPath(OperationDraft draft, string path)
    {
        var position = 0;
        foreach (Match match in Regex.Matches(path, @"\{([^}]*)\}"))
        {
            if (match.Index > position)
            {
                draft.PathParts.Add(new PathPart(path.Substring(position, match.Index - position), null));
            }

            var wireName = match.Groups[1].Value;
            var parameter = draft.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.WireName == wireName);
            if (parameter is null)
            {
                Report(DiagnosticDescriptors.Unsupported, draft.Location, $"The path parameter '{wireName}' without a definition", "it is taken as a required string");
                var taken = new HashSet<string>(draft.Parameters.Select(p => p.Name), StringComparer.Ordinal) { "body", "cancellationToken", "pageSize" };
                var name = UniqueMember(Naming.ToCamel(wireName).Length > 0 ? Naming.ToCamel(wireName) : "parameter", taken, "Parameter", wireName, draft.Location);
                parameter = new ParameterModel(name, wireName, ParameterLocation.Path, new TypeRef(TypeKind.String, false), true, ParameterStyle.Simple, false, null);
                draft.Parameters.Add(parameter);
            }

            draft.PathParts.Add(new PathPart(null, parameter.Name));
            position = match.Index + match.Length;
        }

        if (position < path.Length)
        {
            draft.PathParts.Add(new PathPart(path.Substring(position), null));
        }

        // Path parameters the template does not use would never be sent: drop them.
        var used = new HashSet<string>(draft.PathParts.Where(p => p.Parameter is not null).Select(p => p.Parameter!), StringComparer.Ordinal);
        draft.Parameters.RemoveAll(p => p.In == ParameterLocation.Path && !used.Contains(p.Name));
    }
}
