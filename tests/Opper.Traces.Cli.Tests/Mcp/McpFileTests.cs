using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.Cli.Tests.Mcp;

/// <summary>
/// The tools over stdio on saved trace files: one server for the fixture, started by the MCP
/// SDK's client. Its base URL points at a closed port, so nothing here reaches an API.
/// </summary>
[NonParallelizable]
public class McpFileTests
{
    private const string Key = "sk-mcp-file-tests-7d1c";
    private McpHarness _server = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await McpHarness.StartAsync(Key, "http://127.0.0.1:9/v2");
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Lists_the_tools_with_snake_case_arguments()
    {
        var tools = await _server.Client.ListToolsAsync();
        string Properties(string name) => string.Join(",", tools.Single(t => t.Name == name).ProtocolTool.InputSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        string Required(string name) => string.Join(",", tools.Single(t => t.Name == name).ProtocolTool.InputSchema.GetProperty("required").EnumerateArray().Select(p => p.GetString()));

        Assert.That(tools.Select(t => t.Name), Is.EquivalentTo(new[] { "list_traces", "get_trace_report", "get_trace_summary", "get_span_tree", "diff_traces", "trace_stats" }));
        Assert.Multiple(() =>
        {
            Assert.That(Properties("list_traces"), Is.EqualTo("name,limit"));
            Assert.That(Required("list_traces"), Is.Empty);
            Assert.That(Properties("get_trace_report"), Is.EqualTo("trace_id,max_depth"));
            Assert.That(Required("get_trace_report"), Is.EqualTo("trace_id"));
            Assert.That(Properties("get_trace_summary"), Is.EqualTo("trace_id"));
            Assert.That(Properties("get_span_tree"), Is.EqualTo("trace_id,max_depth"));
            Assert.That(Properties("diff_traces"), Is.EqualTo("before_id,after_id"));
            Assert.That(Required("diff_traces"), Is.EqualTo("before_id,after_id"));
            Assert.That(Properties("trace_stats"), Is.EqualTo("name,limit,files"));
            Assert.That(Required("trace_stats"), Is.Empty);
            Assert.That(tools.Single(t => t.Name == "get_trace_summary").ProtocolTool.OutputSchema?.GetProperty("required").GetArrayLength(), Is.EqualTo(17));
            foreach (McpClientTool tool in tools)
            {
                Assert.That(tool.Description, Does.Contain("ms").Or.Contain("JSON"), tool.Name);
                Assert.That(tool.ProtocolTool.Annotations?.ReadOnlyHint, Is.True, tool.Name);
            }
        });
    }

    [Test]
    public async Task The_report_is_the_text_of_show_at_the_given_depth()
    {
        foreach (int depth in new[] { 0, 1, 3 })
        {
            CliResult show = await CliHarness.RunAsync("show", CliHarness.SamplePath, "--max-depth", depth.ToString(), "--color", "never");
            string report = McpHarness.Success(await _server.CallAsync("get_trace_report", ("trace_id", CliHarness.SamplePath), ("max_depth", depth)));
            Assert.That(report, Is.EqualTo(show.Out.TrimEnd()), "max_depth " + depth);
        }

        CliResult full = await CliHarness.RunAsync("show", CliHarness.SamplePath, "--max-depth", "3", "--color", "never");
        string byDefault = McpHarness.Success(await _server.CallAsync("get_trace_report", ("trace_id", CliHarness.SamplePath)));
        Assert.That(byDefault, Is.EqualTo(full.Out.TrimEnd()));
        Assert.That(byDefault, Does.StartWith("🔍 Trace Analysis: research_assistant_1731000000"));
    }

    [Test]
    public async Task The_summary_is_the_json_of_summary_as_text_and_structured_content()
    {
        CliResult cli = await CliHarness.RunAsync("summary", CliHarness.SamplePath, "--json");
        CallToolResult result = await _server.CallAsync("get_trace_summary", ("trace_id", CliHarness.SamplePath));
        string text = McpHarness.Success(result);

        Assert.That(text, Does.Not.Contain("\n"), "compact JSON");
        Assert.That(JToken.DeepEquals(JToken.Parse(text), JToken.Parse(cli.Out)), Is.True, text);
        Assert.That(result.StructuredContent, Is.Not.Null);
        Assert.That(JToken.DeepEquals(JToken.Parse(result.StructuredContent!.Value.GetRawText()), JToken.Parse(cli.Out)), Is.True);
        Assert.That((long)JObject.Parse(text)["total_tokens"]!, Is.EqualTo(CliHarness.SampleTrace().Summarize().TotalTokens));
    }

    [Test]
    public async Task The_tree_is_the_analysis_render_at_the_given_depth()
    {
        var tree = CliHarness.SampleTrace().BuildTree();
        string one = McpHarness.Success(await _server.CallAsync("get_span_tree", ("trace_id", CliHarness.SamplePath), ("max_depth", 1)));
        string byDefault = McpHarness.Success(await _server.CallAsync("get_span_tree", ("trace_id", CliHarness.SamplePath)));

        Assert.That(one, Is.EqualTo(tree.Render(1)));
        Assert.That(one, Does.Contain("└─ … 5 more spans"));
        Assert.That(byDefault, Is.EqualTo(tree.Render(3)));
    }

    [Test]
    public async Task A_bad_trace_argument_is_a_tool_error_with_the_cli_message_and_the_server_keeps_serving()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-trace-" + Guid.NewGuid().ToString("N") + ".json");
        CliResult cli = await CliHarness.RunAsync("summary", missing, "--json");
        CallToolResult result = await _server.CallAsync("get_trace_summary", ("trace_id", missing));

        Assert.That(result.IsError, Is.True);
        Assert.That(McpHarness.Text(result), Is.EqualTo(cli.Err.TrimEnd()));
        Assert.That(McpHarness.Text(result), Does.StartWith("opper-traces: File not found: "));

        string malformed = CliHarness.TempPath("malformed.json");
        await File.WriteAllTextAsync(malformed, "{\"id\": \"x\", \"spans\": [");
        try
        {
            CliResult cliMalformed = await CliHarness.RunAsync("show", malformed);
            CallToolResult bad = await _server.CallAsync("get_trace_report", ("trace_id", malformed));
            Assert.That(bad.IsError, Is.True);
            Assert.That(McpHarness.Text(bad), Is.EqualTo(cliMalformed.Err.TrimEnd()));
        }
        finally
        {
            File.Delete(malformed);
        }

        // Standard input is the protocol's: "-" names no trace here.
        CallToolResult stdin = await _server.CallAsync("get_span_tree", ("trace_id", "-"));
        Assert.That(McpHarness.Text(stdin), Is.EqualTo("opper-traces: There is no standard input to read the trace from."));

        Assert.That(McpHarness.Success(await _server.CallAsync("get_span_tree", ("trace_id", CliHarness.SamplePath), ("max_depth", 0))), Does.StartWith("research_assistant_1731000000"));
    }

