using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Opper;
using Opper.Traces.Tests.Reliability.Support;

// Usage: dotnet run -c Release --project tests/Opper.Traces.LoadTest -- [--calls 10000] [--concurrency 64]
//        [--body trace|span|list] [--runs 3] [--warmup 500]
// One OpperClient, shared by --concurrency tasks, makes --calls calls against an in-process
// Kestrel server on 127.0.0.1 (both share this machine's cores). Prints calls/s, latency
// percentiles, the connections the server accepted, and memory. It stops by itself.
var settings = Settings.Parse(args);
var root = AppContext.BaseDirectory;
var body = settings.Body switch
{
    "span" => File.ReadAllText(Path.Combine(root, "examples", "GetSpanResponse.with-feedback.json")),
    "list" => File.ReadAllText(Path.Combine(root, "examples", "PaginatedResponse_ListTracesResponse_.page-1.json")),
    _ => File.ReadAllText(Path.Combine(root, "examples", "GetTraceResponse.research-assistant.json")),
};
var bodyBytes = System.Text.Encoding.UTF8.GetByteCount(body);

await using var server = await LocalServer.StartAsync((context, _) => LocalServer.Respond(context, 200, body));
server.RecordRequests = false;
using var client = new OpperClient(new OpperClientOptions { ApiKey = "load-test-key", BaseUrl = server.BaseUrl, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(30) });

Func<int, Task> call = settings.Body switch
{
    "span" => i => client.Spans.GetAsync("span-" + i),
    "list" => i => client.Traces.ListAsync(limit: 10),
    _ => i => client.Traces.GetAsync("trace-" + i),
};

Console.WriteLine($"load: {settings.Calls:N0} calls, {settings.Concurrency} concurrent tasks, one client, body {settings.Body} ({bodyBytes:N0} bytes), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
await Run(settings.Warmup, settings.Concurrency, call); // JIT, connections, thread pool
var results = new List<Result>();
for (var run = 1; run <= settings.Runs; run++)
{
    var connectionsBefore = server.ConnectionsOpened;
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var gen2Before = GC.CollectionCount(2);

    var stopwatch = Stopwatch.StartNew();
    var (latencies, failures) = await Run(settings.Calls, settings.Concurrency, call);
    stopwatch.Stop();

    var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
    Array.Sort(latencies);
    var result = new Result(
        run,
        settings.Calls / stopwatch.Elapsed.TotalSeconds,
        Percentile(latencies, 50),
        Percentile(latencies, 90),
        Percentile(latencies, 99),
        latencies[^1],
        failures,
        server.ConnectionsOpened - connectionsBefore,
        server.ConnectionsOpened,
        server.PeakOpenConnections,
        (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)settings.Calls,
        memoryAfter - memoryBefore,
        GC.CollectionCount(2) - gen2Before,
        Process.GetCurrentProcess().PeakWorkingSet64,
        ThreadPool.ThreadCount);
    results.Add(result);
    Console.WriteLine(result);
}

var median = results.OrderBy(r => r.CallsPerSecond).ElementAt(results.Count / 2);
Console.WriteLine($"median run: {median.CallsPerSecond:N0} calls/s, p50 {median.P50:N2} ms, p99 {median.P99:N2} ms");
return results.Sum(r => r.Failures) == 0 ? 0 : 1;

static async Task<(double[] Latencies, int Failures)> Run(int calls, int concurrency, Func<int, Task> call)
{
    var latencies = new double[calls];
    var failures = 0;
    var next = -1;
    var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < calls)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await call(i);
            }
            catch (Exception ex)
            {
                if (Interlocked.Increment(ref failures) <= 3)
                {
                    Console.Error.WriteLine($"call {i} failed: {ex.GetType().Name}: {ex.Message}");
                }
            }

            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    })).ToArray();
    await Task.WhenAll(workers);
    return (latencies, failures);
}

static double Percentile(double[] sorted, int percent) => sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];

internal sealed record Result(
    int Run,
    double CallsPerSecond,
    double P50,
    double P90,
    double P99,
    double Max,
    int Failures,
    int ConnectionsOpened,
    int ConnectionsOpenedInTotal,
    int PeakOpenConnections,
    double AllocatedPerCall,
    long RetainedBytes,
    int Gen2Collections,
    long PeakWorkingSet,
    int ThreadPoolThreads)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"run {Run}: {CallsPerSecond,8:N0} calls/s | latency p50 {P50:N2} ms, p90 {P90:N2} ms, p99 {P99:N2} ms, max {Max:N2} ms | failures {Failures}"
        + $" | connections opened {ConnectionsOpened} (total {ConnectionsOpenedInTotal}, peak open {PeakOpenConnections})"
        + $" | allocated {AllocatedPerCall / 1024:N1} KiB/call, retained after run {RetainedBytes / 1024.0 / 1024:N1} MiB, gen2 GCs {Gen2Collections}"
        + $" | peak working set {PeakWorkingSet / 1024.0 / 1024:N0} MiB, thread pool threads {ThreadPoolThreads}");
}

internal sealed record Settings(int Calls, int Concurrency, string Body, int Runs, int Warmup)
{
    public static Settings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback, int max) =>
            values.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? Math.Min(n, max) : fallback;

        var body = values.TryGetValue("body", out var b) && b is "trace" or "span" or "list" ? b : "trace";
        return new Settings(Int("calls", 10_000, 1_000_000), Int("concurrency", 64, 1024), body, Int("runs", 3, 20), Int("warmup", 500, 100_000));
    }
}
