using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Opper.Models;

namespace Opper.Traces.Benchmarks;

/// <summary>
/// <c>TraceStatistics</c> over 1,000 traces of 100 spans each, already fetched: <c>From</c> over an
/// array and <c>FromAsync</c> over an async stream (as <c>GetManyAsync</c> gives them).
/// </summary>
[MemoryDiagnoser]
public class StatisticsBenchmarks
{
    private GetTraceResponse[] _traces = null!;

    [Params(1_000)]
    public int Traces { get; set; }

    [Params(100)]
    public int SpansPerTrace { get; set; }

    [GlobalSetup]
    public void Setup() => _traces = Enumerable.Range(0, Traces).Select(i => Trace(i, SpansPerTrace)).ToArray();

    [Benchmark]
    public TraceStatistics From() => TraceStatistics.From(_traces);

    [Benchmark]
    public Task<TraceStatistics> FromAsync() => TraceStatistics.FromAsync(Stream(_traces));

    /// <summary>Trace number <paramref name="i"/>: a generated trace of <paramref name="spans"/> spans, under one of five names.</summary>
    public static GetTraceResponse Trace(int i, int spans)
    {
        GetTraceResponse trace = TraceGenerator.Objects(spans);
        trace.Id = "trace-" + i;
        trace.Name = "pipeline_" + (i % 5);
        return trace;
    }

    private static async IAsyncEnumerable<GetTraceResponse> Stream(GetTraceResponse[] traces)
    {
        foreach (GetTraceResponse trace in traces)
        {
            yield return trace;
        }

        await Task.CompletedTask;
    }
}
