using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Models;

namespace Opper.Traces.Cli.Tests;

/// <summary><c>export --format otlp</c>, <c>--endpoint</c>, and OTLP files wherever a trace file is read.</summary>
public class OtlpCliTests
{
    private const string TraceA = "5b8efff798038103d269b633813fc60c";
    private const string TraceB = "0af7651916cd43dd8448eb211c80319c";

    [Test]
    public async Task Export_otlp_writes_the_request_to_stdout()
    {
        CliResult result = await CliHarness.RunAsync("export", CliHarness.SamplePath, "--format", "otlp");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        JObject json = Parse(result.Out);
        List<JToken> spans = Spans(json);
        Assert.That(spans, Has.Count.EqualTo(17));
        Assert.That((string?)json["resourceSpans"]![0]!["scopeSpans"]![0]!["scope"]!["name"], Is.EqualTo("Opper.Traces"));
        Assert.That(spans.Select(s => (string?)s["traceId"]).Distinct(), Is.EqualTo(new[] { CliHarness.SampleTrace().Id.Replace("-", string.Empty) }));
        Assert.That(result.Err, Is.Empty);
    }

    [Test]
    public async Task Export_otlp_to_a_file_then_every_command_reads_it_like_the_original()
    {
        string path = CliHarness.TempPath("trace.otlp.json");
        CliResult export = await CliHarness.RunAsync("export", CliHarness.SamplePath, "-f", "otlp", "-o", path);
        Assert.That(export.ExitCode, Is.EqualTo(0), export.ToString());
        Assert.That(export.Err, Does.StartWith("Wrote 17 spans to " + path));

        CliResult original = await CliHarness.RunAsync("summary", CliHarness.SamplePath, "--json");
        CliResult fromOtlp = await CliHarness.RunAsync("summary", path, "--json");
        CliResult show = await CliHarness.RunAsync(new[] { "show", path }, http: CliHarness.NoNetwork());
        CliResult chrome = await CliHarness.RunAsync("export", path, "-o", "-");

        Assert.That(fromOtlp.ExitCode, Is.EqualTo(0), fromOtlp.ToString());
        Assert.That(fromOtlp.Out, Is.EqualTo(original.Out), "the same summary from the OTLP file");
        Assert.That(show.ExitCode, Is.EqualTo(0), show.ToString());
        Assert.That(show.Out, Does.Contain(CliHarness.SampleTrace().Name!));
        Assert.That(chrome.ExitCode, Is.EqualTo(0), chrome.ToString());
        File.Delete(path);
    }