    [Test]
    public async Task Arguments_of_the_wrong_name_or_kind_are_tool_errors_that_say_what_is_expected()
    {
        CallToolResult camel = await _server.CallAsync("get_trace_report", ("traceId", CliHarness.SamplePath));
        CallToolResult missing = await _server.CallAsync("get_trace_summary");
        CallToolResult depth = await _server.CallAsync("get_span_tree", ("trace_id", CliHarness.SamplePath), ("max_depth", "deep"));
        CallToolResult negative = await _server.CallAsync("get_span_tree", ("trace_id", CliHarness.SamplePath), ("max_depth", -1));
        CallToolResult limit = await _server.CallAsync("list_traces", ("limit", 1000));

        Assert.Multiple(() =>
        {
            Assert.That(McpHarness.Text(camel), Is.EqualTo("opper-traces: get_trace_report takes no argument 'traceId'; its arguments are trace_id, max_depth."));
            Assert.That(McpHarness.Text(missing), Is.EqualTo("opper-traces: trace_id is required: a trace id or the path of a saved trace file."));
            Assert.That(McpHarness.Text(depth), Is.EqualTo("opper-traces: max_depth must be a whole number of 0 or more, not '\"deep\"'."));
            Assert.That(McpHarness.Text(negative), Is.EqualTo("opper-traces: max_depth must be a whole number of 0 or more, not '-1'."));
            Assert.That(McpHarness.Text(limit), Is.EqualTo("opper-traces: limit must be a whole number from 1 to 100, not '1000'."));
            Assert.That(new[] { camel, missing, depth, negative, limit }.All(r => r.IsError == true), Is.True);
        });
    }

