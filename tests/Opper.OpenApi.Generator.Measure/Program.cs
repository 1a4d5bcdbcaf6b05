using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Opper.OpenApi.Generator;

// Measures what a spec costs a consumer: the generator's time, the size of the C# it emits, and
// the time the compiler takes over that C#; then the same for NSwag's client of the same spec.
//
//   dotnet run -c Release --project tests/Opper.OpenApi.Generator.Measure -- SPEC [SPEC...] [--out DIR] [--no-nswag]
//
// Both outputs are compiled in this process by the same Roslyn, against the same references,
// with nullable on and documentation comments parsed (as a project with XML docs does).
var specs = new List<string>();
if (args.Length >= 2 && args[0] == "--compile")
{
    // Compiles a folder of C# files as the measurements do (to weigh a change to what is emitted).
    if (args.Contains("--no-docs"))
    {
        Measurer.Documentation = DocumentationMode.None;
    }

    var files = Directory.GetFiles(args[1], "*.cs").Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f), System.Text.Encoding.UTF8), path: f));
    var (wall, processor) = Measurer.Compile(files);
    Console.WriteLine($"{Measurer.Seconds(wall)} ({Measurer.Seconds(processor)} of processor time)");
    return 0;
}

string? outDirectory = null;
var nswag = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out":
            outDirectory = args[++i];
            break;
        case "--no-nswag":
            nswag = false;
            break;
        default:
            specs.Add(args[i]);
            break;
    }
}

if (specs.Count == 0)
{
    Console.Error.WriteLine("usage: Measure SPEC [SPEC...] [--out DIR] [--no-nswag]");
    return 2;
}

