using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Opper.Traces.Cli.Tests;

public class ShowTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Test]
    public async Task Show_on_the_sample_file_prints_the_header()
    {
        JObject json = CliHarness.SampleJson();
        CliResult result = await CliHarness.RunAsync(new[] { "show", CliHarness.SamplePath }, http: CliHarness.NoNetwork());

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Err, Is.Empty);
        string[] lines = Lines(result.Out);
        string input = (string)json["input"]!;
        string output = (string)json["output"]!;
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("🔍 Trace Analysis: " + (string)json["name"]!));
            Assert.That(lines, Does.Contain("ID: " + (string)json["id"]!));
            Assert.That(lines, Does.Contain("Duration: " + ((long)json["duration_ms"]!).ToString("#,##0", Invariant) + " ms"));
            Assert.That(lines, Does.Contain("Duration: 18,734 ms"));
            Assert.That(lines, Does.Contain("Status: " + (string)json["status"]!));
            Assert.That(lines, Does.Contain("Total Tokens: 12,931"));
            Assert.That(input.Length, Is.GreaterThan(100));
            Assert.That(lines, Does.Contain("Input: " + input.Substring(0, 100) + "..."));
            Assert.That(lines, Does.Contain("Output: " + output.Substring(0, 100) + "..."));
        });
    }

    [Test]
    public async Task Show_on_the_sample_file_has_a_section_per_span_type_in_order_of_first_appearance()
    {
        JObject json = CliHarness.SampleJson();
        var spans = ((JArray)json["spans"]!).Cast<JObject>().ToList();
        var types = new List<string>();
        foreach (JObject span in spans)
        {
            string type = (string?)span["type"] is { Length: > 0 } t ? t : "unknown";
            if (!types.Contains(type))
            {
                types.Add(type);
            }
        }

        CliResult result = await CliHarness.RunAsync("show", CliHarness.SamplePath);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        string[] lines = Lines(result.Out);
        Assert.That(lines, Does.Contain("📊 Span Breakdown (" + spans.Count + " spans):"));
        int previous = -1;
        foreach (string type in types)
        {
            int count = spans.Count(s => ((string?)s["type"] is { Length: > 0 } t ? t : "unknown") == type);
            string heading = type.ToUpperInvariant() + " spans (" + count + "):";
            int at = Array.IndexOf(lines, heading);
            Assert.That(at, Is.GreaterThan(previous), "section " + heading);
            previous = at;
        }

        Assert.That(types, Has.Count.EqualTo(7));
        foreach (JObject span in spans)
        {
            Assert.That(lines, Does.Contain("  • " + (string)span["name"]!));
        }
    }

    [Test]
    public async Task Show_on_the_sample_file_prints_span_details()
    {
        CliResult result = await CliHarness.RunAsync("show", CliHarness.SamplePath);
        string text = result.Out;

        // merge_summaries: model, tokens, score and both metrics, as in the sample JSON.
        Assert.That(text, Does.Contain(
            "  • merge_summaries\n    Duration: 2,859 ms\n    Model: anthropic/claude-3-5-sonnet\n    Tokens: 3,415\n    Score: 9/10\n" +
            "    📈 Metrics:\n      - latency: 2859.568\n      - faithfulness: 0.95\n"));

        // The timed-out fetch: a score of 0 is still a score, and the error is shown.
        Assert.That(text, Does.Contain("    Score: 0/10\n    ❌ Error: TimeoutError: GET https://www.motortrend.com/cars/tesla/model-s/ did not respond within 5000 ms"));

        // A span without data shows no model or tokens.
        Assert.That(text, Does.Contain("  • cache_lookup\n    Duration: 3 ms\n\n"));
    }

    [Test]
    public async Task Show_prints_the_execution_flow_as_the_tree_renders_it()
    {
        string rendered = CliHarness.SampleTrace().BuildTree().Render();

        CliResult result = await CliHarness.RunAsync("show", CliHarness.SamplePath);

        Assert.That(result.Out, Does.Contain("🌳 Execution Flow:\n" + rendered + "\n\n⚡ Performance Insights:"));
        Assert.That(rendered.Split('\n'), Has.Length.EqualTo(17));
        Assert.That(result.Out, Does.Contain("\n    └─ search_api_request (825 ms)\n"));
    }

    [Test]
    public async Task Show_with_max_depth_collapses_deeper_spans()
    {
        string rendered = CliHarness.SampleTrace().BuildTree().Render(1);

        CliResult result = await CliHarness.RunAsync("show", CliHarness.SamplePath, "--max-depth", "1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("🌳 Execution Flow:\n" + rendered + "\n\n"));
        Assert.That(result.Out, Does.Contain("\n  └─ web_search (6455 ms)\n    └─ … 5 more spans\n"));
        Assert.That(result.Out, Does.Not.Contain("search_api_request (825 ms)"));
    }

    [Test]
    public async Task Show_prints_performance_insights_computed_from_the_sample()
    {
        JObject json = CliHarness.SampleJson();
        var spans = ((JArray)json["spans"]!).Cast<JObject>().ToList();
        long traceDuration = (long)json["duration_ms"]!;
        long generation = spans.Where(s => (string?)s["type"] == "generation").Sum(s => (long)s["duration_ms"]!);
        double callAverage = spans.Where(s => (string?)s["type"] == "call").Average(s => (long)s["duration_ms"]!);
        var byModel = spans
            .Where(s => s["data"] is JObject data && (string?)data["model"] is { Length: > 0 })
            .GroupBy(s => (string)s["data"]!["model"]!)
            .ToDictionary(g => g.Key, g => (Tokens: g.Sum(s => (long?)s["data"]!["total_tokens"] ?? 0), Calls: g.Count(), Ms: g.Sum(s => (long)s["duration_ms"]!)));

        CliResult result = await CliHarness.RunAsync("show", CliHarness.SamplePath);
        string[] lines = Lines(result.Out);

        Assert.Multiple(() =>
        {
            Assert.That(generation, Is.EqualTo(16592));
            Assert.That(lines, Does.Contain(
                "LLM Generation Time: " + generation.ToString("#,##0", Invariant) + " ms (" +
                (100.0 * generation / traceDuration).ToString("0.0", Invariant) + "% of the trace)"));
            Assert.That(lines, Does.Contain("LLM Generation Time: 16,592 ms (88.6% of the trace)"));
            Assert.That(lines, Does.Contain("Average Call Duration: " + callAverage.ToString("#,##0.#", Invariant) + " ms"));
            Assert.That(lines, Does.Contain("Tokens by Model:"));
            foreach (var model in byModel)
            {
                Assert.That(lines, Does.Contain(
                    "  - " + model.Key + ": " + model.Value.Tokens.ToString("#,##0", Invariant) + " tokens, " + model.Value.Calls +
                    (model.Value.Calls == 1 ? " call, " : " calls, ") + model.Value.Ms.ToString("#,##0", Invariant) + " ms"));
            }

            // The last span to end is format_citations, directly under the root.
            Assert.That(lines, Does.Contain("Critical Path: research_assistant_1731000000 (18,734 ms) → format_citations (684 ms)"));
            Assert.That(lines, Does.Contain("Errors: 1 (fetch_page)"));
            Assert.That(lines, Does.Contain("Problems: none"));
            Assert.That(lines.Single(l => l.StartsWith("LLM Generation Wall Time: ", StringComparison.Ordinal)), Does.Contain("% of the trace"));
        });
    }

    [Test]
    public async Task Show_reports_the_problems_the_tree_finds()
    {
        string path = WriteTrace(new JObject
        {
            ["id"] = "t-1",
            ["spans"] = new JArray
            {
                Span("a", null, "root", "call", 0, 100),
                Span("b", "missing-parent", "lost", "tool", 10, 20),
                Span("c", "a", "child", null, null, null),
                Span("d", "a", "negative", "generation", 5, -3),
            },
        });

        CliResult result = await CliHarness.RunAsync("show", path);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(result.Out, Does.Contain("Problems (2):"));
            Assert.That(result.Out, Does.Contain("⚠ Orphan: Span 'b' (lost) names parent 'missing-parent', which is not in the trace."));
            Assert.That(result.Out, Does.Contain("⚠ InvalidDuration: "));
            Assert.That(result.Out, Does.Contain("UNKNOWN spans (1):"));
            Assert.That(result.Out, Does.Contain("  • child\n    Duration: N/A\n"));
            Assert.That(result.Out, Does.Contain("Duration: N/A\nStatus: N/A\nTotal Tokens: N/A\n"));
        });
        File.Delete(path);
    }

    [Test]
    public async Task Show_neutralises_control_characters_and_cuts_long_text()
    {
        string longInput = new string('x', 5000);
        string path = WriteTrace(new JObject
        {
            ["id"] = "t-1",
            ["name"] = "evil\u001b[31mname\r\nsecond line",
            ["input"] = longInput,
            ["spans"] = new JArray
            {
                Span("a", null, "span\u001b]0;title\u0007\u202Eabc\nnext", "call", 0, 100),
            },
        });

        CliResult result = await CliHarness.RunAsync("show", path);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(result.Out.Contains('\u001b'), Is.False);
            Assert.That(result.Out.Contains('\u0007'), Is.False);
            Assert.That(result.Out.Contains('\u202E'), Is.False);
            Assert.That(result.Out.Contains('\r'), Is.False);
            Assert.That(result.Out, CliHarness.ContainsOrdinal("🔍 Trace Analysis: evil\uFFFD[31mname  second line\n"));
            Assert.That(result.Out, Does.Contain("Input: " + new string('x', 100) + "...\n"));
            Assert.That(result.Out, Does.Not.Contain(new string('x', 101)));
            Assert.That(result.Out, CliHarness.ContainsOrdinal("span\uFFFD]0;title\uFFFD\uFFFDabc next (100 ms)"));
        });
        File.Delete(path);
    }

    [Test]
    public async Task Show_by_trace_id_fetches_the_trace_with_the_key_from_the_environment()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, CliHarness.ApiBase + "/traces/" + CliHarness.TraceId)
            .WithHeaders("Authorization", "Bearer key-from-env")
            .Respond("application/json", CliHarness.ReadExample("GetTraceResponse.research-assistant.json"));

        CliResult result = await CliHarness.RunAsync(new[] { "show", CliHarness.TraceId }, CliHarness.WithKey("key-from-env"), mock);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        mock.VerifyNoOutstandingExpectation();
        Assert.That(result.Out, Does.StartWith("🔍 Trace Analysis: research_assistant_1731000000\nID: " + CliHarness.TraceId + "\n"));
        Assert.That(result.Out, Does.Contain("LLM Generation Time: 16,592 ms (88.6% of the trace)"));
    }

    [Test]
    public async Task Show_falls_back_to_OPPER_HTTP_BEARER_and_honours_base_url()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, "http://127.0.0.1:5099/custom/v2/traces/" + CliHarness.TraceId)
            .WithHeaders("Authorization", "Bearer bearer-key")
            .Respond("application/json", CliHarness.ReadExample("GetTraceResponse.research-assistant.json"));
        var env = new Dictionary<string, string> { ["OPPER_API_KEY"] = "  ", ["OPPER_HTTP_BEARER"] = "bearer-key" };

        CliResult result = await CliHarness.RunAsync(
            new[] { "show", CliHarness.TraceId, "--base-url", "http://127.0.0.1:5099/custom/v2" }, env, mock);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Show_reads_the_trace_from_stdin_for_a_dash()
    {
        CliResult result = await CliHarness.RunAsync(
            new[] { "show", "-" }, http: CliHarness.NoNetwork(), stdin: CliHarness.ReadExample("GetTraceResponse.research-assistant.json"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.StartWith("🔍 Trace Analysis: research_assistant_1731000000\n"));
    }

    [Test]
    public async Task Show_of_an_empty_trace_says_so()
    {
        string path = WriteTrace(new JObject { ["id"] = "empty", ["spans"] = new JArray() });

        CliResult result = await CliHarness.RunAsync("show", path);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("📊 Span Breakdown (0 spans):"));
        Assert.That(result.Out, Does.Contain("🌳 Execution Flow:\n(no spans)\n"));
        File.Delete(path);
    }

    internal static JObject Span(string id, string? parent, string name, string? type, double? startMs, long? durationMs)
    {
        var t0 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new JObject
        {
            ["id"] = id,
            ["parent_id"] = parent,
            ["name"] = name,
            ["type"] = type,
            ["start_time"] = startMs is { } s ? t0.AddMilliseconds(s).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", Invariant) : null,
            ["duration_ms"] = durationMs,
        };
    }

    internal static string WriteTrace(JObject trace)
    {
        string path = CliHarness.TempPath("trace.json");
        File.WriteAllText(path, trace.ToString());
        return path;
    }

    private static string[] Lines(string text) => text.Split('\n');
}
