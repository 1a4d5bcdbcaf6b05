using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Opper.Traces.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/Opper.Traces.Benchmarks -- --filter '*' --job short</c>;
/// <c>-- check</c>, <c>-- tree-steps</c> and <c>-- peak-memory SPANS</c> run the helpers below.
/// See README.md beside this file for what is measured and the latest results.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        if (args is ["check"])
        {
            Check();
            return;
        }

        if (args is ["stats-memory"])
        {
            StatisticsMemory.Run();
            return;
        }

        if (args is ["tree-steps"])
        {
            TreeSteps();
            return;
        }

        if (args is ["peak-memory", var size])
        {
            await PeakMemory.RunAsync(int.Parse(size, CultureInfo.InvariantCulture));
            return;
        }

        if (args is ["analysis-steps", ..])
        {
            AnalysisSteps(args.Length > 1 ? args[1..] : new[] { "10000", "100000", "1000000" });
            return;
        }

        var config = DefaultConfig.Instance
            .AddColumn(new ThroughputColumn(), new AllocatedPerMegabyteColumn());
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }

    // `-- check`: reads each payload once with every reader and prints what they saw.
    private static void Check()
    {
        foreach (var spans in new[] { 1_000, 10_000, 100_000 })
        {
            var benchmark = new DeserializeBenchmarks { Spans = spans };
            benchmark.Setup();
            var ours = benchmark.Ours();
            var theirs = benchmark.NSwagDtos()!;
            var tree = ours.BuildTree();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{spans} spans: {TraceGenerator.Size(spans) / 1048576.0:N1} MB, ours {ours.Spans!.Count} spans, NSwag {theirs.Spans!.Count} spans, "
                + $"tokens {benchmark.JsonTextReaderScan()} (JsonTextReader) {benchmark.Utf8JsonReaderScan()} (Utf8JsonReader), "
                + $"max depth {tree.Walk().Max(n => n.Depth)}, roots {tree.Roots.Count}, problems {tree.Problems.Count}"));
        }
    }

    // `-- tree-steps`: rough timings (best of 5, Stopwatch) of the sub-steps of BuildTree at 1,000,000 spans,
    // to see which part dominates. BenchmarkDotNet's AnalysisBenchmarks gives the real numbers.
    private static void TreeSteps()
    {
        var trace = TraceGenerator.Objects(1_000_000);
        var spans = trace.Spans!;
        Time("read id, parent id and start of every span", () =>
        {
            long sum = 0;
            foreach (var span in spans)
            {
                sum += span.Id!.Length + (span.ParentId?.Length ?? 0) + (span.StartTime?.UtcTicks ?? 0);
            }

            return sum;
        });
        Time("Dictionary<string, int> of the ids, and a parent lookup per span", () =>
        {
            var owners = new System.Collections.Generic.Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < spans.Count; i++)
            {
                owners.TryAdd(spans[i].Id!, i);
            }

            long found = 0;
            foreach (var span in spans)
            {
                found += span.ParentId is { } parent && owners.TryGetValue(parent, out var index) ? index : 0;
            }

            return found;
        });
        Time("allocate 1,000,000 objects of 64 bytes", () =>
        {
            var objects = new object[spans.Count];
            for (var i = 0; i < objects.Length; i++)
            {
                objects[i] = new Tuple<long, long, long, long, object?>(i, i, i, i, null);
            }

            return objects.Length;
        });
        Time("BuildTree", () => trace.BuildTree().Count);
        var built = trace.BuildTree();
        Time("aggregate the summary over a built tree", () => built.Summarize().SpanCount);
        Time("Summarize (includes BuildTree)", () => trace.Summarize().SpanCount);
    }

    // `-- analysis-steps [sizes]`: rough timings (best of 5, Stopwatch) of the tree, the summary and the
    // plain baseline, with the garbage collections they cause. AnalysisBenchmarks gives the real numbers.
    private static void AnalysisSteps(string[] sizes)
    {
        foreach (var size in sizes)
        {
            var trace = TraceGenerator.Objects(int.Parse(size, CultureInfo.InvariantCulture));
            Console.WriteLine(size + " spans");
            Time("BuildTree", () => trace.BuildTree().Count);
            var built = trace.BuildTree();
            Time("tree.Summarize()", () => built.Summarize().SpanCount);
            Time("BuildTree + tree.Summarize()", () => trace.BuildTree().Summarize().SpanCount);
            Time("plain tree and sums", () => PlainTreeAndSums.Run(trace));
        }
    }

    private static void Time(string step, Func<long> action)
    {
        var best = double.MaxValue;
        int gen0 = 0, gen1 = 0, gen2 = 0;
        for (var run = 0; run < 5; run++)
        {
            GC.Collect();
            int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            action();
            double elapsed = watch.Elapsed.TotalMilliseconds;
            if (elapsed < best)
            {
                best = elapsed;
                (gen0, gen1, gen2) = (GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{best,10:N1} ms  {step}  (GC {gen0}/{gen1}/{gen2})"));
    }
}
