using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Linq.Expressions;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;
using Opper.Traces.Tests.Reliability.Support;
using RichardSzalay.MockHttp;

namespace Opper.Traces.Tests.Reliability;

/// <summary>
/// A seeded fuzz suite over every example body of <c>spec/examples</c>: each mutation is fed
/// through <c>JsonConvert.DeserializeObject</c> for the example's type, through the runtime's
/// <c>OpperJson.Deserialize</c>, and (for response and error bodies) through the client over
/// MockHttp. Every case must end, within a guard, in a value or the documented exception —
/// <see cref="JsonException"/> for the converters, <see cref="OpperSerializationException"/>
/// (or the status's <see cref="OpperApiException"/>) for the client — never another exception
/// type, a hang or a crash. A value that is read must write back and read again to the same JSON,
/// and the converter and client paths must agree on it.
/// </summary>
/// <remarks>
/// <c>OPPER_FUZZ_CASES</c> sets the number of cases (default 3,000, spread over the examples);
/// <c>OPPER_FUZZ_SEED</c> the seed. A failure names the seed, the case and the mutation, and
/// <c>OPPER_FUZZ_CASE=&lt;file&gt;:&lt;case&gt;</c> replays that one case.
/// </remarks>
[TestFixture]
public class FuzzTests
{
    private const int DefaultCases = 3000;
    private const int DefaultSeed = 20241107;

    /// <summary>Per-case guard: no case comes near it; one that reaches it hangs.</summary>
    private static readonly TimeSpan CaseGuard = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerSettings ReadBack = new() { MaxDepth = OpperJson.DefaultMaxDepth };

    private static readonly ConcurrentDictionary<(string Kind, string Outcome), int> Outcomes = new();
    private static int s_cases;

    private static int TotalCases => int.TryParse(Environment.GetEnvironmentVariable("OPPER_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultCases;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("OPPER_FUZZ_SEED"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;

    public static IEnumerable<TestCaseData> ExampleFiles() =>
        Examples.JsonFiles().Select(f => new TestCaseData(f).SetArgDisplayNames(f));

    /// <summary>How a mutated body reaches the client: the operation that returns its type, and the status.</summary>
    private static readonly Dictionary<string, (int Status, Func<OpperClient, CancellationToken, Task<object?>> Call)> ClientCalls = new(StringComparer.Ordinal)
    {
        ["GetTraceResponse"] = (200, async (c, ct) => await c.Traces.GetAsync("t-1", ct)),
        ["PaginatedResponse_ListTracesResponse_"] = (200, async (c, ct) => await c.Traces.ListAsync(cancellationToken: ct)),
        ["CreateSpanResponse"] = (201, async (c, ct) => await c.Spans.CreateAsync(new CreateSpanRequest { Name = "n" }, ct)),
        ["GetSpanResponse"] = (200, async (c, ct) => await c.Spans.GetAsync("s-1", ct)),
        ["UpdateSpanResponse"] = (200, async (c, ct) => await c.Spans.UpdateAsync("s-1", new UpdateSpanRequest { Name = "n" }, ct)),
        ["CreateSpanMetricResponse"] = (201, async (c, ct) => await c.SpanMetrics.CreateAsync("s-1", new CreateSpanMetricRequest { Dimension = "d", Value = 1 }, ct)),
        ["PaginatedResponse_ListSpanMetricsResponse_"] = (200, async (c, ct) => await c.SpanMetrics.ListAsync("s-1", cancellationToken: ct)),
        ["GetSpanMetricResponse"] = (200, async (c, ct) => await c.SpanMetrics.GetAsync("s-1", "m-1", ct)),
        ["UpdateSpanMetricResponse"] = (200, async (c, ct) => await c.SpanMetrics.UpdateAsync("s-1", "m-1", new UpdateSpanMetricRequest { Value = 1 }, ct)),
        ["CreateFunctionResponse"] = (201, async (c, ct) => await c.Functions.CreateAsync(new CreateFunctionRequest { Name = "f", Instructions = "i" }, ct)),
        ["app__api__public__v2__functions__CallFunctionResponse"] = (200, async (c, ct) => await c.Functions.CallAsync("f-1", new CallFunctionRequest { Input = "hi" }, ct)),
        ["SaveToDatasetResponse"] = (200, async (c, ct) => await c.Spans.SaveExamplesAsync("s-1", ct)),
        ["SubmitFeedbackResponse"] = (200, async (c, ct) => await c.Spans.SubmitFeedbackAsync("s-1", new SubmitFeedbackRequest { Score = 1 }, ct)),
        ["BadRequestError"] = (400, async (c, ct) => await c.Spans.GetAsync("s-1", ct)),
        ["UnauthorizedError"] = (401, async (c, ct) => await c.Spans.GetAsync("s-1", ct)),
        ["NotFoundError"] = (404, async (c, ct) => await c.Traces.GetAsync("t-1", ct)),
        ["ConflictError"] = (409, async (c, ct) => await c.Functions.CreateAsync(new CreateFunctionRequest { Name = "f", Instructions = "i" }, ct)),
        ["RequestValidationError"] = (422, async (c, ct) => await c.Spans.GetAsync("s-1", ct)),
    };

    private static readonly string[] RequestComponents =
    {
        "CreateFunctionRequest", "CreateSpanMetricRequest", "CreateSpanRequest", "SubmitFeedbackRequest",
        "UpdateSpanMetricRequest", "UpdateSpanRequest", "app__api__public__v2__functions__CallFunctionRequest",
    };

    [Test]
    public void Every_example_is_fed_to_the_client_or_is_a_request_body()
    {
        var components = Examples.JsonFiles().Select(Examples.ComponentOf).Distinct().ToList();

        Assert.That(components.Where(c => !ClientCalls.ContainsKey(c) && !RequestComponents.Contains(c)), Is.Empty, "examples the fuzz suite does not know how to feed");
    }

    [TestCaseSource(nameof(ExampleFiles))]
    public async Task Mutations_end_in_a_value_or_the_documented_exception(string file)
    {
        var component = Examples.ComponentOf(file);
        var type = Examples.ModelType(component);
        var read = ConverterRead(type);
        var json = Examples.Text(file);
        var files = Examples.JsonFiles().ToList();
        var perFile = (TotalCases + files.Count - 1) / files.Count;
        var fileIndex = files.IndexOf(file);
        var only = Environment.GetEnvironmentVariable("OPPER_FUZZ_CASE");

        using var mock = new FuzzMock(ClientCalls.TryGetValue(component, out var call) ? call.Status : 200);
        var failures = new List<string>();
        for (var i = 0; i < perFile && failures.Count < 10; i++)
        {
            if (only is not null && only != file + ":" + i)
            {
                continue;
            }

            var rng = new Random(unchecked((Seed * 1_000_003) + (fileIndex * 100_003) + i));
            var mutation = JsonMutator.Mutate(json, rng);
            var replay = $"OPPER_FUZZ_SEED={Seed} OPPER_FUZZ_CASE={file}:{i} — {mutation}";
            try
            {
                var parsed = RunGuarded(() => ThroughConverters(type, read, mutation));
                if (ClientCalls.TryGetValue(component, out var clientCall))
                {
                    await ThroughClient(mock, clientCall.Status, clientCall.Call, mutation, parsed, rng);
                }

                Interlocked.Increment(ref s_cases);
            }
            catch (Exception ex)
            {
                failures.Add(replay + Environment.NewLine + ex);
            }
        }

        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine + Environment.NewLine, failures));
    }