Console.WriteLine("| Spec | Spec size | Generator | Generated C# | Lines | Compile (processor) | NSwag | NSwag C# | NSwag lines | NSwag compile (processor) | Size × | Compile × (processor) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var spec in specs)
{
    var name = Path.GetFileName(spec);
    var ours = Measurer.Ours(spec, outDirectory);
    var theirs = nswag ? Measurer.NSwag(spec, outDirectory) : null;
    Console.WriteLine(string.Join(" | ", new[]
    {
        "| " + name,
        Measurer.Megabytes(new FileInfo(spec).Length),
        Measurer.Seconds(ours.Generate),
        Measurer.Megabytes(ours.Bytes),
        ours.Lines.ToString("N0", CultureInfo.InvariantCulture),
        Measurer.Seconds(ours.Compile.Wall) + " (" + Measurer.Seconds(ours.Compile.Processor) + ")",
        theirs is null ? "-" : Measurer.Seconds(theirs.Generate),
        theirs is null ? "-" : Measurer.Megabytes(theirs.Bytes),
        theirs is null ? "-" : theirs.Lines.ToString("N0", CultureInfo.InvariantCulture),
        theirs is null ? "-" : Measurer.Seconds(theirs.Compile.Wall) + " (" + Measurer.Seconds(theirs.Compile.Processor) + ")",
        theirs is null ? "-" : ((double)ours.Bytes / theirs.Bytes).ToString("0.00", CultureInfo.InvariantCulture),
        theirs is null ? "-" : (ours.Compile.Processor.TotalSeconds / theirs.Compile.Processor.TotalSeconds).ToString("0.00", CultureInfo.InvariantCulture) + " |",
    }));
}

return 0;

internal sealed record Measurement(TimeSpan Generate, long Bytes, long Lines, (TimeSpan Wall, TimeSpan Processor) Compile);

internal static class Measurer
{
    public static DocumentationMode Documentation { get; set; } = DocumentationMode.Diagnose;

    private static CSharpParseOptions ParseOptions => new(LanguageVersion.Latest, Documentation);

    public static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static Measurement Ours(string spec, string? outDirectory)
    {
        var text = new FileText(Path.GetFullPath(spec));
        if (!Path.GetFileName(spec).Contains(".openapi.", StringComparison.OrdinalIgnoreCase))
        {
            // The generator takes *.openapi.json/yaml items: present the file under such a name.
            text = new FileText(Path.GetFullPath(spec), Path.ChangeExtension(Path.GetFullPath(spec), ".openapi" + Path.GetExtension(spec)));
        }

        var options = new Options(new Dictionary<string, string>
        {
            ["build_property.OpenApiNamespace"] = "Measured",
        });
        var compilation = Compilation(Array.Empty<SyntaxTree>());

        // Once to warm the generator up, once measured.
        Run(compilation, text, options);
        var watch = Stopwatch.StartNew();
        var result = Run(compilation, text, options);
        watch.Stop();

        var trees = result.GeneratedTrees;
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"{Path.GetFileName(spec)}: the generator reported {errors.Count} errors, first: {errors[0]}");
        }

        var sources = trees.Select(t => t.GetText()).ToList();
        Write(outDirectory, "ours-" + Path.GetFileNameWithoutExtension(spec), trees.Select(t => (Path.GetFileName(t.FilePath), t.GetText().ToString())));
        return new Measurement(watch.Elapsed, sources.Sum(s => (long)System.Text.Encoding.UTF8.GetByteCount(s.ToString())), sources.Sum(s => (long)s.Lines.Count), Compile(trees));
    }

    public static Measurement? NSwag(string spec, string? outDirectory)
    {
        var command = typeof(Measurer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NSwagCommand").Value!;
        var output = Path.Combine(Path.GetTempPath(), "nswag-" + Guid.NewGuid().ToString("N") + ".cs");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            command, "openapi2csclient", "/input:" + Path.GetFullPath(spec), "/output:" + output, "/namespace:Measured",
            "/OperationGenerationMode:MultipleClientsFromFirstTagAndOperationId", "/JsonLibrary:NewtonsoftJson",
            "/GenerateNullableReferenceTypes:true", "/GenerateOptionalPropertiesAsNullable:true", "/GenerateOptionalParameters:true",
            "/UseBaseUrl:true", "/GenerateBaseUrlProperty:true", "/InjectHttpClient:true", "/DisposeHttpClient:false",
            "/GenerateExceptionClasses:true", "/GenerateClientInterfaces:false", "/AnyType:Newtonsoft.Json.Linq.JToken",
            "/ArrayType:System.Collections.Generic.IList", "/ArrayInstanceType:System.Collections.Generic.List",
            "/ResponseArrayType:System.Collections.Generic.IList", "/DateTimeType:System.DateTimeOffset", "/NewLineBehavior:LF",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using (var process = Process.Start(start)!)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                Console.Error.WriteLine($"{Path.GetFileName(spec)}: NSwag failed: {stderr.Result}{stdout.Result}");
                return null;
            }
        }

        watch.Stop();
        var source = File.ReadAllText(output);
        File.Delete(output);
        Write(outDirectory, "nswag-" + Path.GetFileNameWithoutExtension(spec), new[] { ("Client.cs", source) });
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(source, System.Text.Encoding.UTF8), ParseOptions, "Client.cs");
        return new Measurement(watch.Elapsed, System.Text.Encoding.UTF8.GetByteCount(source), tree.GetText().Lines.Count, Compile(new[] { tree }));
    }

    private static GeneratorDriverRunResult Run(CSharpCompilation compilation, AdditionalText text, AnalyzerConfigOptionsProvider options)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new OpenApiGenerator().AsSourceGenerator() }, new[] { text }, ParseOptions, options);
        return driver.RunGenerators(compilation).GetRunResult();
    }

    public static (TimeSpan Wall, TimeSpan Processor) Compile(IEnumerable<SyntaxTree> trees)
    {
        // Parsing is part of what the compiler does with the text: reparse from the text.
        var texts = trees.Select(t => (t.GetText(), t.FilePath)).ToList();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var parsed = texts.Select(t => CSharpSyntaxTree.ParseText(t.Item1, ParseOptions, t.FilePath)).ToList();
        var compilation = Compilation(parsed);
        using var stream = new MemoryStream();
        using var documentation = new MemoryStream();
        var result = compilation.Emit(stream, xmlDocumentationStream: documentation);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        Console.Error.WriteLine($"  compiled {texts.Count} files: {errors.Count} errors, {warnings} warnings, {watch.Elapsed.TotalSeconds:0.0} s ({cpu.TotalSeconds:0.0} s of processor time)");
        foreach (var group in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).GroupBy(d => d.Id).OrderByDescending(g => g.Count()).Take(5))
        {
            Console.Error.WriteLine($"    {group.Count()} × {group.Key}: {group.First()}");
        }

        foreach (var error in errors.Take(3))
        {
            Console.Error.WriteLine("    " + error);
        }

        return (watch.Elapsed, cpu);
    }

    private static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees)
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Win32.Primitives.dll"))
            .Append(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        return CSharpCompilation.Create(
            "Measured",
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release,
                // The SDK's defaults: binding redirects between framework versions are not warnings.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
    }

    private static void Write(string? directory, string name, IEnumerable<(string Name, string Text)> files)
    {
        if (directory is null)
        {
            return;
        }

        var target = Path.Combine(directory, name);
        Directory.CreateDirectory(target);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(target, file), text);
        }
    }
}

internal sealed class FileText(string file, string? presentedAs = null) : AdditionalText
{
    private SourceText? _text;

    public override string Path { get; } = presentedAs ?? file;

    public override SourceText GetText(CancellationToken cancellationToken = default) =>
        _text ??= SourceText.From(File.ReadAllText(file), System.Text.Encoding.UTF8);
}

internal sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    private static readonly Values Empty = new(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(values);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