    [Test]
    public async Task A_large_trace_is_shortened_and_says_how_much_was_left_out()
    {
        string path = CliHarness.TempPath("large.json");
        await File.WriteAllTextAsync(path, WideTrace(3000));
        try
        {
            string report = McpHarness.Success(await _server.CallAsync("get_trace_report", ("trace_id", path)));
            string tree = McpHarness.Success(await _server.CallAsync("get_span_tree", ("trace_id", path), ("max_depth", 5)));
            string folded = McpHarness.Success(await _server.CallAsync("get_span_tree", ("trace_id", path), ("max_depth", 0)));

            Assert.Multiple(() =>
            {
                Assert.That(report.Split('\n'), Has.Length.LessThan(300));
                Assert.That(report, Does.Contain("GENERATION spans (3,000):"));
                Assert.That(report, Does.Contain("  … 2,990 more generation spans"));
                Assert.That(report, Does.Contain("… 2,801 more lines not shown"));
                Assert.That(tree.Split('\n'), Has.Length.EqualTo(201));
                Assert.That(tree.Split('\n')[^1], Does.StartWith("… 2,801 more lines not shown"));
                Assert.That(folded, Is.EqualTo("root (5000 ms)\n  └─ … 3000 more spans"));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Diff_and_stats_on_saved_files_are_the_documents_of_the_commands()
    {
        string slower = CliHarness.TempPath("slower.json");
        await File.WriteAllTextAsync(slower, File.ReadAllText(CliHarness.SamplePath).Replace("\"duration_ms\": 6455", "\"duration_ms\": 9455", StringComparison.Ordinal));
        try
        {
            CliResult diff = await CliHarness.RunAsync("diff", CliHarness.SamplePath, slower, "--json");
            CliResult stats = await CliHarness.RunAsync("stats", "--json", CliHarness.SamplePath, slower);
            string diffText = McpHarness.Success(await _server.CallAsync("diff_traces", ("before_id", CliHarness.SamplePath), ("after_id", slower)));
            string statsText = McpHarness.Success(await _server.CallAsync("trace_stats", ("files", new[] { CliHarness.SamplePath, slower })));

            Assert.That(diffText, Does.Not.Contain("\n"));
            Assert.That(JToken.DeepEquals(JToken.Parse(diffText), JToken.Parse(diff.Out)), Is.True, diffText);
            Assert.That(JObject.Parse(diffText)["matched"]![0]!["duration_delta_ms"]!.Value<long>(), Is.EqualTo(3000));
            Assert.That(JToken.DeepEquals(JToken.Parse(statsText), JToken.Parse(stats.Out)), Is.True, statsText);
            Assert.That(JObject.Parse(statsText)["trace_count"]!.Value<int>(), Is.EqualTo(2));
        }
        finally
        {
            File.Delete(slower);
        }
    }

    [Test]
    public async Task Diff_and_stats_arguments_that_cannot_work_are_tool_errors()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-trace-" + Guid.NewGuid().ToString("N") + ".json");
        CliResult cli = await CliHarness.RunAsync("diff", CliHarness.SamplePath, missing, "--json");
        CallToolResult diff = await _server.CallAsync("diff_traces", ("before_id", CliHarness.SamplePath), ("after_id", missing));
        CallToolResult both = await _server.CallAsync("trace_stats", ("files", new[] { CliHarness.SamplePath }), ("name", "x"));
        CallToolResult none = await _server.CallAsync("trace_stats", ("files", new[] { missing }));

        Assert.Multiple(() =>
        {
            Assert.That(McpHarness.Text(diff), Is.EqualTo(cli.Err.TrimEnd()));
            Assert.That(McpHarness.Text(both), Is.EqualTo("opper-traces: name applies to traces read from the API; it cannot be used with files."));
            Assert.That(McpHarness.Text(none), Does.StartWith("opper-traces: None of the 1 input could be read: {"));
            Assert.That(McpHarness.Text(none), Does.Contain("File not found"));
            Assert.That(new[] { diff, both, none }.All(r => r.IsError == true), Is.True);
        });
    }

    /// <summary>A trace of one root span with <paramref name="children"/> generation spans under it.</summary>
    internal static string WideTrace(int children)
    {
        var json = new StringBuilder("{\"id\":\"wide\",\"name\":\"wide\",\"duration_ms\":5000,\"spans\":[");
        json.Append("{\"id\":\"r\",\"name\":\"root\",\"type\":\"agent\",\"start_time\":\"2024-11-07T05:00:00Z\",\"duration_ms\":5000}");
        for (int i = 0; i < children; i++)
        {
            json.Append(",{\"id\":\"c").Append(i).Append("\",\"parent_id\":\"r\",\"name\":\"call ").Append(i)
                .Append("\",\"type\":\"generation\",\"start_time\":\"2024-11-07T05:00:01Z\",\"duration_ms\":").Append(i % 100)
                .Append(",\"data\":{\"model\":\"m\",\"total_tokens\":10}}");
        }

        return json.Append("]}").ToString();
    }
}
