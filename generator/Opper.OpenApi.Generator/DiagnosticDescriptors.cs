using System;
using Microsoft.CodeAnalysis;

namespace Opper.OpenApi.Generator;

/// <summary>Every diagnostic the generator reports, with stable ids (see AnalyzerReleases.*.md).</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "OpenApi";

    public static readonly DiagnosticDescriptor MalformedJson = new(
        "OPENAPI001",
        "The OpenAPI document is not valid JSON",
        "The OpenAPI document is not valid JSON: {0}",
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

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "OPENAPI001" => MalformedJson,
        "OPENAPI002" => UnresolvedReference,
        "OPENAPI003" => Unsupported,
        "OPENAPI004" => NameClash,
        "OPENAPI005" => NotOpenApi,
        "OPENAPI006" => InternalError,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown diagnostic id."),
    };
}
