using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Opper.Traces.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/Opper.Traces.Benchmarks -- --filter '*' --job short</c>.
/// See README.md beside this file for what is measured and the latest results.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["check"])
        {
            Check();
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
}
