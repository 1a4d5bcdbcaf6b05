using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Opper.OpenApi.Generator.Tests.Infrastructure;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>The generator on Opper's own spec, with the options <c>src/Opper.Traces</c> uses.</summary>
[TestFixture]
public class RealSpecTests
{
    private GenerationResult _result = null!;

    [OneTimeSetUp]
    public void Generate()
    {
        _result = GeneratorHarness.Run(File.ReadAllText(TestPaths.RealSpec), "opper.openapi.json", GeneratorOptions.Opper);
    }

    private INamedTypeSymbol Model(string name) => _result.Symbol("Opper.Models." + name);

    private static IPropertySymbol Property(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IPropertySymbol>().SingleOrDefault() ?? throw new AssertionException($"{type.Name} has no property {name}.");

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier));

    [Test]
    public void Generates_without_diagnostics_and_compiles_without_warnings()
    {
        _result.AssertClean();
    }

    [TestCase("GetTraceResponse", "Spans", "IList<SpanSchema>?")]
    [TestCase("GetTraceResponse", "Id", "string")]
    [TestCase("GetTraceResponse", "StartTime", "DateTimeOffset?")]
    [TestCase("GetTraceResponse", "DurationMs", "long?")]
    [TestCase("GetTraceResponse", "TotalTokens", "long?")]
    [TestCase("SpanSchema", "Meta", "JObject?")]
    [TestCase("SpanSchema", "Data", "SpanData?")]
    [TestCase("SpanSchema", "ParentId", "string?")]
    [TestCase("SpanSchema", "Metrics", "IList<SpanMetricData>?")]
    [TestCase("SpanData", "Tags", "IList<string>?")]
    [TestCase("SpanData", "TotalTokens", "long?")]
    [TestCase("SpanMetricData", "Value", "double")]
    [TestCase("SpanMetricData", "CreatedAt", "DateTimeOffset")]
    [TestCase("SpanMetricData", "Comment", "string?")]
    [TestCase("CreateFunctionResponse", "ObserverEnabled", "bool")]
    [TestCase("PaginatedResponseListTracesResponse", "Data", "IList<ListTracesResponse>")]
    public void Properties_have_the_documented_types(string type, string property, string expected)
    {
        Assert.That(Display(Property(Model(type), property).Type), Is.EqualTo(expected));
    }

    [Test]
    public void Minimum_fields_of_the_public_surface_exist()
    {
        var expected = new (string Type, string[] Properties)[]
        {
            ("GetTraceResponse", new[] { "Id", "StartTime", "EndTime", "DurationMs", "Status", "Name", "Input", "Output", "TotalTokens", "Spans" }),
            ("SpanSchema", new[] { "Id", "Name", "StartTime", "Type", "ParentId", "EndTime", "DurationMs", "Error", "Meta", "Data", "Metrics", "Score" }),
            ("SpanData", new[] { "Input", "Output", "TotalTokens", "Model", "Instructions", "Function", "Tags", "Score", "GenerationId", "Observations" }),
            ("SpanMetricData", new[] { "Id", "Dimension", "Value", "CreatedAt", "Comment" }),
            ("PaginatedResponseListTracesResponse", new[] { "Meta", "Data" }),
            ("Meta", new[] { "TotalCount" }),
        };
        foreach (var (type, properties) in expected)
        {
            var symbol = Model(type);
            foreach (var property in properties)
            {
                Assert.That(symbol.GetMembers(property).OfType<IPropertySymbol>().Any(), Is.True, $"{type}.{property}");
            }
        }
    }

    [Test]
    public void Observer_enabled_defaults_to_true()
    {
        var type = _result.Type("Opper.Models.CreateFunctionResponse");
        var instance = System.Activator.CreateInstance(type)!;
        Assert.That(Reflect.Get(instance, "ObserverEnabled"), Is.EqualTo(true));

        // A default is not "set": it is not sent unless the caller sets it.
        Assert.That(Reflect.Call(instance, "IsSet", "observer_enabled"), Is.EqualTo(false));
    }

    // The client surface that the shared API.md fixes: sub-client, method, parameters (names and types), return type.
    [TestCase("Traces", "GetAsync", "string traceId, CancellationToken cancellationToken = default", "Task<GetTraceResponse>")]
    [TestCase("Traces", "ListAsync", "string? name = null, long? offset = null, long? limit = null, CancellationToken cancellationToken = default", "Task<PaginatedResponseListTracesResponse>")]
    [TestCase("Traces", "ListAllAsync", "string? name = null, int pageSize = 100, CancellationToken cancellationToken = default", "IAsyncEnumerable<ListTracesResponse>")]
    [TestCase("Spans", "CreateAsync", "CreateSpanRequest body, CancellationToken cancellationToken = default", "Task<CreateSpanResponse>")]
    [TestCase("Spans", "GetAsync", "string spanId, CancellationToken cancellationToken = default", "Task<GetSpanResponse>")]
    [TestCase("Spans", "UpdateAsync", "string spanId, UpdateSpanRequest body, CancellationToken cancellationToken = default", "Task<UpdateSpanResponse>")]
    [TestCase("Spans", "DeleteAsync", "string spanId, CancellationToken cancellationToken = default", "Task")]
    [TestCase("Spans", "SaveExamplesAsync", "string spanId, CancellationToken cancellationToken = default", "Task<SaveToDatasetResponse>")]
    [TestCase("Spans", "SubmitFeedbackAsync", "string spanId, SubmitFeedbackRequest body, CancellationToken cancellationToken = default", "Task<SubmitFeedbackResponse>")]
    [TestCase("SpanMetrics", "CreateAsync", "string spanId, CreateSpanMetricRequest body, CancellationToken cancellationToken = default", "Task<CreateSpanMetricResponse>")]
    [TestCase("SpanMetrics", "ListAsync", "string spanId, long? offset = null, long? limit = null, CancellationToken cancellationToken = default", "Task<PaginatedResponseListSpanMetricsResponse>")]
    [TestCase("SpanMetrics", "ListAllAsync", "string spanId, int pageSize = 100, CancellationToken cancellationToken = default", "IAsyncEnumerable<ListSpanMetricsResponse>")]
    [TestCase("SpanMetrics", "GetAsync", "string spanId, string metricId, CancellationToken cancellationToken = default", "Task<GetSpanMetricResponse>")]
    [TestCase("SpanMetrics", "UpdateAsync", "string spanId, string metricId, UpdateSpanMetricRequest body, CancellationToken cancellationToken = default", "Task<UpdateSpanMetricResponse>")]
    [TestCase("SpanMetrics", "DeleteAsync", "string spanId, string metricId, CancellationToken cancellationToken = default", "Task")]
    [TestCase("Functions", "CreateAsync", "CreateFunctionRequest body, CancellationToken cancellationToken = default", "Task<CreateFunctionResponse>")]
    [TestCase("Functions", "CallAsync", "string functionId, CallFunctionRequest body, CancellationToken cancellationToken = default", "Task<CallFunctionResponse>")]
    public void Client_methods_match_the_public_surface(string group, string method, string parameters, string returns)
    {
        var root = _result.Symbol("Opper.OpperClient");
        var subClientProperty = Property(root, group);
        Assert.That(subClientProperty.IsVirtual, Is.True, "sub-client properties are virtual for mocking");
        var subClient = (INamedTypeSymbol)subClientProperty.Type;
        Assert.That(subClient.ToDisplayString(), Is.EqualTo($"Opper.{group}Client"));

        var symbol = subClient.GetMembers(method).OfType<IMethodSymbol>().Single();
        var format = SymbolDisplayFormat.MinimallyQualifiedFormat
            .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue)
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);
        Assert.That(string.Join(", ", symbol.Parameters.Select(p => p.ToDisplayString(format))).Replace("default(CancellationToken)", "default", System.StringComparison.Ordinal), Is.EqualTo(parameters));
        Assert.That(symbol.ReturnType.ToDisplayString(format), Is.EqualTo(returns));
        Assert.That(symbol.IsVirtual, Is.True);
    }

    [Test]
    public void Sub_clients_are_the_tags_of_the_spec()
    {
        var root = _result.Symbol("Opper.OpperClient");
        var subClients = root.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.Type.Name.EndsWith("Client", System.StringComparison.Ordinal))
            .Select(p => p.Name)
            .OrderBy(n => n, System.StringComparer.Ordinal);
        Assert.That(subClients, Is.EqualTo(new[] { "Functions", "SpanMetrics", "Spans", "Traces" }));
    }

    [Test]
    public void Runtime_types_use_the_client_prefix()
    {
        foreach (var name in new[] { "OpperClient", "OpperClientOptions", "OpperApiException", "OpperNotFoundException", "OpperRateLimitException", "OpperSerializationException" })
        {
            Assert.That(_result.Compilation.GetTypeByMetadataName("Opper." + name), Is.Not.Null, name);
        }
    }

    [Test]
    public void Converters_are_internal_in_the_serialization_namespace()
    {
        var converter = _result.Symbol("Opper.Models.Serialization.SpanSchemaJsonConverter");
        Assert.That(converter.DeclaredAccessibility, Is.EqualTo(Accessibility.Internal));
        // Read and Write are static members of the runtime's converter bases, reachable through the converter.
        Assert.That(converter.BaseType!.Name, Is.EqualTo("OpperObjectConverter"));
        var members = converter.BaseType.BaseType!.GetMembers();
        Assert.That(members.OfType<IMethodSymbol>().Single(m => m.Name == "Read").IsStatic, Is.True);
        Assert.That(members.OfType<IMethodSymbol>().Single(m => m.Name == "Write").IsStatic, Is.True);
    }

    [Test]
    public void A_trace_round_trips_through_JsonConvert_and_keeps_unknown_fields()
    {
        var json = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "spec", "examples", "GetTraceResponse.research-assistant.json"));
        var type = _result.Type("Opper.Models.GetTraceResponse");
        var trace = Reflect.Deserialize(type, json);
        var written = Reflect.Serialize(trace);
        Reflect.AssertSameJson(written, json, timestampsAsInstants: true);

        // Free-form meta keeps a string that looks like a date exactly as it was sent.
        Assert.That(written, Does.Contain("\"requested_at\":\"2024-11-07T05:31:56Z\""));
        Assert.That(written, Does.Contain("\"account_sequence\":12345678901234567890"));
    }
}
