using System;
using System.CommandLine;
using Microsoft.Extensions.Logging;
using Opper.Traces.Cli.Mcp;

namespace Opper.Traces.Cli.Commands;

/// <summary><c>opper-traces mcp</c>: the trace tools as a Model Context Protocol server over stdio.</summary>
internal static class McpCommand
{
    public static Command Create(CliHost host)
    {
        Option<string?> baseUrl = CommonOptions.BaseUrl();
        var logLevel = new Option<string>("--log-level")
        {
            Description = "The least severe log messages written to stderr: trace, debug, information, warning, error or none.",
            HelpName = "level",
            DefaultValueFactory = _ => "warning",
        };
        logLevel.AcceptOnlyFromAmong("trace", "debug", "information", "warning", "error", "none");

        var command = new Command(
            "mcp",
            "Serve the trace tools (list_traces, get_trace_report, get_trace_summary, get_span_tree, diff_traces, trace_stats) to an MCP client over stdio. "
            + "Stdout carries protocol messages only; logs go to stderr.")
        {
            baseUrl,
            logLevel,
        };

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(host, async ct =>
        {
            // A wrong address fails here, once, rather than in every tool call.
            if (parse.GetValue(baseUrl) is { } url)
            {
                ApiClientFactory.ParseBaseUrl(url);
            }

            try
            {
                await TraceMcpServer.RunStdioAsync(host, parse.GetValue(baseUrl), Enum.Parse<LogLevel>(parse.GetValue(logLevel)!, ignoreCase: true), ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C or SIGTERM: the client is gone or the user stopped the server; that is its normal end.
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
