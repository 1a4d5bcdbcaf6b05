using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Opper.OpenTelemetry;
using Opper.OpenTelemetry.Implementation;

namespace Opper.Traces.Benchmarks;

/// <summary>
/// What exporting Activities to Opper costs the application thread: 10,000 Activities (two tags
/// each, as a GenAI span carries) started and stopped per invocation, reported per Activity.
/// <c>NoListener</c>: nobody listens, the Activity is never created. <c>SampledNoExporter</c>: a
/// TracerProvider samples and records them, no processor. <c>WithOpperExporter</c>: the same provider
/// with the Opper exporter behind OpenTelemetry's batch processor, sending to a Kestrel server on
/// 127.0.0.1 that answers every <c>POST /v2/spans</c> at once. The sending happens on the batch thread
/// (and the thread pool); each iteration ends with a flush that is not timed, so every iteration
/// starts with an empty queue. The queue holds 20,000 spans, so none are dropped.
/// </summary>
[MemoryDiagnoser]
public class ExporterBenchmarks
{
    public const int Activities = 10_000;

    private const string CreatedBody = """{"name":"span","id":"123e4567-e89b-12d3-a456-426614174000"}""";

    private WebApplication _server = null!;
    private ActivitySource _unheard = null!;
    private ActivitySource _sampled = null!;
    private ActivitySource _exported = null!;
    private TracerProvider _sampledProvider = null!;
    private TracerProvider _exportedProvider = null!;
    private OpperExporter _exporter = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapPost("/v2/spans", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(CreatedBody);
        });
        await _server.StartAsync();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _unheard = new ActivitySource("Benchmarks.Unheard");
        _sampled = new ActivitySource("Benchmarks.Sampled");
        _exported = new ActivitySource("Benchmarks.Exported");
        _sampledProvider = Sdk.CreateTracerProviderBuilder().AddSource(_sampled.Name).SetSampler(new AlwaysOnSampler()).Build()!;

        var options = new OpperExporterOptions { ApiKey = "benchmark-key", BaseUrl = new Uri(address.TrimEnd('/') + "/v2/") };
        options.BatchExportProcessorOptions.MaxQueueSize = 2 * Activities;
        _exporter = new OpperExporter(options);
        var processor = new OpperExportProcessor(_exporter, options.BatchExportProcessorOptions);
        _exporter.CountDropsOf(processor);
        _exportedProvider = Sdk.CreateTracerProviderBuilder().AddSource(_exported.Name).SetSampler(new AlwaysOnSampler()).AddProcessor(processor).Build()!;
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _exportedProvider.ForceFlush();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// exporter: {_exporter.SentSpanCount:N0} spans sent, {_exporter.LostSpanCount:N0} lost"));
        _exportedProvider.Dispose();
        _sampledProvider.Dispose();
        _unheard.Dispose();
        _sampled.Dispose();
        _exported.Dispose();
        await _server.DisposeAsync();
    }

    [IterationCleanup(Target = nameof(WithOpperExporter))]
    public void Flush() => _exportedProvider.ForceFlush();

    [Benchmark(Baseline = true, OperationsPerInvoke = Activities)]
    public int NoListener() => Run(_unheard);

    [Benchmark(OperationsPerInvoke = Activities)]
    public int SampledNoExporter() => Run(_sampled);

    [Benchmark(OperationsPerInvoke = Activities)]
    public int WithOpperExporter() => Run(_exported);

    private static int Run(ActivitySource source)
    {
        var created = 0;
        for (var i = 0; i < Activities; i++)
        {
            using var activity = source.StartActivity("chat gpt-test-1");
            if (activity is not null)
            {
                activity.SetTag("gen_ai.operation.name", "chat");
                activity.SetTag("gen_ai.usage.input_tokens", i);
                created++;
            }
        }

        return created;
    }
}
