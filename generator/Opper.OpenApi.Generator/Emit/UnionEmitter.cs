using System.Linq;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Emit;

/// <summary>Emits a union (one of several JSON shapes, kept as received) and its converter.</summary>
internal static class UnionEmitter
{
    public static void EmitUnion(SourceWriter writer, UnionModel model, EmitNames names)
    {
        var name = model.Name;
        DocWriter.Summary(writer, model.Doc, $"The <c>{name}</c> value: one of several JSON shapes.");
        writer.Line("/// <remarks>");
        writer.Line("/// The JSON is kept exactly as received in <see cref=\"Json\"/>; the <c>Is…</c> and <c>As…</c>");
        writer.Line("/// members read it as each of the types the specification allows:");
        writer.Line("/// " + string.Join(", ", model.Members.Select(m => $"<c>{Naming.Xml(m.Name)}</c>")) + ".");
        writer.Line("/// </remarks>");
        ModelEmitter.TypeAttributes(writer, model, names);
        writer.Open($"public sealed partial class {name} : global::System.IEquatable<{name}>");
        writer.Line($"/// <summary>Wraps a JSON value.</summary>");
        writer.Line("/// <param name=\"json\">The value.</param>");
        writer.Open($"public {name}({EmitNames.JToken} json)");
        writer.Line("Json = json ?? throw new global::System.ArgumentNullException(nameof(json));");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The JSON value as received (or as built from a typed value).</summary>");
        writer.Line($"public {EmitNames.JToken} Json {{ get; }}");
        writer.Line();

        var implicitTypes = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        foreach (var member in model.Members)
        {
            var memberType = TypeSyntax.CSharp(member.Type, names);
            var nullableType = memberType + "?";
            var discriminated = model.Discriminator is not null && member.DiscriminatorValues.Count > 0;
            if (discriminated)
            {
                writer.Line($"/// <summary>Whether the value is a <c>{Naming.Xml(member.Name)}</c>: its <c>{Naming.XmlLine(model.Discriminator!)}</c> is {string.Join(" or ", member.DiscriminatorValues.Select(v => $"<c>{Naming.XmlLine(v)}</c>"))}.</summary>");
                writer.Line($"public bool Is{member.Name} => {DiscriminatorCheck(model.Discriminator!, member.DiscriminatorValues)};");
            }
            else
            {
                writer.Line($"/// <summary>Whether the value can be read as <c>{Naming.Xml(member.Name)}</c>.</summary>");
                writer.Line($"public bool Is{member.Name} => {ShapeCheck(member)};");
            }

            writer.Line();
            writer.Line($"/// <summary>The value as <c>{Naming.Xml(member.Name)}</c>, or <see langword=\"null\"/> when it is not one.</summary>");
            writer.Line("/// <returns>The typed value, or <see langword=\"null\"/>.</returns>");
            writer.Open($"public {nullableType} As{member.Name}()");
            if (discriminated)
            {
                writer.Open($"if (!Is{member.Name})");
                writer.Line("return null;");
                writer.Close();
                writer.Line();
            }
            else if (member.Shape != JsonShape.Any)
            {
                writer.Open($"if (!({RawShapeCheck(member.Shape)}))");
                writer.Line("return null;");
                writer.Close();
                writer.Line();
            }

            var read = TypeSyntax.Read(member.Type, names, "reader");
            writer.Line($"return {names.Json}.TryConvert<{memberType}>(Json, static reader => {read}, out var value) ? value : default({nullableType});");
            writer.Close();
            writer.Line();
            writer.Line($"/// <summary>Makes a <see cref=\"{name}\"/> from a <c>{Naming.Xml(member.Name)}</c>.</summary>");
            writer.Line("/// <param name=\"value\">The value.</param>");
            writer.Line("/// <returns>The union value.</returns>");
            writer.Line($"public static {name} From{member.Name}({memberType} value) => new {name}({names.Json}.ToToken(value, static (writer, v) => {TypeSyntax.Write(member.Type, names, "writer", "v")}));");
            writer.Line();
            if (member.Type.Kind is not (TypeKind.List or TypeKind.Dictionary or TypeKind.Any) && implicitTypes.Add(memberType))
            {
                writer.Line($"/// <summary>Makes a <see cref=\"{name}\"/> from a <c>{Naming.Xml(member.Name)}</c>.</summary>");
                writer.Line("/// <param name=\"value\">The value.</param>");
                writer.Line($"public static implicit operator {name}({memberType} value) => From{member.Name}(value);");
                writer.Line();
            }
        }

        writer.Line("/// <summary>The JSON text of the value.</summary>");
        writer.Line("/// <returns>Compact JSON.</returns>");
        writer.Line("public override string ToString() => Json.ToString(global::Newtonsoft.Json.Formatting.None);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public bool Equals({name}? other) => other is not null && global::Newtonsoft.Json.Linq.JToken.DeepEquals(Json, other.Json);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::Newtonsoft.Json.Linq.JToken.EqualityComparer.GetHashCode(Json);");
        writer.Close();
    }

    private static string RawShapeCheck(JsonShape shape) => shape switch
    {
        JsonShape.Object => "Json.Type == global::Newtonsoft.Json.Linq.JTokenType.Object",
        JsonShape.Array => "Json.Type == global::Newtonsoft.Json.Linq.JTokenType.Array",
        JsonShape.String => "Json.Type is global::Newtonsoft.Json.Linq.JTokenType.String or global::Newtonsoft.Json.Linq.JTokenType.Date",
        JsonShape.Integer => "Json.Type == global::Newtonsoft.Json.Linq.JTokenType.Integer",
        JsonShape.Number => "Json.Type is global::Newtonsoft.Json.Linq.JTokenType.Integer or global::Newtonsoft.Json.Linq.JTokenType.Float",
        JsonShape.Boolean => "Json.Type == global::Newtonsoft.Json.Linq.JTokenType.Boolean",
        _ => "true",
    };

    /// <summary>Whether the JSON is an object whose discriminator property holds one of the values.</summary>
    private static string DiscriminatorCheck(string property, EquatableArray<string> values) =>
        $"Json is global::Newtonsoft.Json.Linq.JObject __object && __object.TryGetValue({Naming.Literal(property)}, out var __value)"
        + $" && __value.Type == global::Newtonsoft.Json.Linq.JTokenType.String && (string?)__value is {string.Join(" or ", values.Select(Naming.Literal))}";

    private static string ShapeCheck(UnionMemberModel member) =>
        member.Type.Kind is TypeKind.Object or TypeKind.Union or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.List or TypeKind.Dictionary or TypeKind.Int32
            ? $"As{member.Name}() is not null"
            : RawShapeCheck(member.Shape);

    public static void EmitUnionConverter(SourceWriter writer, UnionModel model, EmitNames names)
    {
        names = names.InConverters();
        var type = names.Model(model.Name);
        ModelEmitter.OpenConverter(writer, model, names, "UnionConverter");
        writer.Line($"public {model.Name}JsonConverter() : base({Naming.Literal(model.Name)}) {{ }}");
        writer.Line();
        writer.Line($"protected override {type} Create({EmitNames.JToken} json) => new(json);");
        writer.Line();
        writer.Line($"protected override {EmitNames.JToken} JsonOf({type} value) => value.Json;");
        writer.Close();
    }
}
