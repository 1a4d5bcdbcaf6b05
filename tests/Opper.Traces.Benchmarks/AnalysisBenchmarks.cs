using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Opper.Models;

namespace Opper.Traces.Benchmarks;

/// <summary>
/// <c>BuildTree</c>, and <c>BuildTree</c> plus <c>tree.Summarize()</c> (one tree, what
/// <c>trace.Summarize()</c> does), on traces of 1,000 to 1,000,000 spans (depth up to 8), against
/// <see cref="PlainTreeAndSums"/>: the same figures computed the straightforward way.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private GetTraceResponse _trace = null!;

    /// <summary>The sizes: 1,000 to 1,000,000, or those listed in <c>ANALYSIS_SPANS</c> (e.g. <c>1000000</c>), to run one at a time.</summary>
    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable("ANALYSIS_SPANS") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(size => int.Parse(size, CultureInfo.InvariantCulture))
            : new[] { 1_000, 10_000, 100_000, 1_000_000 };

    [ParamsSource(nameof(Sizes))]
    public int Spans { get; set; }

    [GlobalSetup]
    public void Setup() => _trace = TraceGenerator.Objects(Spans);

    [Benchmark]
    public SpanTree BuildTree() => _trace.BuildTree();

    [Benchmark]
    public TraceSummary BuildTreeAndSummarize() => _trace.BuildTree().Summarize();

    [Benchmark(Baseline = true)]
    public long PlainTreeAndSums() => Benchmarks.PlainTreeAndSums.Run(_trace);
}
