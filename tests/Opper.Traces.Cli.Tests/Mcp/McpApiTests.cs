using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ModelContextProtocol.Protocol;
using Newtonsoft.Json.Linq;
using Opper.FakeApi;

namespace Opper.Traces.Cli.Tests.Mcp;

/// <summary>
/// The tools against the fake Opper API on 127.0.0.1: the server gets <c>--base-url</c> and the
/// key in its environment, as an agent's configuration gives them. Results must match what the
/// commands print for the same trace, and the key must show up nowhere but in the request header.
/// </summary>
[NonParallelizable]
public class McpApiTests
{
    private const string Key = "sk-mcp-api-tests-93b0e2";
    private FakeOpperApi _api = null!;
    private McpHarness _server = null!;
    private string _traceId = null!;
    private readonly List<string> _results = new List<string>();

    [OneTimeSetUp]
    public async Task Start()
    {
        _api = await FakeOpperApi.StartAsync(new FakeOpperApiOptions { ApiKey = Key });
        _traceId = _api.AddTrace(File.ReadAllText(CliHarness.SamplePath));
        _api.AddTrace(File.ReadAllText(CliHarness.SamplePath).Replace(CliHarness.TraceId, "second-trace", StringComparison.Ordinal));
        _server = await McpHarness.StartAsync(Key, _api.BaseUrl.ToString());
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _server.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Test]
    public async Task List_traces_is_the_table_of_list()
    {
        CliResult cli = await Cli("list", "--color", "never");
        string all = await Success("list_traces");
        string one = await Success("list_traces", ("name", "research_assistant_1731000000"), ("limit", 1));

        Assert.That(all, Is.EqualTo(cli.Out.TrimEnd()));
        Assert.That(all, Does.Contain(_traceId).And.Contain("second-trace"));
        Assert.That(one, Does.EndWith("More traces exist; raise limit to see them."));
        Assert.That(_api.Requests.Last(r => r.Path.EndsWith("/traces", StringComparison.Ordinal)).QueryValue("name"), Is.EqualTo("research_assistant_1731000000"));
    }

    [Test]
    public async Task The_trace_tools_by_id_answer_as_the_commands_do()
    {
        _api.ResetRequests();
        CliResult show = await Cli("show", _traceId, "--max-depth", "2", "--color", "never");
        CliResult summary = await Cli("summary", _traceId, "--json");

        string report = await Success("get_trace_report", ("trace_id", _traceId), ("max_depth", 2));
        string json = await Success("get_trace_summary", ("trace_id", _traceId));
        string tree = await Success("get_span_tree", ("trace_id", _traceId), ("max_depth", 2));

        Assert.That(report, Is.EqualTo(show.Out.TrimEnd()));
        Assert.That(JToken.DeepEquals(JToken.Parse(json), JToken.Parse(summary.Out)), Is.True, json);
        Assert.That(tree, Is.EqualTo(CliHarness.SampleTrace().BuildTree().Render(2)));
        Assert.That(_api.Requests.Where(r => r.Path.EndsWith("/traces/" + _traceId, StringComparison.Ordinal)).Select(r => r.Header("Authorization")).Distinct(), Is.EqualTo(new[] { "Bearer " + Key }));
    }

    [Test]
    public async Task An_unknown_trace_id_is_a_tool_error_with_the_cli_message_and_the_server_keeps_serving()
    {
        CliResult cli = await Cli("show", "no-such-trace");
        CallToolResult result = await Call("get_trace_report", ("trace_id", "no-such-trace"));

        Assert.That(cli.ExitCode, Is.EqualTo(3));
        Assert.That(result.IsError, Is.True);
        Assert.That(McpHarness.Text(result), Is.EqualTo(cli.Err.TrimEnd()));
        Assert.That(McpHarness.Text(result), Does.Contain("404"));
        Assert.That(await Success("get_span_tree", ("trace_id", _traceId), ("max_depth", 0)), Does.StartWith("research_assistant_1731000000"));
    }

