using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Opper.Traces.Cli.Mcp;

/// <summary>
/// The MCP server of <c>opper-traces mcp</c>: the SDK's server over stdio with the trace tools.
/// Standard output carries protocol messages only; logs and the tools' failures go to stderr.
/// </summary>
internal static class TraceMcpServer
{
    /// <summary>What the server tells the client about its tools, when it connects.</summary>
    public const string Instructions =
        "Tools for reading Opper traces: runs of LLM pipelines made of spans with durations (ms), models and tokens. "
        + "Find a trace id with list_traces; start with get_trace_report for one trace; get_trace_summary gives its exact numbers as JSON; "
        + "get_span_tree shows what called what; diff_traces compares two runs; trace_stats aggregates many. "
        + "Every trace argument takes a trace id or the path of a saved trace JSON file.";

    /// <summary>Serves on the process's stdin and stdout until the client closes stdin or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="host">The environment (the API key), stderr, and the HTTP plumbing.</param>
    /// <param name="baseUrl">The <c>--base-url</c> value, or null.</param>
    /// <param name="logLevel">The least severe log level written to stderr.</param>
    /// <param name="cancellationToken">Stops the server.</param>
    public static async Task RunStdioAsync(CliHost host, string? baseUrl, LogLevel logLevel, CancellationToken cancellationToken)
    {
        // Whatever writes to Console.Out from here on lands on stderr: stdout is the protocol's,
        // and the transport writes to the raw stdout stream, not through Console.Out.
        Console.SetOut(host.Error);

        // The tools write into strings; a host whose stdout goes nowhere makes sure no command
        // code can reach the protocol stream, and there is no stdin to read a trace from.
        var toolHost = new CliHost(TextWriter.Null, host.Error, host.GetEnvironmentVariable)
        {
            CreateHttpClient = host.CreateHttpClient,
            ConfigureClient = host.ConfigureClient,
        };

        using ILoggerFactory loggers = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(logLevel)
            .AddProvider(new StderrLoggerProvider(host.Error, logLevel)));

        var services = new ServiceCollection();
        services.AddSingleton(loggers);
        services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = OpperTracesCli.Name, Title = "Opper traces", Version = ApiClientFactory.Version };
                options.ServerInstructions = Instructions;
            })
            .WithStdioServerTransport()
            .WithTools(TraceTools.Create(toolHost, baseUrl, loggers.CreateLogger("opper-traces.tools")));

        await using ServiceProvider provider = services.BuildServiceProvider();
        McpServer server = provider.GetRequiredService<McpServer>();
        await server.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
