using Microsoft.CodeAnalysis;

namespace Opper.OpenApi.Generator;

/// <summary>Every diagnostic the generator reports, with stable ids (see AnalyzerReleases.*.md).</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "OpenApi";

    public static readonly DiagnosticDescriptor Malformed = new(
        "OPENAPI001",
        "The OpenAPI document is not valid JSON or YAML",
        "The OpenAPI document is not valid {0}: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "OPENAPI002",
        "Unresolved $ref",
        "The reference '{0}' cannot be resolved; {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Unsupported = new(
        "OPENAPI003",
        "Unsupported OpenAPI construct",
        "{0} is not supported; {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameClash = new(
        "OPENAPI004",
        "Name clash",
        "{0} '{1}' would be named '{2}', which is already taken; it is named '{3}' instead",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotOpenApi = new(
        "OPENAPI005",
        "Not an OpenAPI 3.x document",
        "The document is not an OpenAPI 3.0 or 3.1 document: {0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "OPENAPI006",
        "The generator failed",
        "The OpenAPI generator failed on this document: {0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = new(
        "OPENAPI007",
        "The generated code needs C# 9",
        "The code generated from '{0}' needs C# 9 or later, but the project compiles with C# {1}; set <LangVersion>9.0</LangVersion> or later",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingNewtonsoft = new(
        "OPENAPI008",
        "Newtonsoft.Json is not referenced",
        "The code generated from '{0}' uses Newtonsoft.Json; add <PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.4\" /> to the project",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
