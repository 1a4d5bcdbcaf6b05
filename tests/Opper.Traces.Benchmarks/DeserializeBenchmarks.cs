using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using Opper.Models;
using Opper.Models.Serialization;
using N = Opper.Traces.Benchmarks.NSwag;

namespace Opper.Traces.Benchmarks;

/// <summary>
/// Reading a trace from UTF-8 bytes: our generated converters (the client's own path), NSwag's DTOs with
/// Newtonsoft reflection (as NSwag's client does it), and two scans that read every token and build
/// nothing: Newtonsoft's JsonTextReader (the floor for anything built on it) and System.Text.Json's
/// Utf8JsonReader.
/// </summary>
[MemoryDiagnoser]
public class DeserializeBenchmarks
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // NSwag's client: JsonSerializer.Create(new JsonSerializerSettings()) over a StreamReader.
    private static readonly Newtonsoft.Json.JsonSerializer s_nswagSerializer = Newtonsoft.Json.JsonSerializer.Create(new JsonSerializerSettings());

    private byte[] _json = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Spans { get; set; }

    [GlobalSetup]
    public void Setup() => _json = TraceGenerator.Json(Spans);

    [Benchmark(Baseline = true)]
    public int JsonTextReaderScan()
    {
        using var text = new StreamReader(new MemoryStream(_json, writable: false), s_utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 16384);
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>
    /// The scan that also keeps every string it read alive until the end, as any object graph does:
    /// the difference to the plain scan is what retaining the values costs the garbage collector.
    /// </summary>
    [Benchmark]
    public int JsonTextReaderScanKeepingStrings()
    {
        using var text = new StreamReader(new MemoryStream(_json, writable: false), s_utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 16384);
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        var kept = new List<object?>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonToken.String)
            {
                kept.Add(reader.Value);
            }
        }

        return kept.Count;
    }

    [Benchmark]
    public GetTraceResponse Ours() =>
        OpperJson.Deserialize(new MemoryStream(_json, writable: false), GetTraceResponseJsonConverter.Read);

    [Benchmark]
    public N.GetTraceResponse? NSwagDtos()
    {
        using var text = new StreamReader(new MemoryStream(_json, writable: false));
        using var reader = new JsonTextReader(text);
        return s_nswagSerializer.Deserialize<N.GetTraceResponse>(reader);
    }

    [Benchmark]
    public int Utf8JsonReaderScan()
    {
        var reader = new Utf8JsonReader(_json);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
