using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Opper.OpenApi.Generator.Tests.Infrastructure;

/// <summary>
/// Runs the OpenAPI generator the way the compiler does (an in-memory <c>*.openapi.json</c>
/// additional file plus MSBuild options), then compiles what it produced.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>The language version the tests compile with (the newest this Roslyn knows).</summary>
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    // Warning level 9999 turns on every warning wave, like the SDK's AnalysisLevel=latest.
    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        deterministic: true,
        // The SDK's defaults: binding redirects between framework versions are not warnings.
        specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    /// <summary>The running runtime's framework assemblies plus Newtonsoft.Json, built once.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences, LazyThreadSafetyMode.ExecutionAndPublication);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Win32.Primitives.dll"))
            .Append(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
        return references;
    }

    /// <summary>The driver options every test uses: no implicit outputs, step tracking on.</summary>
    public static GeneratorDriverOptions DriverOptions { get; } = new(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true);

    /// <summary>A compilation with the shared references and the given C# sources.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) => CSharpCompilation.Create(
        "Generated" + Guid.NewGuid().ToString("N"),
        sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, $"User{i}.cs")),
        References.Value,
        CompilationOptions);

    /// <summary>Creates a driver for one spec file with the given MSBuild options.</summary>
    public static GeneratorDriver CreateDriver(AdditionalText spec, GeneratorOptions? options = null) => CSharpGeneratorDriver.Create(
        new[] { new OpenApiGenerator().AsSourceGenerator() },
        new[] { spec },
        ParseOptions,
        new TestOptionsProvider(options ?? GeneratorOptions.Default),
        DriverOptions);

    /// <summary>
    /// Generates from several spec files in one compilation, each with its own item metadata
    /// (<c>&lt;AdditionalFiles Include="..." OpenApiNamespace="..." /&gt;</c>) over the global options.
    /// </summary>
    public static GenerationResult RunMany(GeneratorOptions global, params (string FileName, string Json, GeneratorOptions? Metadata)[] specs)
    {
        var texts = specs.Select(s => (AdditionalText)new InMemoryAdditionalText("/specs/" + s.FileName, s.Json)).ToArray();
        var provider = new TestOptionsProvider(global, specs.Select((s, i) => (texts[i], s.Metadata)).Where(p => p.Metadata is not null).ToDictionary(p => p.Item1, p => p.Metadata!));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new OpenApiGenerator().AsSourceGenerator() }, texts, ParseOptions, provider, DriverOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out var driverDiagnostics);
        return new GenerationResult(driver, (CSharpCompilation)output, driverDiagnostics);
    }

    /// <summary>
    /// Generates from <paramref name="specJson"/> (as the file <paramref name="fileName"/>) and
    /// compiles the result together with <paramref name="userSources"/>.
    /// </summary>
    public static GenerationResult Run(string specJson, string fileName = "acme.openapi.json", GeneratorOptions? options = null, params string[] userSources)
    {
        var spec = new InMemoryAdditionalText("/specs/" + fileName, specJson);
        var driver = CreateDriver(spec, options);
        var compilation = CreateCompilation(userSources);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return new GenerationResult(driver, (CSharpCompilation)output, driverDiagnostics);
    }
}

/// <summary>The MSBuild options the generator reads (<c>build_property.OpenApi*</c>).</summary>
internal sealed record GeneratorOptions(
    string? Namespace = "Acme",
    string? ModelsNamespace = null,
    string? ClientName = null,
    string? UserAgent = null,
    string? ApiKeyEnvironmentVariables = null)
{
    public static GeneratorOptions Default { get; } = new();

    /// <summary>What <c>src/Opper.Traces</c> sets.</summary>
    public static GeneratorOptions Opper { get; } = new("Opper", "Opper.Models", "Opper", "opper-traces-dotnet", "OPPER_API_KEY;OPPER_HTTP_BEARER");

    public IEnumerable<KeyValuePair<string, string>> BuildProperties() => Pairs("build_property.");

    /// <summary>The same options as metadata of the spec's <c>AdditionalFiles</c> item.</summary>
    public IEnumerable<KeyValuePair<string, string>> ItemMetadata() => Pairs("build_metadata.AdditionalFiles.");

    private IEnumerable<KeyValuePair<string, string>> Pairs(string prefix)
    {
        var pairs = new (string Name, string? Value)[]
        {
            ("OpenApiNamespace", Namespace),
            ("OpenApiModelsNamespace", ModelsNamespace),
            ("OpenApiClientName", ClientName),
            ("OpenApiUserAgent", UserAgent),
            ("OpenApiApiKeyEnvironmentVariables", ApiKeyEnvironmentVariables),
        };
        foreach (var (name, value) in pairs)
        {
            // MSBuild passes unset properties as empty strings.
            yield return new KeyValuePair<string, string>(prefix + name, value ?? string.Empty);
        }
    }
}

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, System.Text.Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Global options from <see cref="GeneratorOptions"/>, and item metadata per spec file.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty);

    private readonly IReadOnlyDictionary<AdditionalText, GeneratorOptions> _metadata;

    public TestOptionsProvider(GeneratorOptions options, IReadOnlyDictionary<AdditionalText, GeneratorOptions>? metadata = null)
    {
        GlobalOptions = new DictionaryOptions(options.BuildProperties().ToImmutableDictionary());
        _metadata = metadata ?? new Dictionary<AdditionalText, GeneratorOptions>();
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _metadata.TryGetValue(textFile, out var options) ? new DictionaryOptions(options.ItemMetadata().ToImmutableDictionary()) : Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values)
        {
            _values = values;
        }

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            _values.TryGetValue(key, out value);
    }
}
