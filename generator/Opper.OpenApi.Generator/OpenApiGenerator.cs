using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Opper.OpenApi.Generator.Emit;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Model;
using Opper.OpenApi.Generator.Parsing;

namespace Opper.OpenApi.Generator;

/// <summary>
/// Compiles <c>*.openapi.json</c> (and <c>*.openapi.yaml</c>, <c>*.openapi.yml</c>) additional files into DTOs, reflection-free Newtonsoft.Json
/// converters and typed clients.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Each spec file with its MSBuild options, as plain value-equal data: unchanged text
        //    and options mean nothing below runs again (editing a C# file changes neither).
        var inputs = context.AdditionalTextsProvider
            .Where(static file => SpecFiles.IsSpec(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Input);

        // 2. Parse and model: a pure function of the input; never throws for a bad spec.
        var specs = inputs
            .Select(static (input, cancellationToken) => SpecParser.Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        // 3. Diagnostics travel as data and are reported on their own, pointing into the spec.
        var diagnostics = specs
            .Select(static (spec, _) => spec.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, list) =>
        {
            foreach (var diagnostic in list)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        // 4. One item per type: editing one schema re-emits one file.
        var types = specs
            .SelectMany(static (spec, _) => HintNames.Unique(spec.Types, type => type.Name).Select(pair => new TypeItem(pair.Item, pair.Name, spec.Settings)))
            .WithTrackingName(TrackingNames.Types);
        context.RegisterSourceOutput(types, static (output, item) =>
            output.AddSource($"{item.Settings.SpecName}.Models.{item.FileName}.g.cs", SourceText.From(ModelEmitter.Emit(item.Type, item.Settings), System.Text.Encoding.UTF8)));

        // 5. What the consuming compilation offers (only IAsyncEnumerable matters; a bool caches well).
        var asyncEnumerable = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1") is not null)
            .WithTrackingName(TrackingNames.Features);

        // 5b. What the generated code needs from the project: C# 9 and Newtonsoft.Json. Missing,
        //     they would show as hundreds of compiler errors in generated files; one clear error instead.
        var requirements = context.CompilationProvider
            .Select(static (compilation, _) => new Requirements(
                compilation is Microsoft.CodeAnalysis.CSharp.CSharpCompilation csharp
                    ? (int)csharp.LanguageVersion
                    : (int)Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9,
                compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConverter") is not null))
            .WithTrackingName(TrackingNames.Requirements);
        var unmet = specs
            .Where(static spec => spec.Valid)
            .Select(static (spec, _) => spec.Settings.SpecName)
            .Combine(requirements);
        context.RegisterSourceOutput(unmet, static (output, pair) =>
        {
            var (spec, needs) = pair;
            if (needs.LanguageVersion < (int)Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9)
            {
                var version = Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.ToDisplayString((Microsoft.CodeAnalysis.CSharp.LanguageVersion)needs.LanguageVersion);
                output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, Location.None, spec, version));
            }

            if (!needs.HasNewtonsoft)
            {
                output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingNewtonsoft, Location.None, spec));
            }
        });

        // 6. One item per sub-client, and the root client's sub-client properties.
        var clients = specs
            .SelectMany(static (spec, _) => HintNames.Unique(
                    spec.Clients,
                    client => client.Name.Length == 0 ? spec.Settings.ClientName + "Client.Operations" : client.Name + "Client")
                .Select(pair => new ClientItem(pair.Item, pair.Name, spec.Settings)))
            .Combine(asyncEnumerable)
            .WithTrackingName(TrackingNames.Clients);
        context.RegisterSourceOutput(clients, static (output, pair) =>
        {
            var (item, hasAsyncEnumerable) = pair;
            output.AddSource($"{item.Settings.SpecName}.{item.FileName}.g.cs", SourceText.From(ClientEmitter.EmitClient(item.Client, item.Settings, hasAsyncEnumerable), System.Text.Encoding.UTF8));
        });

        var roots = specs
            .Where(static spec => spec.Valid)
            .Select(static (spec, _) => new RootItem(
                spec.Settings,
                spec.Clients.Where(c => c.Name.Length > 0).Select(c => c.Name).ToEquatableArray(),
                spec.Clients.Where(c => c.Name.Length > 0).Select(c => c.Doc ?? string.Empty).ToEquatableArray(),
                spec.Types.OfType<ObjectModel>().SelectMany(t => t.Properties.Select(p => p.JsonName)).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(TrackingNames.Root);
        context.RegisterSourceOutput(roots, static (output, root) =>
        {
            output.AddSource($"{root.Settings.SpecName}.{root.Settings.ClientName}Client.SubClients.g.cs", SourceText.From(ClientEmitter.EmitRoot(root.Groups, root.Docs, root.Settings), System.Text.Encoding.UTF8));
            output.AddSource($"{root.Settings.SpecName}.Runtime.Defaults.g.cs", SourceText.From(RuntimeEmitter.EmitDefaults(root.Settings, root.PropertyNames), System.Text.Encoding.UTF8));
        });

        // 7. The client runtime, once per spec: depends only on the settings.
        var runtime = specs
            .Where(static spec => spec.Valid)
            .Select(static (spec, _) => spec.Settings)
            .Combine(asyncEnumerable)
            .WithTrackingName(TrackingNames.Runtime);
        context.RegisterSourceOutput(runtime, static (output, pair) =>
        {
            foreach (var (name, source) in RuntimeEmitter.Emit(pair.Left, pair.Right))
            {
                output.AddSource($"{pair.Left.SpecName}.Runtime.{name}.g.cs", SourceText.From(source, System.Text.Encoding.UTF8));
            }
        });
    }

    private static SpecInput ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var fileOptions = options.GetOptions(file);
        var global = options.GlobalOptions;

        string? Option(string name)
        {
            if (fileOptions.TryGetValue("build_metadata.AdditionalFiles." + name, out var perFile) && !string.IsNullOrWhiteSpace(perFile))
            {
                return perFile;
            }

            return global.TryGetValue("build_property." + name, out var property) && !string.IsNullOrWhiteSpace(property) ? property : null;
        }

        return new SpecInput(
            file.Path,
            text,
            Option("OpenApiNamespace"),
            Option("OpenApiModelsNamespace"),
            Option("OpenApiClientName"),
            Option("OpenApiUserAgent"),
            Option("OpenApiApiKeyEnvironmentVariablesList") ?? Option("OpenApiApiKeyEnvironmentVariables"));
    }

    private sealed record Requirements(int LanguageVersion, bool HasNewtonsoft);

    private sealed record TypeItem(TypeModel Type, string FileName, ClientSettings Settings);

    private sealed record ClientItem(ClientModel Client, string FileName, ClientSettings Settings);

    private sealed record RootItem(ClientSettings Settings, EquatableArray<string> Groups, EquatableArray<string> Docs, EquatableArray<string> PropertyNames);
}
