using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Emit;

/// <summary>C# type names, read expressions and write statements for <see cref="TypeRef"/>s.</summary>
internal static class TypeSyntax
{
    public static string CSharp(TypeRef type, EmitNames names)
    {
        var core = type.Kind switch
        {
            TypeKind.Any => EmitNames.JToken,
            TypeKind.JsonObject => EmitNames.JObject,
            TypeKind.String => "string",
            TypeKind.Int32 => "int",
            TypeKind.Int64 => "long",
            TypeKind.Double => "double",
            TypeKind.Decimal => "decimal",
            TypeKind.Boolean => "bool",
            TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
            TypeKind.Date => "global::System.DateTime",
            TypeKind.Object or TypeKind.Enum or TypeKind.Union => names.Model(type.Name!),
            TypeKind.List => $"{EmitNames.IList}<{CSharp(type.Element!, names)}>",
            TypeKind.Dictionary => $"{EmitNames.IDictionary}<string, {CSharp(type.Element!, names)}>",
            _ => EmitNames.JToken,
        };
        return type.Nullable ? core + "?" : core;
    }

    /// <summary>The concrete collection created for a list or dictionary.</summary>
    public static string NewCollection(TypeRef type, EmitNames names) => type.Kind == TypeKind.List
        ? $"new global::System.Collections.Generic.List<{CSharp(type.Element!, names)}>()"
        : $"new global::System.Collections.Generic.Dictionary<string, {CSharp(type.Element!, names)}>(global::System.StringComparer.Ordinal)";

    /// <summary>An expression that reads a value of <paramref name="type"/>; the reader stands on its first token.</summary>
    public static string Read(TypeRef type, EmitNames names, string reader, int depth = 0)
    {
        var nullable = type.Nullable ? "Nullable" : string.Empty;
        switch (type.Kind)
        {
            // Where null is not allowed (a response, an error body, a list item), JSON null is a JValue.
            case TypeKind.Any when !type.Nullable:
                return $"({names.Json}.ReadToken({reader}) ?? global::Newtonsoft.Json.Linq.JValue.CreateNull())";
            case TypeKind.Any:
                return $"{names.Json}.ReadToken({reader})";
            case TypeKind.JsonObject:
                return $"{names.Json}.Read{nullable}Object({reader})";
            case TypeKind.String:
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Double:
            case TypeKind.Decimal:
            case TypeKind.Boolean:
            case TypeKind.DateTimeOffset:
            case TypeKind.Date:
                return $"{names.Json}.Read{nullable}{type.Kind}({reader})";
            case TypeKind.Object:
            case TypeKind.Enum:
            case TypeKind.Union:
                return $"{names.Converter(type.Name!)}.Read{nullable}({reader})";
            case TypeKind.List:
            case TypeKind.Dictionary:
            {
                var r = "r" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var what = type.Kind == TypeKind.List ? "List" : "Dictionary";
                return $"{names.Json}.Read{nullable}{what}({reader}, static {r} => {Read(type.Element!, names, r, depth + 1)})";
            }

            default:
                return $"{names.Json}.ReadToken({reader})";
        }
    }

    /// <summary>A statement that writes <paramref name="value"/> of <paramref name="type"/>.</summary>
    public static string Write(TypeRef type, EmitNames names, string writer, string value, int depth = 0)
    {
        switch (type.Kind)
        {
            case TypeKind.Any:
            case TypeKind.JsonObject:
                return $"{names.Json}.WriteToken({writer}, {value})";
            case TypeKind.String:
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Decimal:
            case TypeKind.Boolean:
            case TypeKind.Double:
            case TypeKind.DateTimeOffset:
            case TypeKind.Date:
                return $"{names.Json}.Write{type.Kind}({writer}, {value})";
            case TypeKind.Object:
            case TypeKind.Enum:
            case TypeKind.Union:
                return $"{names.Converter(type.Name!)}.Write{(type.Nullable ? "Nullable" : string.Empty)}({writer}, {value})";
            case TypeKind.List:
            case TypeKind.Dictionary:
            {
                var w = "w" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var v = "v" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var what = type.Kind == TypeKind.List ? "List" : "Dictionary";
                return $"{names.Json}.Write{what}({writer}, {value}, static ({w}, {v}) => {Write(type.Element!, names, w, v, depth + 1)})";
            }

            default:
                return $"{names.Json}.WriteToken({writer}, {value})";
        }
    }

    /// <summary>A short human name of the JSON a type expects, for error messages.</summary>
    public static string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Union or TypeKind.Enum => type.Name!,
        TypeKind.List => "array",
        TypeKind.Dictionary or TypeKind.JsonObject => "object",
        _ => type.Kind.ToString(),
    };
}
