using System.Linq;
using Microsoft.CodeAnalysis;

namespace Opper.OpenApi.Generator.Tests.Infrastructure;

/// <summary>Reads the generated API from the output compilation's symbols.</summary>
internal static class Symbols
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier)
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue);

    public static string Display(ITypeSymbol type) => type.ToDisplayString(Format);

    public static IPropertySymbol Property(this GenerationResult result, string type, string property) =>
        result.Symbol(type).GetMembers(property).OfType<IPropertySymbol>().SingleOrDefault()
        ?? throw new AssertionException($"{type} has no property {property}; it has {string.Join(", ", result.Symbol(type).GetMembers().OfType<IPropertySymbol>().Select(p => p.Name))}.");

    /// <summary>The C# type of a generated property, as written (<c>IList&lt;Pet&gt;?</c>).</summary>
    public static string PropertyType(this GenerationResult result, string type, string property) =>
        Display(result.Property(type, property).Type);

    /// <summary>The JSON name from the property's <c>[JsonProperty]</c>.</summary>
    public static string? JsonName(this GenerationResult result, string type, string property) =>
        result.Property(type, property).GetAttributes()
            .Single(a => a.AttributeClass?.Name == "JsonPropertyAttribute")
            .ConstructorArguments[0].Value as string;

    /// <summary>The names of a type's public properties, in declaration order.</summary>
    public static string[] PropertyNames(this GenerationResult result, string type) =>
        result.Symbol(type).GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.DeclaredAccessibility == Accessibility.Public && !p.IsStatic && p.Name != "AdditionalProperties")
            .Select(p => p.Name)
            .ToArray();

    public static IMethodSymbol Method(this GenerationResult result, string type, string method) =>
        result.Symbol(type).GetMembers(method).OfType<IMethodSymbol>().SingleOrDefault()
        ?? throw new AssertionException($"{type} has no method {method}; it has {string.Join(", ", result.Symbol(type).GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).Distinct())}.");

    /// <summary>A method's parameters as written (<c>string id, long? limit = null</c>), without the token.</summary>
    public static string Parameters(this GenerationResult result, string type, string method) =>
        string.Join(", ", result.Method(type, method).Parameters.Where(p => p.Name != "cancellationToken").Select(p => p.ToDisplayString(Format)));

    public static string ReturnType(this GenerationResult result, string type, string method) =>
        Display(result.Method(type, method).ReturnType);
}
