using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.FakeApi;
using Opper.Models;
using static Opper.Traces.Cli.Tests.CliHarness;

namespace Opper.Traces.Cli.Tests;

[TestFixture]
public class StatsTests
{
    private static readonly string[] TopLevelKeys =
    {
        "trace_count", "span_count", "error_count", "total_tokens", "trace_duration", "by_span_name", "by_type",
        "by_model", "by_trace_name", "slowest_spans", "critical_path_share", "unreadable",
    };

    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        // Two traces (one in a sub-folder), a file that is not JSON and a file that is not a trace.
        _folder = TempPath("stats");
        Directory.CreateDirectory(Path.Combine(_folder, "nested"));
        File.Copy(SamplePath, Path.Combine(_folder, "a.json"));
        JObject second = SampleJson();
        second["id"] = "second";
        second["duration_ms"] = 20000;
        File.WriteAllText(Path.Combine(_folder, "nested", "b.json"), second.ToString());
        File.WriteAllText(Path.Combine(_folder, "broken.json"), "{\"id\": ");
        File.WriteAllText(Path.Combine(_folder, "list.json"), "[1, 2]");
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not read: not *.json");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Broken => Path.Combine(_folder, "broken.json");

    private string List => Path.Combine(_folder, "list.json");

    [Test]
    public async Task A_folder_is_summarised_and_unreadable_files_are_reported_with_path_and_reason()
    {
        CliResult result = await RunAsync("stats", _folder);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.StartWith("Traces: 2, 34 spans, 25,862 tokens, 2 span errors\n"));
        Assert.That(result.Out, Does.Contain("Slowest spans (by total self time):"));
        Assert.That(result.Out, Does.Contain("research_assistant_1731000000       2            2  18,734 ms  20,000 ms  25,862"));
        Assert.That(result.Out, Does.Contain("2 inputs could not be read and are not counted (see stderr)."));
        string[] errors = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("opper-traces:", StringComparison.Ordinal)).ToArray();
        Assert.That(errors, Has.Length.EqualTo(2));
        Assert.That(errors[0], Does.Contain(Broken).And.Contain("Unexpected end"));
        Assert.That(errors[1], Does.Contain(List).And.Contain("as a trace"));
    }

    [Test]
    public async Task Json_has_the_contract_keys_the_library_numbers_and_the_unreadable_inputs()
    {
        CliResult result = await RunAsync("stats", "--json", _folder, Path.Combine(_folder, "missing.json"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        JObject json = JObject.Parse(result.Out);
        Assert.That(json.Properties().Select(p => p.Name), Is.EqualTo(TopLevelKeys));
        GetTraceResponse second = SampleTrace();
        second.DurationMs = 20000;
        TraceStatistics expected = TraceStatistics.From(new[] { SampleTrace(), second });
        Assert.That((int)json["trace_count"]!, Is.EqualTo(2));
        Assert.That((int)json["span_count"]!, Is.EqualTo(expected.SpanCount));
        Assert.That((long)json["total_tokens"]!, Is.EqualTo(expected.TotalTokens));
        Assert.That((long)json["trace_duration"]!["max_duration_ms"]!, Is.EqualTo(20000));
        Assert.That((long)json["by_span_name"]!["fetch_page"]!["p95_duration_ms"]!, Is.EqualTo(5004));
        Assert.That((int)json["by_trace_name"]!["research_assistant_1731000000"]!["error_count"]!, Is.EqualTo(2));
        Assert.That((long)json["by_trace_name"]!["research_assistant_1731000000"]!["duration"]!["p50_duration_ms"]!, Is.EqualTo(18734));
        JArray slowest = (JArray)json["slowest_spans"]!;
        Assert.That(slowest.Select(s => (string?)s["name"]), Is.EqualTo(expected.SlowestSpans.Select(s => s.Name)));
        Assert.That(((JObject)slowest[0]).Properties().Select(p => p.Name), Is.EqualTo(new[] { "name", "count", "total_self_time_ms", "p95_duration_ms" }));
        Assert.That((double)slowest[0]["total_self_time_ms"]!, Is.EqualTo(expected.SlowestSpans[0].TotalSelfTimeMs));
        Assert.That((double)json["critical_path_share"]!["format_citations"]!, Is.EqualTo(1.0));
        Assert.That((int)json["by_model"]!["openai/gpt-4o-mini"]!["calls"]!, Is.EqualTo(12));

        JArray unreadable = (JArray)json["unreadable"]!;
        Assert.That(unreadable.Select(u => (string?)u["path"]), Is.EqualTo(new[] { Path.Combine(_folder, "missing.json"), Broken, List }));
        Assert.That(unreadable.All(u => ((JObject)u).Properties().Select(p => p.Name).SequenceEqual(new[] { "path", "reason" })), Is.True);
        Assert.That((string?)unreadable[0]["reason"], Does.Contain("File not found"));
        Assert.That(result.Err, Does.Not.Contain("Read "), "no progress with --json");
    }

    [Test]
    public async Task None_readable_is_exit_2_with_one_line()
    {
        CliResult result = await RunAsync("stats", Broken, List);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Out, Is.Empty);
        Assert.That(result.Err.TrimEnd('\n').Split('\n').Last(), Is.EqualTo("opper-traces: None of the 2 inputs could be read."));
    }

    [Test]
    public async Task None_readable_with_json_still_writes_the_document()
    {
        CliResult result = await RunAsync("stats", "--json", Broken);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        JObject json = JObject.Parse(result.Out);
        Assert.That((int)json["trace_count"]!, Is.Zero);
        Assert.That((JArray)json["unreadable"]!, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_folder_without_trace_files_is_exit_2()
    {
        string empty = Path.Combine(_folder, "empty");
        Directory.CreateDirectory(empty);

        CliResult result = await RunAsync("stats", empty);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.StartWith("opper-traces: No trace files (*.json) in"));
    }

    [TestCase("--name", "x")]
    [TestCase("--limit", "5")]
    [TestCase("--concurrency", "2")]
    public async Task Api_options_with_files_are_refused(string option, string value)
    {
        CliResult result = await RunAsync("stats", option, value, SamplePath);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain(option).And.Contain("cannot be used with files"));
    }

    [Test]
    public async Task Progress_is_plain_lines_when_stderr_is_not_a_terminal()
    {
        CliResult result = await RunAsync("stats", SamplePath, SamplePath);

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Err, Is.EqualTo("Read 1/2 trace files.\nRead 2/2 trace files.\n"));
    }

    [Test]
    public async Task Progress_is_a_bar_redrawn_in_place_on_a_terminal()
    {
        CliResult result = await RunAsync(new[] { "stats", SamplePath, Broken }, errorTerminal: true);

        Assert.That(result.ExitCode, Is.EqualTo(0));
        const string first = "[###############...............] 1/2 trace files";
        Assert.That(result.Err, ContainsOrdinal("\r" + first));
        Assert.That(result.Err, ContainsOrdinal("\r[##############################] 2/2 trace files"));
        Assert.That(result.Err, Does.Contain("opper-traces: Cannot read '" + Broken + "'"));
        Assert.That(result.Err, ContainsOrdinal("\r" + new string(' ', first.Length) + "\ropper-traces: Cannot read"), "the bar is cleared before a message");
        Assert.That(result.Err.EndsWith(new string(' ', first.Length) + "\r", StringComparison.Ordinal), Is.True, "the bar is cleared at the end");
        Assert.That(result.Out, Does.Not.Contain("\r"));
    }

    [Test]
    public async Task From_the_api_with_bounded_concurrency_and_failed_traces_reported()
    {
        await using FakeOpperApi api = await FakeOpperApi.StartAsync(new FakeOpperApiOptions
        {
            Intercept = async (request, ct) =>
            {
                if (request.Path.EndsWith("/traces/t3", StringComparison.Ordinal))
                {
                    return FakeResponse.Error(404, "NotFoundError", "Not found", "Trace not found");
                }

                await Task.Delay(30, ct);
                return null;
            },
        });
        for (int i = 0; i < 8; i++)
        {
            JObject trace = SampleJson();
            trace["id"] = "t" + i;
            trace["name"] = i < 6 ? "research" : "other";
            api.AddTrace(trace.ToString());
        }

        CliResult result = await RunAsync(
            new[] { "stats", "--json", "--name", "research", "--limit", "5", "--concurrency", "2", "--base-url", api.BaseUrl.ToString() },
            env: WithKey());

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        JObject json = JObject.Parse(result.Out);
        Assert.That((int)json["trace_count"]!, Is.EqualTo(4));
        Assert.That(((JObject)json["by_trace_name"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "research" }));
        Assert.That((string?)json["unreadable"]![0]!["path"], Is.EqualTo("t3"));
        Assert.That((string?)json["unreadable"]![0]!["reason"], Does.Contain("404"));
        Assert.That(api.MaxConcurrentRequests, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("skipped trace t3"));
    }

    [Test]
    public async Task From_the_api_when_every_fetch_fails_is_exit_3_after_the_report_of_each()
    {
        await using FakeOpperApi api = await FakeOpperApi.StartAsync(new FakeOpperApiOptions
        {
            Intercept = (request, _) => Task.FromResult(request.Path.Contains("/traces/", StringComparison.Ordinal)
                ? FakeResponse.Error(404, "NotFoundError", "Not found", "Trace not found")
                : null),
        });
        for (int i = 0; i < 3; i++)
        {
            JObject trace = SampleJson();
            trace["id"] = "t" + i;
            api.AddTrace(trace.ToString());
        }

        CliResult result = await RunAsync(new[] { "stats", "--base-url", api.BaseUrl.ToString() }, env: WithKey());

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Out, Is.Empty);
        string[] lines = result.Err.TrimEnd('\n').Split('\n');
        Assert.That(lines.Count(l => l.StartsWith("opper-traces: skipped trace t", StringComparison.Ordinal)), Is.EqualTo(3));
        Assert.That(lines.Last(), Is.EqualTo("opper-traces: None of the 3 inputs could be read."));
    }

    [Test]
    public async Task From_the_api_the_text_report_and_progress_lines_against_the_limit()
    {
        await using FakeOpperApi api = await FakeOpperApi.StartAsync();
        for (int i = 0; i < 4; i++)
        {
            JObject trace = SampleJson();
            trace["id"] = "t" + i;
            api.AddTrace(trace.ToString());
        }

        CliResult result = await RunAsync(new[] { "stats", "--limit", "10", "--base-url", api.BaseUrl.ToString() }, env: WithKey());

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.StartWith("Traces: 4, 68 spans, 51,724 tokens, 4 span errors\n"));
        Assert.That(result.Err, Is.EqualTo("Read 1/10 traces.\nRead 2/10 traces.\nRead 3/10 traces.\nRead 4/10 traces.\n"));
    }

    [Test]
    public async Task From_the_api_without_a_key_is_exit_2()
    {
        CliResult result = await RunAsync(new[] { "stats" }, http: NoNetwork());

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.StartWith("opper-traces: No API key"));
    }
}
