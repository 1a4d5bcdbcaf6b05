using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Emit;

/// <summary>
/// Emits how an operation's path, query and header parameters go into the request: scalars
/// formatted invariantly, arrays and objects through the runtime's <c>ParameterStyles</c> in
/// their <c>style</c>/<c>explode</c>.
/// </summary>
internal static class ParameterEmitter
{
    public static void EmitPathParameter(SourceWriter writer, ParameterModel parameter, EmitNames names)
    {
        var name = Naming.EscapeKeyword(parameter.Name);
        var styles = names.Runtime("ParameterStyles");
        var style = $"{names.Runtime("ParameterStyle")}.{parameter.Style}";
        if (parameter.Type.Kind == TypeKind.List || parameter.IsObject)
        {
            writer.Line($"__request.AppendPath({styles}.Path({Naming.Literal(parameter.WireName)}, {style}, {Bool(parameter.Explode)}, {Shape(parameter, name, names)}));");
        }
        else if (parameter.Style == ParameterStyle.Simple)
        {
            writer.Line($"__request.AppendPathParameter({FormatScalar(parameter.Type, name, names)}, nameof({name}));");
        }
        else
        {
            writer.Line($"__request.AppendPath({styles}.Path({Naming.Literal(parameter.WireName)}, {style}, {FormatScalar(parameter.Type, name, names)}));");
        }
    }

    /// <summary>A query or header parameter; left out of the request when null.</summary>
    public static void EmitQueryOrHeader(SourceWriter writer, ParameterModel parameter, EmitNames names)
    {
        var name = Naming.EscapeKeyword(parameter.Name);
        var wire = Naming.Literal(parameter.WireName);
        if (parameter.Type.Kind != TypeKind.List && !parameter.IsObject)
        {
            var method = parameter.In == ParameterLocation.Query ? "AddQuery" : "AddHeader";
            writer.Line($"__request.{method}({wire}, {FormatScalar(parameter.Type, name, names)});");
            return;
        }

        var styles = names.Runtime("ParameterStyles");
        var shape = Shape(parameter, name, names);
        var send = parameter.In == ParameterLocation.Query
            ? $"{styles}.Query(__request, {wire}, {names.Runtime("ParameterStyle")}.{parameter.Style}, {Bool(parameter.Explode)}, {shape});"
            : parameter.IsObject
                ? $"__request.AddHeader({wire}, {styles}.Header({Bool(parameter.Explode)}, {shape}));"
                : $"__request.AddHeader({wire}, {styles}.Header({shape}));";
        if (parameter.Type.Nullable)
        {
            writer.Open($"if ({name} is not null)");
            writer.Line(send);
            writer.Close();
        }
        else
        {
            writer.Line(send);
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A list parameter as its items' strings, an object one as its properties' name/value strings.</summary>
    private static string Shape(ParameterModel parameter, string name, EmitNames names)
    {
        var styles = names.Runtime("ParameterStyles");
        var type = parameter.Type.WithNullable(false);
        return type.Kind == TypeKind.List
            ? $"{styles}.Items({name}, static v => {FormatScalar(type.Element!, "v", names)})"
            : $"{styles}.Pairs({name}, static (writer, v) => {TypeSyntax.Write(type, names, "writer", "v")})";
    }

    /// <summary>The string form of a simple value for a path, query or header.</summary>
    public static string FormatScalar(TypeRef type, string value, EmitNames names) => type.Kind switch
    {
        TypeKind.String => value,
        TypeKind.Enum => type.Nullable ? $"{value}?.Value" : $"{value}.Value",
        _ => $"{names.Runtime("Request")}.Format({value})",
    };
}
