using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using Opper.Models;
using Opper.Models.Serialization;

namespace Opper.Traces.Benchmarks;

/// <summary>
/// <c>OtlpJson.Write</c> and <c>OtlpJson.Read</c> on a 10,000-span trace: <c>full</c> is the
/// generator's realistic trace (long inputs and outputs, meta, metrics) read from its JSON;
/// <c>short</c> has short texts, so that structure, not text, dominates. MB/s is OTLP JSON
/// written (or read) per second.
/// </summary>
[MemoryDiagnoser]
public class OtlpBenchmarks
{
    public const int Spans = 10_000;

    private static readonly ConcurrentDictionary<string, long> s_sizes = new();

    private GetTraceResponse _trace = null!;
    private MemoryStream _output = null!;
    private byte[] _otlp = null!;

    [Params("full", "short")]
    public string Shape { get; set; } = "full";

    /// <summary>The size of the OTLP JSON of a shape, for the MB/s column.</summary>
    public static long OutputSize(string shape) => s_sizes.GetOrAdd(shape, s => Otlp(Trace(s)).LongLength);

    [GlobalSetup]
    public void Setup()
    {
        _trace = Trace(Shape);
        _otlp = Otlp(_trace);
        _output = new MemoryStream(_otlp.Length + 4096);
    }

    [Benchmark]
    public long Write()
    {
        _output.Position = 0;
        _output.SetLength(0);
        OtlpJson.Write(_trace, _output);
        return _output.Length;
    }

    [Benchmark]
    public int Read()
    {
        using var input = new MemoryStream(_otlp, writable: false);
        IReadOnlyList<GetTraceResponse> traces = OtlpJson.Read(input);
        return traces[0].Spans!.Count;
    }

    private static GetTraceResponse Trace(string shape) => shape == "short"
        ? TraceGenerator.Objects(Spans)
        : OpperJson.Deserialize(new MemoryStream(TraceGenerator.Json(Spans)), GetTraceResponseJsonConverter.Read);

    private static byte[] Otlp(GetTraceResponse trace)
    {
        using var stream = new MemoryStream();
        OtlpJson.Write(trace, stream);
        return stream.ToArray();
    }
}
