using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Opper.OpenApi.Generator.Tests.Infrastructure;

/// <summary>What one generator run produced: its diagnostics, its sources and their compilation.</summary>
internal sealed class GenerationResult
{
    private readonly Lazy<EmitResultWithImage> _emit;
    private Assembly? _assembly;

    public GenerationResult(GeneratorDriver driver, CSharpCompilation compilation, ImmutableArray<Diagnostic> driverDiagnostics)
    {
        Driver = driver;
        Compilation = compilation;
        RunResult = driver.GetRunResult().Results.Single();
        GeneratorDiagnostics = driverDiagnostics;
        _emit = new Lazy<EmitResultWithImage>(Emit);
    }

    public GeneratorDriver Driver { get; }

    /// <summary>The compilation with the generated sources added.</summary>
    public CSharpCompilation Compilation { get; }

    public GeneratorRunResult RunResult { get; }

    /// <summary>What the driver reported: the generator's own diagnostics, and CS8784/CS8785 if it threw.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>The generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources => RunResult.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>The compiler's errors and warnings for the generated code (and user sources).</summary>
    public ImmutableArray<Diagnostic> CompilerDiagnostics => _emit.Value.Diagnostics;

    public IEnumerable<Diagnostic> CompilerErrors => CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The source of the one generated file whose hint name ends with <paramref name="suffix"/>.</summary>
    public string Source(string suffix) => Sources.Single(pair => pair.Key.EndsWith(suffix, StringComparison.Ordinal)).Value;

    /// <summary>Fails with the diagnostics when the generated code does not compile without errors.</summary>
    public GenerationResult AssertCompiles()
    {
        Assert.That(RunResult.Exception, Is.Null, "the generator threw");
        Assert.That(CompilerErrors.Select(Describe), Is.Empty, "compiler errors");
        return this;
    }

    /// <summary>Fails unless the generator reported nothing and the output compiles with no errors and no warnings.</summary>
    public GenerationResult AssertClean()
    {
        Assert.That(GeneratorDiagnostics.Select(Describe), Is.Empty, "generator diagnostics");
        AssertCompiles();
        Assert.That(CompilerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(Describe), Is.Empty, "compiler warnings");
        return this;
    }

    /// <summary>
    /// Errors in the code generated from the spec (models and clients), without compiling the
    /// runtime's method bodies: a cheap check for runs that are not otherwise compiled.
    /// </summary>
    public IEnumerable<Diagnostic> SpecCodeErrors() => Compilation.SyntaxTrees
        .Where(tree => !tree.FilePath.Contains(".Runtime.", StringComparison.Ordinal) || tree.FilePath.EndsWith(".Runtime.Defaults.g.cs", StringComparison.Ordinal))
        .SelectMany(tree => Compilation.GetSemanticModel(tree).GetDiagnostics())
        .Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The generator's diagnostics with this id.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics(string id) => GeneratorDiagnostics.Where(d => d.Id == id).ToList();

    /// <summary>A named type of the output compilation (metadata name, such as <c>Acme.Models.Pet</c>).</summary>
    public INamedTypeSymbol Symbol(string metadataName) =>
        Compilation.GetTypeByMetadataName(metadataName) ?? throw new AssertionException($"The type {metadataName} was not generated. Types: {string.Join(", ", GeneratedTypeNames())}");

    public IEnumerable<string> GeneratedTypeNames() => Compilation.SyntaxTrees
        .SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>())
        .Select(t => t.Identifier.Text);

    /// <summary>The emitted assembly, loaded into a collectible context (Newtonsoft.Json is shared with the tests).</summary>
    public Assembly Assembly
    {
        get
        {
            // Shared results are used from parallel tests: load once, under a lock, so that every
            // caller sees the same types.
            lock (_emit)
            {
                if (_assembly is null)
                {
                    AssertCompiles();
                    var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
                    _assembly = context.LoadFromStream(new MemoryStream(_emit.Value.Image!));
                }

                return _assembly;
            }
        }
    }

    /// <summary>A type of the emitted assembly.</summary>
    public Type Type(string fullName) =>
        Assembly.GetType(fullName, throwOnError: false) ?? throw new AssertionException($"No type {fullName} in the emitted assembly.");

    public static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = diagnostic.Location == Location.None ? string.Empty : $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): ";
        return $"{where}{diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private EmitResultWithImage Emit()
    {
        using var stream = new MemoryStream();
        var result = Compilation.Emit(stream);
        return new EmitResultWithImage(result.Diagnostics, result.Success ? stream.ToArray() : null);
    }

    private sealed record EmitResultWithImage(ImmutableArray<Diagnostic> Diagnostics, byte[]? Image);
}
