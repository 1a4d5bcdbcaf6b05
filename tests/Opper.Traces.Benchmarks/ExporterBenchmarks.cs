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
/// TracerProvider samples and records them, no processor. <c>WithOpperExporter</c>: the same with
/// the Opper exporter behind OpenTelemetry's batch processor, whose export is held back until the
/// flush that ends each iteration (not timed): the application thread's own cost, enqueueing.
/// <c>WithOpperExporterSendingMeanwhile</c>: the processor's usual batches of 512, so conversion and
/// sending run on the batch thread and the thread pool while the application thread works, and
/// compete with it for this machine's two cores (as does the Kestrel server on 127.0.0.1 that
/// answers every <c>POST /v2/spans</c>). The queues hold 20,000 spans, so none are dropped; every
/// iteration starts with an empty queue. "Allocated" counts every thread's allocations.
/// </summary>
[MemoryDiagnoser]
[IterationCount(15)]
public class ExporterBenchmarks
{
    public const int Activities = 10_000;

    private const string CreatedBody = """{"name":"span","id":"123e4567-e89b-12d3-a456-426614174000"}""";

    private WebApplication _server = null!;
    private ActivitySource _unheard = null!;
    private ActivitySource _sampled = null!;
    private ActivitySource _deferred = null!;
    private ActivitySource _meanwhile = null!;
    private TracerProvider _sampledProvider = null!;
    private TracerProvider _deferredProvider = null!;
    private TracerProvider _meanwhileProvider = null!;
    private OpperExporter _deferredExporter = null!;
    private OpperExporter _meanwhileExporter = null!;

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
        _deferred = new ActivitySource("Benchmarks.Deferred");
        _meanwhile = new ActivitySource("Benchmarks.Meanwhile");
        _sampledProvider = Sdk.CreateTracerProviderBuilder().AddSource(_sampled.Name).SetSampler(new AlwaysOnSampler()).Build()!;
        var baseUrl = new Uri(address.TrimEnd('/') + "/v2/");
        (_deferredProvider, _deferredExporter) = Exporting(_deferred, baseUrl, batch =>
        {
            batch.MaxExportBatchSize = batch.MaxQueueSize;
            batch.ScheduledDelayMilliseconds = 3_600_000;
        });
        (_meanwhileProvider, _meanwhileExporter) = Exporting(_meanwhile, baseUrl, _ => { });
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var (provider, exporter, name) in new[] { (_deferredProvider, _deferredExporter, "held back"), (_meanwhileProvider, _meanwhileExporter, "meanwhile") })
        {
            provider.ForceFlush();
            if (exporter.SentSpanCount + exporter.LostSpanCount > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// exporter ({name}): {exporter.SentSpanCount:N0} spans sent, {exporter.LostSpanCount:N0} lost"));
            }

            provider.Dispose();
        }

        _sampledProvider.Dispose();
        _unheard.Dispose();
        _sampled.Dispose();
        _deferred.Dispose();
        _meanwhile.Dispose();
        await _server.DisposeAsync();
    }

    [IterationCleanup(Targets = new[] { nameof(WithOpperExporter), nameof(WithOpperExporterSendingMeanwhile) })]
    public void Flush()
    {
        _deferredProvider.ForceFlush();
        _meanwhileProvider.ForceFlush();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Activities)]
    public int NoListener() => Run(_unheard);

    [Benchmark(OperationsPerInvoke = Activities)]
    public int SampledNoExporter() => Run(_sampled);

    [Benchmark(OperationsPerInvoke = Activities)]
    public int WithOpperExporter() => Run(_deferred);

    [Benchmark(OperationsPerInvoke = Activities)]
    public int WithOpperExporterSendingMeanwhile() => Run(_meanwhile);

    private static (TracerProvider Provider, OpperExporter Exporter) Exporting(ActivitySource source, Uri baseUrl, Action<BatchExportProcessorOptions<Activity>> batching)
    {
        var options = new OpperExporterOptions { ApiKey = "benchmark-key", BaseUrl = baseUrl };
        options.BatchExportProcessorOptions.MaxQueueSize = 2 * Activities;
        batching(options.BatchExportProcessorOptions);
        var exporter = new OpperExporter(options);
        var processor = new OpperExportProcessor(exporter, options.BatchExportProcessorOptions);
        exporter.CountDropsOf(processor);
        return (Sdk.CreateTracerProviderBuilder().AddSource(source.Name).SetSampler(new AlwaysOnSampler()).AddProcessor(processor).Build()!, exporter);
    }

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