    [Test]
    public async Task Endpoint_posts_json_to_v1_traces_with_the_headers()
    {
        await using var collector = new LoopbackCollector();
        var env = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-tenant=acme%20corp, authorization=Basic%20abc" };

        CliResult result = await CliHarness.RunAsync(
            new[] { "export", CliHarness.SamplePath, "--endpoint", collector.Url, "--header", "x-extra=1=2", "--header", "Authorization=Bearer t0k3n" },
            env);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        LoopbackCollector.Received request = collector.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Path, Is.EqualTo("/v1/traces"));
            Assert.That(request.ContentType, Is.EqualTo("application/json"));
            Assert.That(request.Headers["x-tenant"], Is.EqualTo("acme corp"), "URL-decoded from the environment");
            Assert.That(request.Headers["x-extra"], Is.EqualTo("1=2"));
            Assert.That(request.Headers["Authorization"], Is.EqualTo("Bearer t0k3n"), "--header wins over the environment");
            Assert.That(Spans(Parse(request.Body)), Has.Count.EqualTo(17));
            Assert.That(result.Err, Does.StartWith("Sent 17 spans to " + collector.Url + "/v1/traces (200 OK)"));
            Assert.That(result.Err, Does.Not.Contain("t0k3n").And.Not.Contain("abc"));
        });
    }

    [Test]
    public async Task Endpoint_with_a_path_is_used_as_it_is()
    {
        await using var collector = new LoopbackCollector();

        CliResult result = await CliHarness.RunAsync("export", CliHarness.SamplePath, "--format", "otlp", "--endpoint", collector.Url + "/otlp/v1/traces");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(collector.Requests.Single().Path, Is.EqualTo("/otlp/v1/traces"));
    }

    [Test]
    public async Task A_collector_error_exits_3_with_the_status_and_its_message()
    {
        await using var collector = new LoopbackCollector(400, "{\"code\":3,\"message\":\"bad\\ntrace data\"}");

        CliResult result = await CliHarness.RunAsync("export", CliHarness.SamplePath, "--endpoint", collector.Url, "--header", "authorization=secret-value");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Err, Does.StartWith("opper-traces: The collector at " + collector.Url + "/v1/traces answered 400 Bad Request: bad trace data"));
        Assert.That(result.Err.TrimEnd('\n'), Does.Not.Contain("\n"));
        Assert.That(result.Err, Does.Not.Contain("secret-value"));
    }

    [Test]
    public async Task An_unreachable_collector_exits_3()
    {
        CliResult result = await CliHarness.RunAsync("export", CliHarness.SamplePath, "--endpoint", "http://127.0.0.1:" + LoopbackCollector.FreePort());

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Err, Does.StartWith("opper-traces: Cannot reach the collector at "));
    }

    [TestCase("--endpoint", "ftp://host")]
    [TestCase("--endpoint", "http://127.0.0.1:1", "--format", "chrome")]
    [TestCase("--endpoint", "http://127.0.0.1:1", "-o", "x.json")]
    [TestCase("--header", "a=b")]
    [TestCase("--endpoint", "http://127.0.0.1:1", "--header", "novalue")]
    [TestCase("--format", "otlp", "--trace-id", "not-an-id")]
    public async Task Bad_export_options_exit_2(params string[] options)
    {
        CliResult result = await CliHarness.RunAsync(new[] { "export", CliHarness.SamplePath }.Concat(options).ToArray());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.StartWith("opper-traces: "));
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public async Task A_file_with_several_traces_lists_them_and_trace_id_picks_one()
    {
        string path = CliHarness.TempPath("two.jsonl");
        File.WriteAllText(path, Request(TraceA, "1111111111111111", "checkout") + "\n" + Request(TraceB, "2222222222222222", "search") + "\n");

        CliResult listed = await CliHarness.RunAsync(new[] { "summary", path }, http: CliHarness.NoNetwork());
        CliResult byHex = await CliHarness.RunAsync(new[] { "summary", path, "--json", "--trace-id", TraceB.ToUpperInvariant() }, http: CliHarness.NoNetwork());
        CliResult byUuid = await CliHarness.RunAsync(new[] { "show", path, "--trace-id", "5b8efff7-9803-8103-d269-b633813fc60c" }, http: CliHarness.NoNetwork());
        CliResult missing = await CliHarness.RunAsync(new[] { "export", path, "--trace-id", "00000000000000000000000000000001" }, http: CliHarness.NoNetwork());

        Assert.That(listed.ExitCode, Is.EqualTo(2), listed.ToString());
        Assert.That(listed.Err, Does.Contain("holds 2 traces").And.Contain("5b8efff7-9803-8103-d269-b633813fc60c (checkout, 1 span)")
            .And.Contain("0af76519-16cd-43dd-8448-eb211c80319c (search, 1 span)").And.Contain("--trace-id"));
        Assert.That(byHex.ExitCode, Is.EqualTo(0), byHex.ToString());
        Assert.That((string?)JObject.Parse(byHex.Out)["trace_id"], Is.EqualTo("0af76519-16cd-43dd-8448-eb211c80319c"));
        Assert.That(byUuid.ExitCode, Is.EqualTo(0), byUuid.ToString());
        Assert.That(byUuid.Out, Does.Contain("checkout"));
        Assert.That(missing.ExitCode, Is.EqualTo(2), missing.ToString());
        Assert.That(missing.Err, Does.Contain("holds no trace 00000000-0000-0000-0000-000000000001"));
        File.Delete(path);
    }

    [Test]
    public async Task Malformed_otlp_exits_2_with_the_json_path()
    {
        string path = CliHarness.TempPath("bad.otlp.json");
        File.WriteAllText(path, "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + TraceA + "\",\"spanId\":\"not hex\"}]}]}]}");

        CliResult result = await CliHarness.RunAsync(new[] { "show", path }, http: CliHarness.NoNetwork());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.Contain("as OTLP JSON").And.Contain("resourceSpans[0].scopeSpans[0].spans[0].spanId"));
        Assert.That(result.Err.TrimEnd('\n'), Does.Not.Contain("\n"));
        File.Delete(path);
    }

    [Test]
    public async Task Otlp_on_stdin_is_read_too()
    {
        CliResult result = await CliHarness.RunAsync(new[] { "summary", "-", "--json" }, stdin: Request(TraceA, "1111111111111111", "checkout"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That((int?)JObject.Parse(result.Out)["span_count"], Is.EqualTo(1));
    }

    [Test]
    public async Task Trace_id_with_a_trace_id_argument_is_refused()
    {
        CliResult result = await CliHarness.RunAsync(new[] { "show", CliHarness.TraceId, "--trace-id", TraceA }, CliHarness.WithKey(), CliHarness.NoNetwork());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.Contain("--trace-id picks a trace in a file"));
    }

    private static string Request(string traceId, string spanId, string name) =>
        "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"app\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":\"App\"},\"spans\":["
        + "{\"traceId\":\"" + traceId + "\",\"spanId\":\"" + spanId + "\",\"name\":\"" + name + "\",\"kind\":2,\"startTimeUnixNano\":\"1700000000000000000\",\"endTimeUnixNano\":\"1700000000250000000\"}"
        + "]}]}]}";

    private static JObject Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    private static List<JToken> Spans(JObject json) =>
        json["resourceSpans"]!.SelectMany(r => r["scopeSpans"]!).SelectMany(s => s["spans"]!).ToList();
}