    [OneTimeTearDown]
    public void Report()
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"fuzz: {s_cases} cases, seed {Seed}");
        foreach (var group in Outcomes.OrderBy(o => o.Key.Kind, StringComparer.Ordinal).ThenBy(o => o.Key.Outcome, StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key.Kind,-14} {group.Key.Outcome,-40} {group.Value,8}");
        }

        TestContext.Progress.Write(report.ToString());
        if (Environment.GetEnvironmentVariable("OPPER_FUZZ_REPORT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, report.ToString());
        }
    }

    private static void Count(Mutation mutation, string outcome) => Outcomes.AddOrUpdate((mutation.Kind, outcome), 1, (_, n) => n + 1);

    // ------------------------------------------------------------ the converters

    /// <summary>The generated converter's static <c>Read(JsonReader)</c> of a model type.</summary>
    private static Func<JsonReader, object> ConverterRead(Type type)
    {
        var converter = type.Assembly.GetType("Opper.Models.Serialization." + type.Name + "JsonConverter", throwOnError: true)!;
        // Read is a static member of the runtime's converter base, which the converter inherits.
        var method = converter.GetMethod("Read", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.FlattenHierarchy, null, new[] { typeof(JsonReader) }, null)!;
        var reader = Expression.Parameter(typeof(JsonReader), "reader");
        return Expression.Lambda<Func<JsonReader, object>>(Expression.Convert(Expression.Call(method, reader), typeof(object)), reader).Compile();
    }

    private static T RunGuarded<T>(Func<T> work)
    {
        var task = Task.Run(work);
        if (!task.Wait(CaseGuard))
        {
            Assert.Fail($"the case did not end within {CaseGuard.TotalSeconds} s: it hangs");
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>The value the runtime's reader made of the bytes (as JSON text), or null when it refused them.</summary>
    private static string? ThroughConverters(Type type, Func<JsonReader, object> read, Mutation mutation)
    {
        // (a) JsonConvert with default settings, as users call it.
        string? viaJsonConvert = null;
        object? value;
        try
        {
            value = JsonConvert.DeserializeObject(mutation.Text, type);
            Count(mutation, "JsonConvert: value");
            viaJsonConvert = value is null ? "null" : WritesBackTheSame(value, type);
        }
        catch (JsonException ex)
        {
            Count(mutation, "JsonConvert: " + ex.GetType().Name);
        }

        // (b) The runtime's reader over the raw bytes, as the client reads a response.
        string? viaRuntime = null;
        try
        {
            value = OpperJson.Deserialize(new MemoryStream(mutation.Bytes), read, OpperJson.DefaultMaxDepth);
            Count(mutation, "OpperJson: value");
        }
        catch (JsonException ex)
        {
            value = null;
            Count(mutation, "OpperJson: " + ex.GetType().Name);
        }

        if (value is not null)
        {
            viaRuntime = WritesBackTheSame(value, type);
        }

        if (viaJsonConvert is not null && viaJsonConvert != "null" && viaRuntime is not null)
        {
            Assert.That(viaJsonConvert, Is.EqualTo(viaRuntime), "JsonConvert and the runtime's reader read different values");
        }

        return viaRuntime;
    }

    /// <summary>Writes the value, reads that back and writes it again: the two texts must agree (nothing lost).</summary>
    private static string WritesBackTheSame(object value, Type type)
    {
        string written;
        try
        {
            written = JsonConvert.SerializeObject(value);
        }
        catch (JsonException ex) when (ex.Message.Contains("cannot be written as JSON", StringComparison.Ordinal))
        {
            // NaN and ±Infinity (from NaN tokens or 1e400) are read but have no JSON form.
            return "unwritable: " + ex.Message;
        }

        // Read back with the runtime's depth limit: JsonConvert's default (64) is lower than the
        // client's (256), and a value the client accepted may be nested deeper than 64.
        var again = JsonConvert.SerializeObject(JsonConvert.DeserializeObject(written, type, ReadBack));
        Assert.That(again, Is.EqualTo(written), "a value read from the body does not write back the same after a round trip");
        return written;
    }

    // ------------------------------------------------------------ the client

    private static async Task ThroughClient(FuzzMock mock, int status, Func<OpperClient, CancellationToken, Task<object?>> call, Mutation mutation, string? parsed, Random rng)
    {
        mock.Next(mutation.Bytes, withLength: rng.Next(2) == 0);
        using var guard = new CancellationTokenSource(CaseGuard);
        try
        {
            var value = await call(mock.Client, guard.Token);
            Assert.That(status, Is.LessThan(300), "an error status returned a value");
            Assert.That(value, Is.Not.Null);
            Assert.That(parsed, Is.Not.Null, "the client accepted a body that the runtime's reader refuses");
            var written = WritesBackTheSame(value!, value!.GetType());
            Assert.That(written, Is.EqualTo(parsed), "the client read another value than the runtime's reader");
            Count(mutation, "client: value");
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested)
        {
            Assert.Fail($"the call did not end within {CaseGuard.TotalSeconds} s: it hangs");
        }
        catch (OpperSerializationException ex) when (status < 300)
        {
            Assert.That(parsed, Is.Null, "the client refused a body that the runtime's reader accepts: " + ex.Message);
            Assert.That(ex.InnerException, Is.Null.Or.InstanceOf<JsonException>());
            Assert.That(ex.StatusCode, Is.EqualTo(status));
            Count(mutation, "client: OpperSerializationException");
        }
        catch (OpperApiException ex) when (status >= 400)
        {
            Assert.That(ex.StatusCode, Is.EqualTo(status));
            Assert.That(ex.GetType(), Is.EqualTo(ExpectedErrorType(status)), "the error type follows the status, whatever the body");
            Assert.That(ex.Message, Does.Contain(status.ToString(CultureInfo.InvariantCulture)));
            Count(mutation, "client: " + ex.GetType().Name);
        }
    }

    private static Type ExpectedErrorType(int status) => status switch
    {
        400 => typeof(OpperBadRequestException),
        401 => typeof(OpperUnauthorizedException),
        404 => typeof(OpperNotFoundException),
        409 => typeof(OpperConflictException),
        422 => typeof(OpperValidationException),
        _ => typeof(OpperApiException),
    };

    /// <summary>One client over MockHttp that answers every request with the current case's bytes.</summary>
    private sealed class FuzzMock : IDisposable
    {
        private readonly MockHttpMessageHandler _handler = new();
        private readonly HttpClient _http;
        private byte[] _body = Array.Empty<byte>();
        private bool _withLength;

        public FuzzMock(int status)
        {
            _handler.When("*").Respond(_ =>
            {
                HttpContent content = _withLength
                    ? new ByteArrayContent(_body)
                    : new StreamContent(new UnseekableStream(_body));
                content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
                return new HttpResponseMessage((HttpStatusCode)status) { Content = content };
            });
            _http = _handler.ToHttpClient();
            Client = new OpperClient(_http, new OpperClientOptions { ApiKey = Real.Key, BaseUrl = MockApi.BaseUrl, MaxRetries = 0 });
        }

        public OpperClient Client { get; }

        public void Next(byte[] body, bool withLength)
        {
            _body = body;
            _withLength = withLength;
        }

        public void Dispose()
        {
            Client.Dispose();
            _http.Dispose();
            _handler.Dispose();
        }
    }

    /// <summary>A body of unknown length (no Content-Length), as a chunked response has.</summary>
    private sealed class UnseekableStream : MemoryStream
    {
        public UnseekableStream(byte[] bytes)
            : base(bytes, writable: false)
        {
        }

        public override bool CanSeek => false;
    }
}
