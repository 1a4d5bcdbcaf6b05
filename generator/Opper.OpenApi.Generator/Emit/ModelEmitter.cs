using System.Globalization;
using System.Linq;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Emit;

/// <summary>
/// Emits a DTO (class, enum struct or union) and its reflection-free converter. What every type
/// of a kind shares lives once in the runtime's converter bases (<c>Runtime/Converters.cs</c>):
/// a generated converter is a table of JSON names and a switch from property index to typed code.
/// </summary>
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
                EnumEmitter.EmitEnum(writer, enumModel, names);
                break;
            case UnionModel unionModel:
                UnionEmitter.EmitUnion(writer, unionModel, names);
                break;
        }

        writer.Close();
        writer.Line();

        // The converters are internal plumbing over the runtime's typed primitives: nullable
        // analysis of their switches finds nothing and costs an eighth of the compile time.
        writer.Line("#nullable disable");
        writer.Open($"namespace {names.ConverterNamespace}");
        writer.Line("using global::Newtonsoft.Json;");
        writer.Line($"using {EmitNames.JsonAlias} = {names.JsonClass};");
        writer.Line($"using {EmitNames.ModelsAlias} = global::{names.ModelsNamespace};");
        writer.Line();
        switch (model)
        {
            case ObjectModel objectModel:
                EmitObjectConverter(writer, objectModel, names);
                break;
            case EnumModel enumModel:
                EnumEmitter.EmitEnumConverter(writer, enumModel, names);
                break;
            case UnionModel unionModel:
                UnionEmitter.EmitUnionConverter(writer, unionModel, names);
                break;
        }

        writer.Close();
        return writer.ToString();
    }

    /// <summary>The attributes every generated type carries.</summary>
    public static void TypeAttributes(SourceWriter writer, TypeModel model, EmitNames names)
    {
        writer.Line(EmitNames.GeneratedCodeAttribute);
        writer.Line($"[global::Newtonsoft.Json.JsonConverter(typeof({names.Converter(model.Name)}))]");
        if (model.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"The API specification marks this type as deprecated.\")]");
        }
    }

    /// <summary>The start of a converter class over one of the runtime's bases.</summary>
    public static void OpenConverter(SourceWriter writer, TypeModel model, EmitNames names, string baseName)
    {
        // Internal, in a file marked auto-generated: no docs, no GeneratedCode attribute needed.
        writer.Open($"internal sealed class {model.Name}JsonConverter : {names.Runtime(baseName)}<{names.Model(model.Name)}, {model.Name}JsonConverter>");
    }

    private static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);

    private static string BackingField(PropertyModel property) => "_" + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);

    // ------------------------------------------------------------------ objects

    /// <summary>Members every generated type has (its own and <see cref="object"/>'s).</summary>
    public static readonly string[] CommonMembers =
    {
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    private static void EmitObject(SourceWriter writer, ObjectModel model, EmitNames names)
    {
        // Inside the class, a model is named by its simple name unless one of the class's own
        // members has that name (a property `Owner` and a model `Owner` used by another property).
        var shadowed = new System.Collections.Generic.HashSet<string>(CommonMembers, System.StringComparer.Ordinal) { "AdditionalProperties", "IsSet" };
        foreach (var property in model.Properties)
        {
            shadowed.Add(property.Name);
            shadowed.Add(BackingField(property));
        }

        var local = names.InModels(shadowed);
        DocWriter.Summary(writer, model.Doc, $"The <c>{model.Name}</c> schema.");
        writer.Line("/// <remarks>Only properties that were set or read are written (an explicit <see langword=\"null\"/> as <c>null</c>); unknown JSON fields are kept in <see cref=\"AdditionalProperties\"/>.</remarks>");
        TypeAttributes(writer, model, names);
        writer.Open($"public partial class {model.Name}");

        // Two leading underscores: a backing field is "_" + the property name, and no property name
        // starts with an underscore followed by a letter, so this can never collide with one.
        writer.Line($"internal {names.Runtime("Presence")} __present;");
        var additionalType = model.AdditionalValues is null ? $"{EmitNames.JToken}?" : TypeSyntax.CSharp(model.AdditionalValues, local);
        writer.Line($"internal {EmitNames.IDictionary}<string, {additionalType}>? _additionalProperties;");
        foreach (var property in model.Properties)
        {
            writer.Line($"private {TypeSyntax.CSharp(property.Type, local)} {BackingField(property)}{Initializer(property, local)};");
        }

        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            writer.Line();
            var jsonName = Naming.XmlLine(property.JsonName);
            if (string.IsNullOrWhiteSpace(property.Doc))
            {
                writer.Line($"/// <summary>The <c>{jsonName}</c> property{Remark(property)}.</summary>");
            }
            else
            {
                DocWriter.Summary(writer, property.Doc, string.Empty);
                writer.Line($"/// <remarks>JSON name: <c>{jsonName}</c>{Remark(property)}.</remarks>");
            }

            writer.Line($"[global::Newtonsoft.Json.JsonProperty({Naming.Literal(property.JsonName)})]");
            if (property.Deprecated)
            {
                writer.Line("[global::System.Obsolete(\"The API specification marks this property as deprecated.\")]");
            }

            var field = BackingField(property);
            writer.Line($"public {TypeSyntax.CSharp(property.Type, local)} {property.Name} {{ get => {field}; set {{ {field} = value; __present.Set({Index(i)}); }} }}");
        }

        writer.Line();
        writer.Line("/// <summary>JSON fields that the specification does not describe (for example from a newer server), kept as read and written back unchanged.</summary>");
        writer.Line($"public {EmitNames.IDictionary}<string, {additionalType}> AdditionalProperties {{ get => {names.JsonClass}.Additional(ref _additionalProperties); set => _additionalProperties = value; }}");
        writer.Line();
        writer.Line("/// <summary>Whether the property with this JSON name was set (by the caller or by deserialization).</summary>");
        writer.Line("/// <param name=\"jsonName\">The property's JSON name, such as <c>duration_ms</c>.</param>");
        writer.Line("/// <returns><see langword=\"true\"/> when the property will be written on serialization.</returns>");
        writer.Line($"public bool IsSet(string jsonName) => {names.Converter(model.Name)}.IsSet(__present, jsonName) ?? (_additionalProperties is not null && _additionalProperties.ContainsKey(jsonName));");
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
        names = names.InConverters();
        var type = names.Model(model.Name);
        OpenConverter(writer, model, names, "ObjectConverter");
        var jsonNames = model.Properties.Count == 0
            ? "global::System.Array.Empty<string>()"
            : "new string[] { " + string.Join(", ", model.Properties.Select(p => Naming.Literal(p.JsonName))) + " }";
        var required = Indexes(model, p => p.RequiredInResponses);
        var requests = Indexes(model, p => p.RequiredInRequests);
        writer.Line($"private static readonly {names.Runtime("PropertyTable")} Table = new({Naming.Literal(model.Name)}, {jsonNames}, {required}, {requests});");
        writer.Line();
        writer.Line($"public {model.Name}JsonConverter() : base(Table) {{ }}");
        writer.Line();
        writer.Line($"protected override ref {names.Runtime("Presence")} Presence({type} v) => ref v.__present;");
        writer.Line();
        writer.Open($"protected override void ReadProperty(JsonReader r, {type} v, int index, string name)");
        writer.Open("switch (index)");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            writer.Line($"case {Index(i)}: v.{property.Name} = {TypeSyntax.Read(property.Type, names, "r")}; break;");
        }

        var additional = model.AdditionalValues is null
            ? $"{names.Json}.ReadToken(r)"
            : TypeSyntax.Read(model.AdditionalValues, names, "r");
        writer.Line($"default: v.AdditionalProperties[name] = {additional}; break;");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Open($"protected override void WriteProperty(JsonWriter w, {type} v, int index)");
        if (model.Properties.Count > 0)
        {
            writer.Open("switch (index)");
            for (var i = 0; i < model.Properties.Count; i++)
            {
                var property = model.Properties[i];
                var check = property.RequiredInRequests && !property.Type.Nullable && !property.Type.IsValueType
                    ? $"{names.Json}.RequireSet(v.{property.Name}, {Naming.Literal(model.Name)}, {Naming.Literal(property.JsonName)}); "
                    : string.Empty;
                writer.Line($"case {Index(i)}: {check}{TypeSyntax.Write(property.Type, names, "w", "v." + property.Name)}; break;");
            }

            writer.Close();
        }

        writer.Close();
        writer.Line();
        writer.Line(model.AdditionalValues is null
            ? $"protected override void WriteAdditional(JsonWriter w, {type} v) => {names.Json}.WriteAdditional(w, v._additionalProperties);"
            : $"protected override void WriteAdditional(JsonWriter w, {type} v) => {names.Json}.WriteAdditional(w, v._additionalProperties, static (wa, va) => {TypeSyntax.Write(model.AdditionalValues, names, "wa", "va")});");
        writer.Close();
    }

    private static string Indexes(ObjectModel model, System.Func<PropertyModel, bool> where)
    {
        var indexes = model.Properties.Select((p, i) => (p, i)).Where(x => where(x.p)).Select(x => Index(x.i)).ToList();
        return indexes.Count == 0 ? "null" : "new int[] { " + string.Join(", ", indexes) + " }";
    }
}
