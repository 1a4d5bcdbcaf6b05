using Opper.OpenApi.Generator.Helpers;

namespace Opper.OpenApi.Generator.Model;

// The generator's model: what C# to emit, as sealed records of strings, enums, bools and
// equatable arrays. Nothing here holds a Roslyn symbol, a syntax node, a location or a JSON
// node, so that equal specs give equal models and the incremental pipeline can cache them.

/// <summary>What a value is in C#.</summary>
internal enum TypeKind
{
    /// <summary>Any JSON (no type, <c>{}</c>, unsupported constructs): <c>JToken</c>.</summary>
    Any,
    /// <summary>A free-form JSON object: <c>JObject</c>.</summary>
    JsonObject,
    String,
    Int32,
    Int64,
    Double,
    Decimal,
    Boolean,
    DateTimeOffset,
    /// <summary><c>format: date</c>, read as a <c>DateTime</c> at midnight and written as <c>yyyy-MM-dd</c>.</summary>
    Date,
    /// <summary>A generated class for an object schema.</summary>
    Object,
    /// <summary>A generated extensible string enum.</summary>
    Enum,
    /// <summary>A generated JSON-keeping union for <c>oneOf</c>/<c>anyOf</c>.</summary>
    Union,
    List,
    Dictionary,
}

/// <summary>A C# type reference: a kind, its nullability and, for lists and maps, the element.</summary>
internal sealed record TypeRef(TypeKind Kind, bool Nullable, string? Name = null, TypeRef? Element = null)
{
    public static TypeRef Any(bool nullable = true) => new(TypeKind.Any, nullable);

    public TypeRef WithNullable(bool nullable) => nullable == Nullable ? this : this with { Nullable = nullable };

    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Decimal
        or TypeKind.Boolean or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Enum;
}

/// <summary>Where the generated code goes and what the client is called; from MSBuild and the spec.</summary>
internal sealed record ClientSettings(
    string SpecName,
    string ClientNamespace,
    string ModelsNamespace,
    string ClientName,
    string DefaultBaseUrl,
    string UserAgent,
    EquatableArray<string> ApiKeyEnvironmentVariables,
    string AuthHeader,
    string AuthScheme,
    bool RequiresApiKey,
    string Title,
    string ApiVersion);

internal abstract record TypeModel(string Name, string? Doc, bool Deprecated);

/// <summary>Whether a property travels both ways or only in responses or requests.</summary>
internal enum PropertyAccess
{
    ReadWrite,
    /// <summary><c>readOnly</c>: sent by the server only; not written unless the caller sets it.</summary>
    ReadOnly,
    /// <summary><c>writeOnly</c>: sent by the client only; not expected in responses.</summary>
    WriteOnly,
}

internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool Required,
    string? Doc,
    string? DefaultLiteral,
    bool Deprecated,
    PropertyAccess Access = PropertyAccess.ReadWrite)
{
    /// <summary>Reading fails when the property is missing (required, and responses carry it).</summary>
    public bool RequiredInResponses => Required && Access != PropertyAccess.WriteOnly;

    /// <summary>
    /// Writing always sends the property: required, and neither read-only (not sent) nor
    /// write-only (then it is sent when set, so that what was read is written back as it was).
    /// </summary>
    public bool RequiredInRequests => Required && Access == PropertyAccess.ReadWrite;
}

/// <summary>An object schema: a partial class with a generated converter.</summary>
internal sealed record ObjectModel(
    string Name,
    string? Doc,
    bool Deprecated,
    EquatableArray<PropertyModel> Properties,
    TypeRef? AdditionalValues)
    : TypeModel(Name, Doc, Deprecated);

internal sealed record EnumValueModel(string Name, string Value);

/// <summary>A string enum: an extensible struct that keeps values it does not know.</summary>
internal sealed record EnumModel(string Name, string? Doc, bool Deprecated, EquatableArray<EnumValueModel> Values)
    : TypeModel(Name, Doc, Deprecated);

/// <summary>The JSON shape a union member accepts.</summary>
internal enum JsonShape
{
    Any,
    Object,
    Array,
    String,
    Integer,
    Number,
    Boolean,
}

/// <summary>
/// A member of a union. <paramref name="DiscriminatorValues"/>: the values of the union's
/// discriminator property that select this member (empty when the union has none, or the member
/// is inline): then the JSON's shape decides.
/// </summary>
internal sealed record UnionMemberModel(string Name, TypeRef Type, JsonShape Shape, EquatableArray<string> DiscriminatorValues);

/// <summary>
/// A <c>oneOf</c>/<c>anyOf</c> of several types: keeps the JSON, offers typed accessors.
/// <paramref name="Discriminator"/> is the property that names the member, when the spec has one.
/// </summary>
internal sealed record UnionModel(string Name, string? Doc, bool Deprecated, EquatableArray<UnionMemberModel> Members, string? Discriminator)
    : TypeModel(Name, Doc, Deprecated);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>A parameter's OpenAPI <c>style</c>: how an array or object value is spelled in the request.</summary>
internal enum ParameterStyle
{
    Simple,
    Label,
    Matrix,
    Form,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

/// <summary>
/// An operation parameter. <see cref="Type"/> is a scalar, a list of scalars, or an object
/// (a generated class, a map of scalars or free-form JSON) sent as its top-level properties.
/// </summary>
internal sealed record ParameterModel(
    string Name,
    string WireName,
    ParameterLocation In,
    TypeRef Type,
    bool Required,
    ParameterStyle Style,
    bool Explode,
    string? Doc)
{
    /// <summary>Whether the value is sent as name/value pairs (an object, a map, free-form JSON).</summary>
    public bool IsObject => Type.Kind is TypeKind.Object or TypeKind.Dictionary or TypeKind.JsonObject;
}

internal enum BodyKind
{
    Json,
    Text,
    Binary,
    Content,
}

internal sealed record BodyModel(BodyKind Kind, string MediaType, TypeRef? Type, bool Required, string? Doc);

internal enum ResponseKind
{
    None,
    Json,
    Text,
    Binary,
}

internal sealed record ResponseModel(ResponseKind Kind, TypeRef? Type, string? Doc);

/// <summary>A documented error response: status ("404", "4XX" or "default") and its body type.</summary>
internal sealed record ErrorModel(string Status, TypeRef? Type, string? Description);

/// <summary>A step of a property path such as <c>page.Meta.TotalCount</c>.</summary>
internal sealed record PathStep(string Property, bool Nullable);

/// <summary>Offset/limit paging, found from the operation's parameters and response shape.</summary>
internal sealed record PagingModel(
    string OffsetParameter,
    string LimitParameter,
    EquatableArray<PathStep> Items,
    TypeRef ItemType,
    EquatableArray<PathStep> Total);

internal sealed record PathPart(string? Literal, string? Parameter);

internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string OperationId,
    string Path,
    EquatableArray<PathPart> PathParts,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    ResponseModel Response,
    EquatableArray<ErrorModel> Errors,
    string? Summary,
    string? Description,
    bool Deprecated,
    PagingModel? Paging);

/// <summary>A sub-client (one per tag); an empty <see cref="Name"/> means the root client.</summary>
internal sealed record ClientModel(string Name, string? Doc, EquatableArray<OperationModel> Operations);

/// <summary>All the generator learns from one spec file.</summary>
internal sealed record SpecModel(
    ClientSettings Settings,
    EquatableArray<TypeModel> Types,
    EquatableArray<ClientModel> Clients,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool Valid);
