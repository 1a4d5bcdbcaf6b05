using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using static Opper.Traces.Cli.Tests.CliHarness;

namespace Opper.Traces.Cli.Tests;

[TestFixture]
public class DiffTests
{
    private const string Root = "research_assistant_1731000000#0";
    private string _after = null!;

    [SetUp]
    public void WriteChangedTrace()
    {
        // The failed fetch now succeeds quickly, the draft moved to another model with more
        // tokens and took longer, and validate_output was renamed.
        JObject trace = SampleJson();
        trace["id"] = "after";
        trace["duration_ms"] = 20000;
        foreach (JObject span in ((JArray)trace["spans"]!).Cast<JObject>())
        {
            string? name = (string?)span["name"];
            if (name == "fetch_page" && span["error"]?.Type == JTokenType.String)
            {
                span["error"] = null;
                span["duration_ms"] = 900;
            }
            else if (name == "draft_answer")
            {
                span["data"]!["model"] = "anthropic/claude-3-5-sonnet";
                span["data"]!["total_tokens"] = 3100;
                span["duration_ms"] = 4000;
            }
            else if (name == "validate_output")
            {
                span["name"] = "check_output";
            }
        }

        _after = TempPath("after.json");
        File.WriteAllText(_after, trace.ToString());
    }

    [TearDown]
    public void Delete() => File.Delete(_after);

    [Test]
    public async Task The_report_lists_the_largest_changes_first_then_added_and_removed_and_totals()
    {
        CliResult result = await RunAsync("diff", SamplePath, _after);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Err, Is.Empty);
        string[] lines = result.Out.Split('\n');
        Assert.That(lines[2], Is.EqualTo("Duration: 18,734 ms → 20,000 ms (+1,266 ms)"));
        Assert.That(lines[3], Is.EqualTo("Tokens: +138"));
        Assert.That(lines[4], Is.EqualTo("Spans: 16 matched (2 changed), 1 added, 1 removed"));
        int fetch = Array.FindIndex(lines, l => l.Contains(Root + "/web_search#0/fetch_page#1", StringComparison.Ordinal));
        int draft = Array.FindIndex(lines, l => l.Contains(Root + "/draft_answer#0", StringComparison.Ordinal));
        Assert.That(fetch, Is.GreaterThan(0));
        Assert.That(draft, Is.GreaterThan(fetch), "the larger change comes first");
        Assert.That(lines[fetch], Does.StartWith("  -4,104 ms  5,004 ms    900 ms").And.EndWith("error resolved"));
        Assert.That(lines[draft], Does.Contain("model openai/gpt-4o-mini → anthropic/claude-3-5-sonnet, tokens +138"));
        Assert.That(result.Out, Does.Contain("Added (1):\n  + " + Root + "/check_output#0 (50 ms)"));
        Assert.That(result.Out, Does.Contain("Removed (1):\n  - " + Root + "/validate_output#0 (50 ms)"));
        Assert.That(result.Out, Does.Contain("  tool        4 → 4   13,718 ms → 9,614 ms  -4,104 ms"));
        Assert.That(result.Out, Does.Contain("  anthropic/claude-3-5-sonnet  1 → 2  3,415 → 6,515        +3,100    +4,000 ms"));
    }

    [Test]
    public async Task Identical_traces_have_no_differences_and_exit_0()
    {
        CliResult result = await RunAsync("diff", SamplePath, SamplePath);

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Out, Does.EndWith("Spans: 17 matched (0 changed), 0 added, 0 removed\nNo differences.\n"));
    }

    [Test]
    public async Task Json_has_the_contract_keys_largest_change_first()
    {
        CliResult result = await RunAsync("diff", "--json", SamplePath, _after);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        JObject json = JObject.Parse(result.Out);
        Assert.That(json.Properties().Select(p => p.Name), Is.EqualTo(new[]
        {
            "matched", "added", "removed", "duration_delta_ms", "tokens_delta", "by_type", "by_model",
        }));
        JArray matched = (JArray)json["matched"]!;
        Assert.That(matched, Has.Count.EqualTo(16));
        Assert.That(((JObject)matched[0]).Properties().Select(p => p.Name), Is.EqualTo(new[]
        {
            "key", "before_id", "after_id", "duration_delta_ms", "tokens_delta", "model_changed", "error_appeared", "error_resolved",
        }));
        Assert.That((string?)matched[0]["key"], Is.EqualTo(Root + "/web_search#0/fetch_page#1"));
        Assert.That((long)matched[0]["duration_delta_ms"]!, Is.EqualTo(-4104));
        Assert.That((bool)matched[0]["error_resolved"]!, Is.True);
        Assert.That((string?)matched[0]["before_id"], Does.StartWith("71d0ef83"));
        JObject draft = matched.Cast<JObject>().Single(m => (string?)m["key"] == Root + "/draft_answer#0");
        Assert.That((bool)draft["model_changed"]!, Is.True);
        Assert.That((long)draft["tokens_delta"]!, Is.EqualTo(138));
        JObject cache = matched.Cast<JObject>().Single(m => (string?)m["key"] == Root + "/cache_lookup#0");
        Assert.That(cache["tokens_delta"]!.Type, Is.EqualTo(JTokenType.Null));
        JArray added = (JArray)json["added"]!;
        Assert.That(added, Has.Count.EqualTo(1));
        Assert.That(((JObject)added[0]).Properties().Select(p => p.Name), Is.EqualTo(new[] { "key", "span_id" }));
        Assert.That((string?)added[0]["key"], Is.EqualTo(Root + "/check_output#0"));
        Assert.That((string?)added[0]["span_id"], Does.StartWith("f958676b"));
        Assert.That((string?)json["removed"]![0]!["key"], Is.EqualTo(Root + "/validate_output#0"));
        Assert.That((long)json["duration_delta_ms"]!, Is.EqualTo(1266));
        Assert.That((long)json["tokens_delta"]!, Is.EqualTo(138));
        Assert.That((long)json["by_type"]!["tool"]!["duration_delta_ms"]!, Is.EqualTo(-4104));
        Assert.That((int)json["by_model"]!["openai/gpt-4o-mini"]!["calls_delta"]!, Is.EqualTo(-1));
    }

    [Test]
    public async Task Two_files_that_are_not_traces_are_exit_2_with_one_line()
    {
        string notJson = TempPath("a.json");
        string notTrace = TempPath("b.json");
        File.WriteAllText(notJson, "<html>502</html>");
        File.WriteAllText(notTrace, "[1, 2, 3]");
        try
        {
            CliResult result = await RunAsync("diff", notJson, notTrace);

            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Out, Is.Empty);
            Assert.That(result.Err.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Err, Does.StartWith("opper-traces: Cannot read '" + notJson + "' as a trace"));
        }
        finally
        {
            File.Delete(notJson);
            File.Delete(notTrace);
        }
    }

    [Test]
    public async Task A_missing_argument_is_exit_2()
    {
        CliResult result = await RunAsync("diff", SamplePath);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("diff --help"));
    }
}