    [Test]
    public async Task A_wrong_key_from_OPPER_HTTP_BEARER_is_a_tool_error_that_never_shows_the_key()
    {
        const string wrong = "sk-wrong-key-5f0a11";
        await using McpHarness server = await McpHarness.StartAsync(apiKey: null, _api.BaseUrl.ToString(), bearer: wrong);
        CliResult cli = await CliHarness.RunAsync(new[] { "list", "--base-url", _api.BaseUrl.ToString() }, new Dictionary<string, string> { ["OPPER_HTTP_BEARER"] = wrong });

        CallToolResult list = await server.CallAsync("list_traces");
        CallToolResult show = await server.CallAsync("get_trace_report", ("trace_id", _traceId));

        Assert.That(list.IsError, Is.True);
        Assert.That(McpHarness.Text(list), Is.EqualTo(cli.Err.TrimEnd()));
        Assert.That(McpHarness.Text(list), Does.Contain("401"));
        Assert.That(show.IsError, Is.True);
        Assert.That(_api.Requests.Any(r => r.Header("Authorization") == "Bearer " + wrong), Is.True, "the bearer variable was used");
        foreach (string text in new[] { McpHarness.Text(list), McpHarness.Text(show) }.Concat(server.ErrorLines))
        {
            Assert.That(text, Does.Not.Contain(wrong));
        }
    }

    [Test]
    public async Task The_key_appears_in_no_result_and_no_log_line()
    {
        await Call("list_traces");
        await Call("get_trace_report", ("trace_id", _traceId));
        await Call("get_trace_summary", ("trace_id", _traceId));
        await Call("get_span_tree", ("trace_id", _traceId));
        await Call("get_trace_summary", ("trace_id", "missing-trace"));
        await Call("get_trace_summary", ("trace_id", "bad id\nwith a line break"));
        Assert.That(_results, Has.Count.GreaterThanOrEqualTo(7));
        foreach (string text in _results.Concat(_server.ErrorLines))
        {
            Assert.That(text, Does.Not.Contain(Key));
        }
    }

    [Test]
    public async Task Diff_and_stats_by_id_and_name_are_the_documents_of_the_commands()
    {
        CliResult diff = await Cli("diff", _traceId, "second-trace", "--json");
        CliResult stats = await Cli("stats", "--name", "research_assistant_1731000000", "--limit", "2", "--json");
        CliResult badDiff = await Cli("diff", _traceId, "no-such-trace", "--json");

        string diffText = await Success("diff_traces", ("before_id", _traceId), ("after_id", "second-trace"));
        string statsText = await Success("trace_stats", ("name", "research_assistant_1731000000"), ("limit", 2));
        CallToolResult bad = await Call("diff_traces", ("before_id", _traceId), ("after_id", "no-such-trace"));

        Assert.That(JToken.DeepEquals(JToken.Parse(diffText), JToken.Parse(diff.Out)), Is.True, diffText);
        Assert.That(JToken.DeepEquals(JToken.Parse(statsText), JToken.Parse(stats.Out)), Is.True, statsText);
        Assert.That(JObject.Parse(statsText)["trace_count"]!.Value<int>(), Is.EqualTo(2));
        Assert.That(bad.IsError, Is.True);
        Assert.That(McpHarness.Text(bad), Is.EqualTo(badDiff.Err.TrimEnd()));
    }

    private Task<CliResult> Cli(params string[] args) =>
        CliHarness.RunAsync(args.Concat(new[] { "--base-url", _api.BaseUrl.ToString() }).ToArray(), CliHarness.WithKey(Key));

    private async Task<CallToolResult> Call(string tool, params (string Name, object? Value)[] arguments)
    {
        CallToolResult result = await _server.CallAsync(tool, arguments);
        _results.Add(McpHarness.Text(result));
        if (result.StructuredContent is { } structured)
        {
            _results.Add(structured.GetRawText());
        }

        return result;
    }

    private async Task<string> Success(string tool, params (string Name, object? Value)[] arguments) =>
        McpHarness.Success(await Call(tool, arguments));
}
