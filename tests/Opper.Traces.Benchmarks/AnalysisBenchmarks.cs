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

    [Params(1_000, 10_000, 100_000, 1_000_000)]
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
