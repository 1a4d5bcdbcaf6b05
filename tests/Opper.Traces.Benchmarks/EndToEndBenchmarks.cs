using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Opper.Models;
using N = Opper.Traces.Benchmarks.NSwag;

namespace Opper.Traces.Benchmarks;

/// <summary>
/// <c>client.Traces.GetAsync</c> against NSwag's <c>Get_trace_traces__trace_id__getAsync</c> over loopback
/// HTTP: a Kestrel server on 127.0.0.1, started here, serves a 10,000-span trace. <c>Download</c> reads the
/// same response into a buffer and parses nothing: the cost of the HTTP part alone.
/// </summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    public const int Spans = 10_000;

    private WebApplication _server = null!;
    private HttpClient _http = null!;
    private OpperClient _ours = null!;
    private N.TracesClient _theirs = null!;
    private Uri _traceUrl = null!;
    private readonly byte[] _buffer = new byte[81920];

    [GlobalSetup]
    public async Task Setup()
    {
        var json = TraceGenerator.Json(Spans);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapGet("/v2/traces/{id}", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = json.Length;
            await context.Response.Body.WriteAsync(json);
        });
        await _server.StartAsync();

        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = address.TrimEnd('/') + "/v2";
        _traceUrl = new Uri(baseUrl + "/traces/" + TraceGenerator.TraceId);
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        _ours = new OpperClient(_http, new OpperClientOptions { ApiKey = "benchmark-key", BaseUrl = new Uri(baseUrl), MaxRetries = 0 });
        _theirs = new N.TracesClient(_http) { BaseUrl = baseUrl };
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        // The process runs one benchmark, so its peak working set is that benchmark's (plus the server and payload).
        using var process = Process.GetCurrentProcess();
        Console.WriteLine("// PeakWorkingSet " + (process.PeakWorkingSet64 / (1024.0 * 1024.0)).ToString("N0", CultureInfo.InvariantCulture) + " MB");
        _ours.Dispose();
        _http.Dispose();
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<long> Download()
    {
        using var response = await _http.GetAsync(_traceUrl, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(_buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    [Benchmark]
    public Task<GetTraceResponse> Ours() => _ours.Traces.GetAsync(TraceGenerator.TraceId);

    [Benchmark]
    public Task<N.GetTraceResponse> NSwag() => _theirs.Get_trace_traces__trace_id__getAsync(Guid.Parse(TraceGenerator.TraceId));
}
