using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Opper.Traces.Cli.Tests.Mcp;

/// <summary>
/// The server's stdio as bytes: what a broken or hostile client writes to its stdin, and what it
/// writes to stdout (protocol messages, nothing else).
/// </summary>
public class McpStdioTests
{
    [Test]
    public async Task Malformed_messages_do_not_stop_the_server_and_stdout_carries_only_protocol_messages()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliHarness.CliDll());
        start.ArgumentList.Add("mcp");
        start.ArgumentList.Add("--log-level");
        start.ArgumentList.Add("trace");
        start.Environment.Remove("OPPER_API_KEY");
        start.Environment.Remove("OPPER_HTTP_BEARER");

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string[] lines =
        {
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""",
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            "this is not JSON",
            """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_span_tree",""",
            """{"hello":"world"}""",
            """[1, 2, 3]""",
            """{"jsonrpc":"2.0","id":3,"method":"no/such/method"}""",
            """{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"no_such_tool","arguments":{}}}""",
            """{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"get_span_tree","arguments":{"trace_id":"PATH","max_depth":0}}}""".Replace("PATH", JsonEncodedText.Encode(CliHarness.SamplePath).ToString(), StringComparison.Ordinal),
            """{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"get_trace_report","arguments":{"trace_id":"trace-123"}}}""",
        };
        foreach (string line in lines)
        {
            await process.StandardInput.WriteLineAsync(line);
        }

        await process.StandardInput.FlushAsync();

        // Every line on stdout is a JSON-RPC message; read until the answers to 1 and 3 to 6 are in.
        var responses = new Dictionary<int, JsonElement>();
        var stdout = new List<string>();
        Task<string?> next = process.StandardOutput.ReadLineAsync();
        while (!new[] { 1, 3, 4, 5, 6 }.All(responses.ContainsKey))
        {
            string? line = await next.WaitAsync(TimeSpan.FromMinutes(1));
            Assert.That(line, Is.Not.Null, "the server closed stdout after: " + string.Join("\n", stdout));
            stdout.Add(line!);
            using JsonDocument message = JsonDocument.Parse(line!);
            Assert.That(message.RootElement.GetProperty("jsonrpc").GetString(), Is.EqualTo("2.0"), line);
            if (message.RootElement.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.Number)
            {
                responses[id.GetInt32()] = message.RootElement.Clone();
            }

            next = process.StandardOutput.ReadLineAsync();
        }

        // Closing stdin ends the server, cleanly, with nothing more on stdout than protocol messages.
        process.StandardInput.Close();
        for (string? line = await next.WaitAsync(TimeSpan.FromMinutes(1)); line is not null; line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)))
        {
            using JsonDocument message = JsonDocument.Parse(line);
            Assert.That(message.RootElement.GetProperty("jsonrpc").GetString(), Is.EqualTo("2.0"), line);
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.That(process.ExitCode, Is.EqualTo(0), await error);

        string log = await error;
        Assert.That(log, Does.Contain("opper-traces mcp: "), "trace-level logs go to stderr");

        Assert.Multiple(() =>
        {
            Assert.That(responses[1].GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString(), Is.EqualTo("opper-traces"));
            Assert.That(responses[3].GetProperty("error").GetProperty("code").GetInt32(), Is.EqualTo(-32601), "unknown method: a protocol error");
            Assert.That(responses[4].TryGetProperty("error", out _) || responses[4].GetProperty("result").GetProperty("isError").GetBoolean(), Is.True, "unknown tool");
            Assert.That(responses[5].GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString(), Does.StartWith("research_assistant_1731000000 (18734 ms)\n  └─ … 16 more spans"));
            JsonElement noKey = responses[6].GetProperty("result");
            Assert.That(noKey.GetProperty("isError").GetBoolean(), Is.True);
            Assert.That(noKey.GetProperty("content")[0].GetProperty("text").GetString(), Does.StartWith("opper-traces: No API key: set OPPER_API_KEY (or OPPER_HTTP_BEARER)"));
        });
    }

    [Test]
    public async Task A_bad_base_url_stops_the_server_before_it_starts()
    {
        CliResult result = await CliHarness.RunAsync("mcp", "--base-url", "ftp://example.test/v2");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Is.EqualTo("opper-traces: --base-url must be an absolute http or https URL, not 'ftp://example.test/v2'.\n"));
        Assert.That(result.Out, Is.Empty);
    }
}
