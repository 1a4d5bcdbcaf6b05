using System.Globalization;
using System.Linq;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Emit;

/// <summary>Emits a DTO (class, enum struct or union) and its reflection-free converter.</summary>
internal static class ModelEmitter
{
    public static string Emit(TypeModel model, ClientSettings settings)
    {
        var names = new EmitNames(settings);
        var writer = new SourceWriter();
        DocWriter.FileHeader(writer);
        writer.Open($"namespace {names.ModelsNamespace}");
        switch (model)
        {
            case ObjectModel objectModel:
                EmitObject(writer, objectModel, names);
                break;
            case EnumModel enumModel:
                EmitEnum(writer, enumModel, names);
                break;
            case UnionModel unionModel:
                EmitUnion(writer, unionModel, names);
                break;
        }

        writer.Close();
        writer.Line();
        writer.Open($"namespace {names.ConverterNamespace}");
        switch (model)
        {
            case ObjectModel objectModel:
                EmitObjectConverter(writer, objectModel, names);
                break;
            case EnumModel enumModel:
                EmitEnumConverter(writer, enumModel, names);
                break;
            case UnionModel unionModel:
                EmitUnionConverter(writer, unionModel, names);
                break;
        }

        writer.Close();
        return writer.ToString();
    }

    private static void TypeAttributes(SourceWriter writer, TypeModel model, EmitNames names)
    {
        writer.Line(EmitNames.GeneratedCodeAttribute);
        writer.Line($"[global::Newtonsoft.Json.JsonConverter(typeof({names.Converter(model.Name)}))]");
        if (model.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"The API specification marks this type as deprecated.\")]");
        }
    }

    private static string Bit(int index) => "0x" + (1UL << (index % 64)).ToString("X", CultureInfo.InvariantCulture) + "UL";

    // Two leading underscores: a backing field is "_" + the property name, and no property name
    // starts with an underscore followed by a letter, so these can never collide with one.
    private static string Field(int index) => "__present" + (index / 64).ToString(CultureInfo.InvariantCulture);

    private static string BackingField(PropertyModel property) => "_" + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);

    // ------------------------------------------------------------------ objects

    private static void EmitObject(SourceWriter writer, ObjectModel model, EmitNames names)
    {
        DocWriter.Summary(writer, model.Doc, $"The <c>{model.Name}</c> schema.");
        writer.Line("/// <remarks>");
        writer.Line("/// Only the properties that were set (or read from JSON) are written, so an explicit");
        writer.Line("/// <see langword=\"null\"/> is sent as <c>null</c> and an untouched property is not sent at all.");
        writer.Line("/// JSON fields this version does not know are kept in <see cref=\"AdditionalProperties\"/> and written back unchanged.");
        writer.Line("/// </remarks>");
        TypeAttributes(writer, model, names);
        writer.Open($"public partial class {model.Name}");

        var fields = (model.Properties.Count + 63) / 64;
        for (var i = 0; i < fields; i++)
        {
            writer.Line($"internal ulong {Field(i * 64)};");
        }

        var additionalType = model.AdditionalValues is null ? $"{EmitNames.JToken}?" : TypeSyntax.CSharp(model.AdditionalValues, names);
        writer.Line($"internal {EmitNames.IDictionary}<string, {additionalType}>? _additionalProperties;");
        writer.Line();

        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            var type = TypeSyntax.CSharp(property.Type, names);
            var initializer = Initializer(property, names);
            writer.Line($"private {type} {BackingField(property)}{initializer};");
            writer.Line();
            DocWriter.Summary(writer, property.Doc, $"The <c>{Naming.XmlLine(property.JsonName)}</c> property.");
            writer.Line($"/// <remarks>JSON name: <c>{Naming.XmlLine(property.JsonName)}</c>{Remark(property)}.</remarks>");
            writer.Line($"[global::Newtonsoft.Json.JsonProperty({Naming.Literal(property.JsonName)})]");
            if (property.Deprecated)
            {
                writer.Line("[global::System.Obsolete(\"The API specification marks this property as deprecated.\")]");
            }

            writer.Open($"public {type} {property.Name}");
            writer.Line($"get => {BackingField(property)};");
            writer.Open("set");
            writer.Line($"{BackingField(property)} = value;");
            writer.Line($"{Field(i)} |= {Bit(i)};");
            writer.Close();
            writer.Close();
            writer.Line();
        }

        writer.Line("/// <summary>");
        writer.Line("/// JSON fields that the specification does not describe (for example from a newer server),");
        writer.Line("/// kept as read and written back unchanged.");
        writer.Line("/// </summary>");
        writer.Open($"public {EmitNames.IDictionary}<string, {additionalType}> AdditionalProperties");
        writer.Line($"get => _additionalProperties ??= new global::System.Collections.Generic.Dictionary<string, {additionalType}>(global::System.StringComparer.Ordinal);");
        writer.Line("set => _additionalProperties = value;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Whether the property with this JSON name was set (by the caller or by deserialization).</summary>");
        writer.Line("/// <param name=\"jsonName\">The property's JSON name, such as <c>duration_ms</c>.</param>");
        writer.Line("/// <returns><see langword=\"true\"/> when the property will be written on serialization.</returns>");
        writer.Open("public bool IsSet(string jsonName)");
        writer.Open("switch (jsonName)");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            writer.Line($"case {Naming.Literal(model.Properties[i].JsonName)}: return ({Field(i)} & {Bit(i)}) != 0;");
        }

        writer.Line("default: return _additionalProperties is not null && _additionalProperties.ContainsKey(jsonName);");
        writer.Close();
        writer.Close();
        writer.Close();
    }

    private static string Remark(PropertyModel property) => (property.Required, property.Access) switch
    {
        (true, PropertyAccess.ReadOnly) => " (required, read-only: sent by the service, not written unless set)",
        (false, PropertyAccess.ReadOnly) => " (read-only: sent by the service, not written unless set)",
        (true, PropertyAccess.WriteOnly) => " (required in requests, write-only: not in responses)",
        (false, PropertyAccess.WriteOnly) => " (write-only: not in responses)",
        (true, _) => " (required)",
        _ => string.Empty,
    };

    private static string Initializer(PropertyModel property, EmitNames names)
    {
        if (property.DefaultLiteral is { } literal)
        {
            return property.Type.Kind == TypeKind.Enum
                ? $" = new {names.Model(property.Type.Name!)}({literal})"
                : " = " + literal;
        }

        if (!property.Type.Nullable && property.Type.Kind is TypeKind.List or TypeKind.Dictionary)
        {
            return " = " + TypeSyntax.NewCollection(property.Type, names);
        }

        if (!property.Type.Nullable && !property.Type.IsValueType)
        {
            return " = default!";
        }

        return string.Empty;
    }

    private static void EmitObjectConverter(SourceWriter writer, ObjectModel model, EmitNames names)
    {
        var type = names.Model(model.Name);
        writer.Line($"/// <summary>Reads and writes <see cref=\"{type}\"/> without reflection.</summary>");
        writer.Line(EmitNames.GeneratedCodeAttribute);
        writer.Open($"internal sealed class {model.Name}JsonConverter : {EmitNames.JsonConverter}");
        ConverterBoilerplate(writer, type, names, isValueType: false);

        writer.Line($"/// <summary>Reads the object the reader stands on.</summary>");
        writer.Open($"public static {type} Read({EmitNames.JsonReader} reader)");
        writer.Open("if (reader.TokenType != global::Newtonsoft.Json.JsonToken.StartObject)");
        writer.Line($"throw {names.Json}.Unexpected(reader, {Naming.Literal("an object (" + model.Name + ")")});");
        writer.Close();
        writer.Line();
        writer.Line($"var value = new {type}();");
        writer.Open("while (true)");
        writer.Line($"{names.Json}.Next(reader);");
        writer.Open("if (reader.TokenType == global::Newtonsoft.Json.JsonToken.EndObject)");
        writer.Line("break;");
        writer.Close();
        writer.Line();
        writer.Line("var name = (string)reader.Value!;");
        writer.Line($"{names.Json}.Next(reader);");
        writer.Open("switch (name)");
        foreach (var property in model.Properties)
        {
            writer.Line($"case {Naming.Literal(property.JsonName)}:");
            writer.Indent();
            writer.Line($"value.{property.Name} = {TypeSyntax.Read(property.Type, names, "reader")};");
            writer.Line("break;");
            writer.Outdent();
        }

        writer.Line("default:");
        writer.Indent();
        var additional = model.AdditionalValues is null
            ? $"{names.Json}.ReadToken(reader)"
            : TypeSyntax.Read(model.AdditionalValues, names, "reader");
        writer.Line($"value.AdditionalProperties[name] = {additional};");
        writer.Line("break;");
        writer.Outdent();
        writer.Close();
        writer.Close();
        writer.Line();

        var required = model.Properties.Select((p, i) => (p, i)).Where(x => x.p.RequiredInResponses).ToList();
        if (required.Count > 0)
        {
            foreach (var (property, index) in required)
            {
                writer.Open($"if ((value.{Field(index)} & {Bit(index)}) == 0)");
                writer.Line($"throw {names.Json}.MissingProperty(reader, {Naming.Literal(model.Name)}, {Naming.Literal(property.JsonName)});");
                writer.Close();
            }

            writer.Line();
        }

        writer.Line("return value;");
        writer.Close();
        writer.Line();

        writer.Line($"/// <summary>Writes the properties that were set, then the unknown ones.</summary>");
        writer.Open($"public static void Write({EmitNames.JsonWriter} writer, {type} value)");
        writer.Line("writer.WriteStartObject();");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            if (property.RequiredInRequests)
            {
                if (!property.Type.Nullable && !property.Type.IsValueType)
                {
                    writer.Line($"{names.Json}.RequireSet(value.{property.Name}, {Naming.Literal(model.Name)}, {Naming.Literal(property.JsonName)});");
                }

                writer.Line($"writer.WritePropertyName({Naming.Literal(property.JsonName)});");
                writer.Line(TypeSyntax.Write(property.Type, names, "writer", "value." + property.Name) + ";");
            }
            else
            {
                writer.Open($"if ((value.{Field(i)} & {Bit(i)}) != 0)");
                writer.Line($"writer.WritePropertyName({Naming.Literal(property.JsonName)});");
                writer.Line(TypeSyntax.Write(property.Type, names, "writer", "value." + property.Name) + ";");
                writer.Close();
            }
        }

        writer.Open("if (value._additionalProperties is { Count: > 0 } additional)");
        writer.Open("foreach (var pair in additional)");
        writer.Line("writer.WritePropertyName(pair.Key);");
        writer.Line((model.AdditionalValues is null
            ? $"{names.Json}.WriteToken(writer, pair.Value)"
            : TypeSyntax.Write(model.AdditionalValues, names, "writer", "pair.Value")) + ";");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("writer.WriteEndObject();");
        writer.Close();
        writer.Close();
    }

    /// <summary>The JsonConverter overrides shared by every generated converter.</summary>
    private static void ConverterBoilerplate(SourceWriter writer, string type, EmitNames names, bool isValueType)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override bool CanConvert({EmitNames.Type} objectType) => objectType == typeof({type}){(isValueType ? $" || objectType == typeof({type}?)" : string.Empty)};");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override object? ReadJson({EmitNames.JsonReader} reader, {EmitNames.Type} objectType, object? existingValue, {EmitNames.JsonSerializer} serializer)");
        writer.Line($"    => {names.Json}.ReadRoot(reader, static r => r.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : (object?)Read(r));");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open($"public override void WriteJson({EmitNames.JsonWriter} writer, object? value, {EmitNames.JsonSerializer} serializer)");
        writer.Open("if (value is null)");
        writer.Line("writer.WriteNull();");
        writer.Close();
        writer.Open("else");
        writer.Line($"Write(writer, ({type})value);");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Reads a value that may be JSON <c>null</c>.</summary>");
        writer.Line($"public static {type}? ReadNullable({EmitNames.JsonReader} reader) => reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? {(isValueType ? $"default({type}?)" : "null")} : Read(reader);");
        writer.Line();
        writer.Line("/// <summary>Writes a value that may be <see langword=\"null\"/>.</summary>");
        writer.Open($"public static void WriteNullable({EmitNames.JsonWriter} writer, {type}? value)");
        writer.Open("if (value is null)");
        writer.Line("writer.WriteNull();");
        writer.Close();
        writer.Open("else");
        writer.Line($"Write(writer, value{(isValueType ? ".Value" : string.Empty)});");
        writer.Close();
        writer.Close();
        writer.Line();
    }

    // ------------------------------------------------------------------ enums

    private static void EmitEnum(SourceWriter writer, EnumModel model, EmitNames names)
    {
        var name = model.Name;
        DocWriter.Summary(writer, model.Doc, $"The <c>{name}</c> values.");
        writer.Line("/// <remarks>");
        writer.Line("/// An extensible enum: a value that this version does not know (from a newer server)");
        writer.Line("/// is kept as it is, so reading never fails and writing sends it back unchanged.");
        writer.Line("/// </remarks>");
        TypeAttributes(writer, model, names);
        writer.Open($"public readonly partial struct {name} : global::System.IEquatable<{name}>");
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line($"/// <summary>Creates a value of <see cref=\"{name}\"/>, known or not.</summary>");
        writer.Line("/// <param name=\"value\">The JSON string.</param>");
        writer.Open($"public {name}(string value)");
        writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Close();
        writer.Line();
        foreach (var value in model.Values)
        {
            writer.Line($"/// <summary>The value <c>{Naming.XmlLine(value.Value)}</c>.</summary>");
            writer.Line($"public static {name} {value.Name} {{ get; }} = new {name}({Naming.Literal(value.Value)});");
            writer.Line();
        }

        writer.Line("/// <summary>The JSON string of this value.</summary>");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>Whether the value is one of those the specification lists.</summary>");
        if (model.Values.Count == 0)
        {
            writer.Line("public bool IsKnown => false;");
        }
        else
        {
            writer.Line("public bool IsKnown => Value switch");
            writer.Open();
            writer.Line(string.Join(" or ", model.Values.Select(v => Naming.Literal(v.Value))) + " => true,");
            writer.Line("_ => false,");
            writer.Close(";");
        }

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
        writer.Line($"public static implicit operator {name}(string value) => new {name}(value);");
        writer.Close();
    }

    private static void EmitEnumConverter(SourceWriter writer, EnumModel model, EmitNames names)
    {
        var type = names.Model(model.Name);
        writer.Line($"/// <summary>Reads and writes <see cref=\"{type}\"/> without reflection.</summary>");
        writer.Line(EmitNames.GeneratedCodeAttribute);
        writer.Open($"internal sealed class {model.Name}JsonConverter : {EmitNames.JsonConverter}");
        ConverterBoilerplate(writer, type, names, isValueType: true);
        writer.Line("/// <summary>Reads the string the reader stands on; unknown values are kept.</summary>");
        writer.Line($"public static {type} Read({EmitNames.JsonReader} reader) => new {type}({names.Json}.ReadEnumString(reader, {Naming.Literal(model.Name)}));");
        writer.Line();
        writer.Line("/// <summary>Writes the value's JSON string.</summary>");
        writer.Line($"public static void Write({EmitNames.JsonWriter} writer, {type} value) => writer.WriteValue(value.Value);");
        writer.Close();
    }

    // ------------------------------------------------------------------ unions

    private static void EmitUnion(SourceWriter writer, UnionModel model, EmitNames names)
    {
        var name = model.Name;
        DocWriter.Summary(writer, model.Doc, $"The <c>{name}</c> value: one of several JSON shapes.");
        writer.Line("/// <remarks>");
        writer.Line("/// The JSON is kept exactly as received in <see cref=\"Json\"/>; the <c>Is…</c> and <c>As…</c>");
        writer.Line("/// members read it as each of the types the specification allows:");
        writer.Line("/// " + string.Join(", ", model.Members.Select(m => $"<c>{Naming.Xml(m.Name)}</c>")) + ".");
        writer.Line("/// </remarks>");
        TypeAttributes(writer, model, names);
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

    private static void EmitUnionConverter(SourceWriter writer, UnionModel model, EmitNames names)
    {
        var type = names.Model(model.Name);
        writer.Line($"/// <summary>Reads and writes <see cref=\"{type}\"/>, keeping the JSON.</summary>");
        writer.Line(EmitNames.GeneratedCodeAttribute);
        writer.Open($"internal sealed class {model.Name}JsonConverter : {EmitNames.JsonConverter}");
        ConverterBoilerplate(writer, type, names, isValueType: false);
        writer.Line("/// <summary>Reads the value the reader stands on.</summary>");
        writer.Open($"public static {type} Read({EmitNames.JsonReader} reader)");
        writer.Open("if (reader.TokenType == global::Newtonsoft.Json.JsonToken.Null)");
        writer.Line($"throw {names.Json}.Unexpected(reader, {Naming.Literal("a value (" + model.Name + ")")});");
        writer.Close();
        writer.Line();
        writer.Line($"return new {type}({names.Json}.ReadToken(reader)!);");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Writes the kept JSON.</summary>");
        writer.Line($"public static void Write({EmitNames.JsonWriter} writer, {type} value) => value.Json.WriteTo(writer);");
        writer.Close();
    }
}
