using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using Opper.Models;
using N = Opper.Traces.Benchmarks.NSwag;

namespace Opper.Traces.Benchmarks;

/// <summary>
/// Reading one trace through each client from an in-memory <see cref="HttpMessageHandler"/> that serves its
/// bytes (length announced): no network, so what is measured is the client's own work, body reading and
/// parsing. <c>NSwag</c> is NSwag's <c>Get_trace_traces__trace_id__getAsync</c>, <c>Ours</c> is
/// <c>client.Traces.GetAsync</c>, both over the same handler; <c>JsonConvert</c> is
/// <c>JsonConvert.DeserializeObject&lt;GetTraceResponse&gt;</c> of the same JSON as a string (our DTOs through
/// Newtonsoft's own reader and the generated converters).
/// </summary>
[MemoryDiagnoser]
public class ClientReadBenchmarks
{
    private BytesHandler _handler = null!;
    private HttpClient _http = null!;
    private OpperClient _ours = null!;
    private N.TracesClient _theirs = null!;
    private string _text = null!;

    /// <summary>10 spans is a trace of 28 KB; 10,000 spans 26.5 MB.</summary>
    [Params(10, 10_000)]
    public int Spans { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var json = TraceGenerator.Json(Spans);
        _text = Encoding.UTF8.GetString(json);
        _handler = new BytesHandler(json);
        _http = new HttpClient(_handler);
        _ours = new OpperClient(_http, new OpperClientOptions
        {
            ApiKey = "benchmark-key",
            BaseUrl = new Uri("https://api.example.test/v2"),
            MaxRetries = 0,
            MaxResponseBytes = 1L << 30,
        });
        _theirs = new N.TracesClient(_http) { BaseUrl = "https://api.example.test/v2" };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<N.GetTraceResponse> NSwag() => _theirs.Get_trace_traces__trace_id__getAsync(Guid.Parse(TraceGenerator.TraceId));

    [Benchmark]
    public Task<GetTraceResponse> Ours() => _ours.Traces.GetAsync(TraceGenerator.TraceId);

    [Benchmark]
    public GetTraceResponse? JsonConvert() => Newtonsoft.Json.JsonConvert.DeserializeObject<GetTraceResponse>(_text);

    /// <summary>Serves the same JSON to every request, its length announced.</summary>
    internal sealed class BytesHandler : HttpMessageHandler
    {
        public BytesHandler(byte[] body) => Body = body;

        public byte[] Body { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
