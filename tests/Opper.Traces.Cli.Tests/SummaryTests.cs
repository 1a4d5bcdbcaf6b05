using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Models;

namespace Opper.Traces.Cli.Tests;

public class SummaryTests
{
    private static readonly string[] TopLevelKeys =
    {
        "trace_id", "span_count", "root_count", "orphan_count", "max_depth", "total_tokens",
        "generation_time_ms", "generation_share", "generation_wall_time_ms", "generation_wall_share",
        "average_call_duration_ms", "by_type", "by_model", "errors", "critical_path", "metrics", "scores",
    };

    private static readonly string[] ByTypeKeys =
    {
        "count", "total_duration_ms", "average_duration_ms", "min_duration_ms", "max_duration_ms", "p50_duration_ms", "p95_duration_ms",
    };

    [Test]
    public async Task Summary_json_has_exactly_the_documented_keys()
    {
        CliResult result = await CliHarness.RunAsync("summary", CliHarness.SamplePath, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        JObject json = Parse(result.Out);
        Assert.That(json.Properties().Select(p => p.Name), Is.EqualTo(TopLevelKeys));
        foreach (JProperty type in ((JObject)json["by_type"]!).Properties())
        {
            Assert.That(((JObject)type.Value).Properties().Select(p => p.Name), Is.EqualTo(ByTypeKeys), type.Name);
        }

        foreach (JProperty model in ((JObject)json["by_model"]!).Properties())
        {
            Assert.That(((JObject)model.Value).Properties().Select(p => p.Name), Is.EqualTo(new[] { "calls", "total_tokens", "total_duration_ms" }));
        }

        foreach (JProperty metric in ((JObject)json["metrics"]!).Properties())
        {
            Assert.That(((JObject)metric.Value).Properties().Select(p => p.Name), Is.EqualTo(new[] { "count", "mean", "min", "max" }));
        }

        Assert.That(((JObject)json["scores"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "count", "mean", "min", "max" }));
    }

    [Test]
    public async Task Summary_json_values_match_Summarize()
    {
        TraceSummary expected = CliHarness.SampleTrace().Summarize();

        CliResult result = await CliHarness.RunAsync("summary", CliHarness.SamplePath, "--json");
        JObject json = Parse(result.Out);

        Assert.Multiple(() =>
        {
            Assert.That((string?)json["trace_id"], Is.EqualTo(expected.TraceId));
            Assert.That((int)json["span_count"]!, Is.EqualTo(expected.SpanCount).And.EqualTo(17));
            Assert.That((int)json["root_count"]!, Is.EqualTo(expected.RootCount));
            Assert.That((int)json["orphan_count"]!, Is.EqualTo(expected.OrphanCount));
            Assert.That((int)json["max_depth"]!, Is.EqualTo(expected.MaxDepth).And.EqualTo(3));
            Assert.That((long)json["total_tokens"]!, Is.EqualTo(expected.TotalTokens).And.EqualTo(12931));
            Assert.That((long)json["generation_time_ms"]!, Is.EqualTo(expected.GenerationTimeMs).And.EqualTo(16592));
            Assert.That((double?)json["generation_share"], Is.EqualTo(expected.GenerationShare));
            Assert.That((double)json["generation_wall_time_ms"]!, Is.EqualTo(expected.GenerationWallTimeMs));
            Assert.That((double?)json["generation_wall_share"], Is.EqualTo(expected.GenerationWallShare));
            Assert.That((double?)json["average_call_duration_ms"], Is.EqualTo(expected.AverageCallDurationMs).And.EqualTo(12697.0));

            var byType = (JObject)json["by_type"]!;
            Assert.That(byType.Properties().Select(p => p.Name), Is.EquivalentTo(expected.ByType.Keys));
            foreach (KeyValuePair<string, DurationStats> type in expected.ByType)
            {
                JToken actual = byType[type.Key]!;
                Assert.That((int)actual["count"]!, Is.EqualTo(type.Value.Count));
                Assert.That((long)actual["total_duration_ms"]!, Is.EqualTo(type.Value.TotalDurationMs));
                Assert.That((double?)actual["average_duration_ms"], Is.EqualTo(type.Value.AverageDurationMs));
                Assert.That((long?)actual["min_duration_ms"], Is.EqualTo(type.Value.MinDurationMs));
                Assert.That((long?)actual["max_duration_ms"], Is.EqualTo(type.Value.MaxDurationMs));
                Assert.That((long?)actual["p50_duration_ms"], Is.EqualTo(type.Value.P50DurationMs));
                Assert.That((long?)actual["p95_duration_ms"], Is.EqualTo(type.Value.P95DurationMs));
            }

            var byModel = (JObject)json["by_model"]!;
            Assert.That(byModel.Properties().Select(p => p.Name), Is.EquivalentTo(expected.ByModel.Keys));
            foreach (KeyValuePair<string, ModelStats> model in expected.ByModel)
            {
                Assert.That((int)byModel[model.Key]!["calls"]!, Is.EqualTo(model.Value.Calls));
                Assert.That((long)byModel[model.Key]!["total_tokens"]!, Is.EqualTo(model.Value.TotalTokens));
                Assert.That((long)byModel[model.Key]!["total_duration_ms"]!, Is.EqualTo(model.Value.TotalDurationMs));
            }

            Assert.That(json["errors"]!.Select(t => (string?)t), Is.EqualTo(expected.Errors.Select(s => s.Id)));
            Assert.That(json["errors"]!.Select(t => (string?)t), Is.EqualTo(new[] { "71d0ef83-0a29-44c5-b687-a39c816e5fe8" }));
            Assert.That(json["critical_path"]!.Select(t => (string?)t), Is.EqualTo(expected.CriticalPath));

            var metrics = (JObject)json["metrics"]!;
            Assert.That(metrics.Properties().Select(p => p.Name), Is.EquivalentTo(expected.Metrics.Keys));
            foreach (KeyValuePair<string, MetricStats> metric in expected.Metrics)
            {
                Assert.That((int)metrics[metric.Key]!["count"]!, Is.EqualTo(metric.Value.Count));
                Assert.That((double)metrics[metric.Key]!["mean"]!, Is.EqualTo(metric.Value.Mean));
                Assert.That((double)metrics[metric.Key]!["min"]!, Is.EqualTo(metric.Value.Min));
                Assert.That((double)metrics[metric.Key]!["max"]!, Is.EqualTo(metric.Value.Max));
            }

            Assert.That((int)json["scores"]!["count"]!, Is.EqualTo(expected.Scores.Count).And.EqualTo(4));
            Assert.That((double?)json["scores"]!["mean"], Is.EqualTo(expected.Scores.Mean));
            Assert.That((double?)json["scores"]!["min"], Is.EqualTo(expected.Scores.Min).And.EqualTo(0));
            Assert.That((double?)json["scores"]!["max"], Is.EqualTo(expected.Scores.Max).And.EqualTo(9));
        });
    }

    [Test]
    public async Task Summary_json_writes_unknown_values_as_null()
    {
        // No trace duration, no calls, no scores, a type whose spans have no known duration.
        string path = ShowTests.WriteTrace(new JObject
        {
            ["id"] = "t-nulls",
            ["spans"] = new JArray { ShowTests.Span("a", null, "only", "tool", null, null) },
        });

        CliResult result = await CliHarness.RunAsync("summary", path, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        JObject json = Parse(result.Out);
        Assert.Multiple(() =>
        {
            Assert.That(json["generation_share"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That(json["generation_wall_share"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That(json["average_call_duration_ms"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That((long)json["generation_time_ms"]!, Is.EqualTo(0));
            Assert.That(json["by_type"]!["tool"]!["average_duration_ms"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That(json["by_type"]!["tool"]!["p95_duration_ms"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That((long)json["by_type"]!["tool"]!["total_duration_ms"]!, Is.EqualTo(0));
            Assert.That((int)json["scores"]!["count"]!, Is.EqualTo(0));
            Assert.That(json["scores"]!["mean"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That(json["by_model"]!.HasValues, Is.False);
        });
        File.Delete(path);
    }

    [Test]
    public async Task Summary_json_critical_path_has_null_for_a_span_without_id()
    {
        string path = ShowTests.WriteTrace(new JObject
        {
            ["id"] = "t-no-id",
            ["spans"] = new JArray
            {
                new JObject { ["id"] = "root", ["name"] = "root", ["start_time"] = "2024-01-01T00:00:00Z", ["duration_ms"] = 100 },
                new JObject { ["id"] = null, ["parent_id"] = "root", ["name"] = "anonymous", ["start_time"] = "2024-01-01T00:00:00.010Z", ["duration_ms"] = 50 },
                new JObject { ["id"] = "", ["parent_id"] = "root", ["name"] = "empty", ["start_time"] = "2024-01-01T00:00:00.005Z", ["duration_ms"] = 10 },
            },
        });

        CliResult result = await CliHarness.RunAsync("summary", path, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var criticalPath = (JArray)Parse(result.Out)["critical_path"]!;
        Assert.That(criticalPath.Count, Is.EqualTo(2));
        Assert.That((string?)criticalPath[0], Is.EqualTo("root"));
        Assert.That(criticalPath[1].Type, Is.EqualTo(JTokenType.Null));
        File.Delete(path);
    }

    [Test]
    public async Task Summary_without_json_prints_a_short_human_summary()
    {
        CliResult result = await CliHarness.RunAsync("summary", CliHarness.SamplePath);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(result.Out, Does.StartWith("Trace " + CliHarness.TraceId + " research_assistant_1731000000\n"));
            Assert.That(result.Out, Does.Contain("Spans: 17 (1 root, 0 orphans, max depth 3)\n"));
            Assert.That(result.Out, Does.Contain("Tokens: 12,931\n"));
            Assert.That(result.Out, Does.Contain("Generation: 16,592 ms (88.6%)"));
            Assert.That(result.Out, Does.Contain("Errors: 1 (fetch_page)\n"));
            Assert.That(result.Out, Does.Contain("Critical path: research_assistant_1731000000 → format_citations\n"));
        });
        Assert.That(() => Parse(result.Out), Throws.InstanceOf<JsonException>());
    }

    private static JObject Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        JObject json = JObject.Load(reader);
        Assert.That(reader.Read(), Is.False, "nothing after the JSON object");
        return json;
    }
}
