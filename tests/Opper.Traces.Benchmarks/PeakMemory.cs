using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Opper.Traces.Benchmarks;

/// <summary>
/// <c>-- peak-memory SPANS</c>: what reading one trace through the client costs in memory. The client
/// reads the trace three times, one call at a time, from an in-memory handler that serves its bytes;
/// the program prints the bytes allocated per call, the peak of the managed heap above what it held
/// before (the payload itself excluded) and the process's peak working set (payload included). Run
/// one size per process: the peak working set is the process's.
/// </summary>
internal static class PeakMemory
{
    private const int Calls = 3;

    public static async Task RunAsync(int spans)
    {
        var json = TraceGenerator.Json(spans);
        using var handler = new ClientReadBenchmarks.BytesHandler(json);
        using var http = new HttpClient(handler);
        using var client = new OpperClient(http, new OpperClientOptions
        {
            ApiKey = "benchmark-key",
            BaseUrl = new Uri("https://api.example.test/v2"),
            MaxRetries = 0,
            MaxResponseBytes = 1L << 30,
        });

        // Warm up (JIT) on a small trace of the same shape.
        handler.Body = TraceGenerator.Json(100);
        await ReadAsync(client);
        handler.Body = json;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(1);
            }
        })
        { IsBackground = true };
        sampler.Start();

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Calls; i++)
        {
            await ReadAsync(client);
        }

        allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / Calls;
        stop.Cancel();
        sampler.Join();

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{spans} spans, {json.Length / 1048576.0:N1} MB: allocated {allocated / 1048576.0:N1} MB per call, managed heap peak {(peak - baseline) / 1048576.0:N1} MB above the payload, peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MB"));
    }

    private static async Task ReadAsync(OpperClient client)
    {
        var trace = await client.Traces.GetAsync(TraceGenerator.TraceId);
        if (trace.Spans is null || trace.Spans.Count == 0)
        {
            throw new InvalidOperationException("the trace came back without spans");
        }
    }
}
