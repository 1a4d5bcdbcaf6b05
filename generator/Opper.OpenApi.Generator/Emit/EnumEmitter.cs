using System.Linq;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Emit;

/// <summary>Emits an extensible enum (a struct over its JSON string) and its converter.</summary>
internal static class EnumEmitter
{
    public static void EmitEnum(SourceWriter writer, EnumModel model, EmitNames names)
    {
        var name = model.Name;
        DocWriter.Summary(writer, model.Doc, $"The <c>{name}</c> values.");
        writer.Line("/// <remarks>An extensible enum: a value this version does not know (from a newer server) is kept, so reading never fails and writing sends it back unchanged.</remarks>");
        ModelEmitter.TypeAttributes(writer, model, names);
        writer.Open($"public readonly partial struct {name} : global::System.IEquatable<{name}>");
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line($"/// <summary>Creates a value of <see cref=\"{name}\"/>, known or not.</summary>");
        writer.Line("/// <param name=\"value\">The JSON string.</param>");
        writer.Line($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        foreach (var value in model.Values)
        {
            writer.Line();
            writer.Line($"/// <summary>The value <c>{Naming.XmlLine(value.Value)}</c>.</summary>");
            writer.Line($"public static {name} {value.Name} {{ get; }} = new({Naming.Literal(value.Value)});");
        }

        writer.Line();
        writer.Line("/// <summary>The JSON string of this value.</summary>");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>Whether the value is one of those the specification lists.</summary>");
        writer.Line(model.Values.Count == 0
            ? "public bool IsKnown => false;"
            : "public bool IsKnown => Value is " + string.Join(" or ", model.Values.Select(v => Naming.Literal(v.Value))) + ";");
        writer.Line();
        writer.Line("/// <summary>The values the specification lists, in its order.</summary>");
        writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{name}> KnownValues {{ get; }} = new {name}[] {{ {string.Join(", ", model.Values.Select(v => v.Name))} }};");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.Line();
        writer.Line("/// <summary>The JSON string of this value.</summary>");
        writer.Line("/// <returns>The value.</returns>");
        writer.Line("public override string ToString() => Value;");
        writer.Line();
        writer.Line("/// <summary>Compares two values by their JSON string.</summary>");
        writer.Line("/// <param name=\"left\">The first value.</param>");
        writer.Line("/// <param name=\"right\">The second value.</param>");
        writer.Line("/// <returns>Whether they are equal.</returns>");
        writer.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Compares two values by their JSON string.</summary>");
        writer.Line("/// <param name=\"left\">The first value.</param>");
        writer.Line("/// <param name=\"right\">The second value.</param>");
        writer.Line("/// <returns>Whether they differ.</returns>");
        writer.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Makes a value from its JSON string.</summary>");
        writer.Line("/// <param name=\"value\">The JSON string.</param>");
        writer.Line($"public static implicit operator {name}(string value) => new(value);");
        writer.Close();
    }

    public static void EmitEnumConverter(SourceWriter writer, EnumModel model, EmitNames names)
    {
        names = names.InConverters();
        var type = names.Model(model.Name);
        ModelEmitter.OpenConverter(writer, model, names, "EnumConverter");
        writer.Line($"public {model.Name}JsonConverter() : base({Naming.Literal(model.Name)}) {{ }}");
        writer.Line();
        writer.Line($"protected override {type} Create(string value) => new(value);");
        writer.Line();
        writer.Line($"protected override string ValueOf({type} value) => value.Value;");
        writer.Close();
    }
}
