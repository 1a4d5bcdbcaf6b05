using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Opper.OpenApi.Generator.Tests.Infrastructure;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>
/// What the generated code needs from the consuming project (C# 9, Newtonsoft.Json) is reported
/// as one clear error instead of hundreds of compiler errors in generated files.
/// </summary>
[TestFixture]
public class RequirementDiagnosticTests
{
    private const string Spec = """
        {"openapi": "3.0.3", "info": {"title": "Acme", "version": "1"},
         "paths": {"/things": {"get": {"operationId": "listThings", "responses": {"200": {"description": "ok",
           "content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}}}}}}}}}}}
        """;

    private static Diagnostic[] Run(CSharpParseOptions parseOptions, bool withNewtonsoft)
    {
        var references = GeneratorHarness.CreateCompilation().References
            .Where(r => withNewtonsoft || !(r.Display ?? string.Empty).EndsWith("Newtonsoft.Json.dll", System.StringComparison.OrdinalIgnoreCase));
        // The project's language version is that of its own sources.
        var source = CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Program { } }", parseOptions);
        var compilation = CSharpCompilation.Create("Requirements", new[] { source }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            new[] { new InMemoryAdditionalText("/specs/acme.openapi.json", Spec) },
            parseOptions,
            new TestOptionsProvider(GeneratorOptions.Default),
            GeneratorHarness.DriverOptions);
        driver = driver.RunGenerators(compilation);
        return driver.GetRunResult().Diagnostics.ToArray();
    }

    [Test]
    public void OPENAPI007_is_reported_when_the_project_compiles_with_csharp_older_than_9()
    {
        var diagnostics = Run(new CSharpParseOptions(LanguageVersion.CSharp7_3), withNewtonsoft: true);

        var diagnostic = diagnostics.Single(d => d.Id == "OPENAPI007");
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(diagnostic.GetMessage(), Does.Contain("7.3").And.Contain("LangVersion").And.Contain("acme"));
        Assert.That(diagnostics.Select(d => d.Id), Has.None.EqualTo("OPENAPI008"));
    }

    [Test]
    public void OPENAPI008_is_reported_when_newtonsoft_is_not_referenced()
    {
        var diagnostics = Run(new CSharpParseOptions(LanguageVersion.Latest), withNewtonsoft: false);

        var diagnostic = diagnostics.Single(d => d.Id == "OPENAPI008");
        Assert.That(diagnostic.GetMessage(), Does.Contain("Newtonsoft.Json"));
        Assert.That(diagnostics.Select(d => d.Id), Has.None.EqualTo("OPENAPI007"));
    }

    [Test]
    public void Neither_is_reported_when_the_project_has_what_the_code_needs()
    {
        var diagnostics = Run(new CSharpParseOptions(LanguageVersion.CSharp9), withNewtonsoft: true);

        Assert.That(diagnostics.Select(d => d.Id), Has.None.EqualTo("OPENAPI007").And.None.EqualTo("OPENAPI008"));
    }
}
