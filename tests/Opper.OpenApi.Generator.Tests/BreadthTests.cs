using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Opper.OpenApi.Generator.Tests.Infrastructure;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>
/// Specs shaped like real public APIs (under <c>Specs/</c>): each generates code that compiles
/// with no errors and no warnings; the generator may warn only where it falls back.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class BreadthTests
{
    private static readonly string[] FallbackDiagnostics = { "OPENAPI002", "OPENAPI003", "OPENAPI004" };

    private static readonly ConcurrentDictionary<string, Lazy<GenerationResult>> Results = new(StringComparer.Ordinal);

    public static string[] SpecFiles() => Directory.GetFiles(TestPaths.Specs, "*.openapi.json")
        .Select(f => Path.GetFileName(f))
        .Where(f => f != "tiny-petstore.openapi.json")
        .OrderBy(f => f, StringComparer.Ordinal)
        .ToArray();

    /// <summary>One generation and compilation per spec, shared by the tests of this fixture.</summary>
    private static GenerationResult Generate(string file) =>
        Results.GetOrAdd(file, f => new Lazy<GenerationResult>(() => GeneratorHarness.Run(TestPaths.ReadSpec(f), f))).Value;

    [Test]
    public void There_are_enough_specs()
    {
        Assert.That(SpecFiles(), Has.Length.InRange(6, 8));
    }

    [TestCaseSource(nameof(SpecFiles))]
    public void Spec_generates_code_that_compiles_cleanly(string file)
    {
        var result = Generate(file);
        Assert.That(result.GeneratorDiagnostics.Select(d => d.Id), Has.All.AnyOf(FallbackDiagnostics), string.Join("\n", result.GeneratorDiagnostics.Select(GenerationResult.Describe)));
        Assert.That(result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        result.AssertCompiles();
        Assert.That(result.CompilerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(GenerationResult.Describe), Is.Empty, "compiler warnings");
        Assert.That(result.Sources.Keys.Count(k => k.Contains(".Models.", StringComparison.Ordinal)), Is.GreaterThan(3));
    }
}
