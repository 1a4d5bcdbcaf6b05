using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Opper.Traces.Cli.Tests.Mcp;

/// <summary>
/// <c>opper-traces mcp</c> as an agent runs it: the built tool started by the MCP SDK's own client
/// over stdio, with the environment the test chooses and the child's stderr collected.
/// </summary>
internal sealed class McpHarness : IAsyncDisposable
{
    private McpHarness(McpClient client, ConcurrentQueue<string> errorLines)
    {
        Client = client;
        ErrorLines = errorLines;
    }

    public McpClient Client { get; }

    /// <summary>Every line the server wrote to stderr so far.</summary>
    public ConcurrentQueue<string> ErrorLines { get; }

    /// <summary>Starts the server with these values of OPPER_API_KEY and OPPER_HTTP_BEARER (null: not set).</summary>
    public static async Task<McpHarness> StartAsync(string? apiKey, string? baseUrl = null, string? bearer = null)
    {
        var arguments = new List<string> { CliHarness.CliDll(), "mcp" };
        if (baseUrl is not null)
        {
            arguments.Add("--base-url");
            arguments.Add(baseUrl);
        }

        var errorLines = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "opper-traces",
            Command = "dotnet",
            Arguments = arguments,
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["OPPER_API_KEY"] = apiKey,
                ["OPPER_HTTP_BEARER"] = bearer,
            },
            StandardErrorLines = errorLines.Enqueue,
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        McpClient client = await McpClient.CreateAsync(transport, cancellationToken: timeout.Token);
        return new McpHarness(client, errorLines);
    }

    /// <summary>Calls a tool with arguments given as name/value pairs.</summary>
    public async Task<CallToolResult> CallAsync(string tool, params (string Name, object? Value)[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await Client.CallToolAsync(tool, arguments.ToDictionary(a => a.Name, a => a.Value), cancellationToken: timeout.Token);
    }

    /// <summary>The single text block of a result.</summary>
    public static string Text(CallToolResult result)
    {
        Assert.That(result.Content, Has.Count.EqualTo(1));
        return ((TextContentBlock)result.Content[0]).Text;
    }

    /// <summary>The text of a successful call (fails the test, showing the error, when it is a tool error).</summary>
    public static string Success(CallToolResult result)
    {
        string text = Text(result);
        Assert.That(result.IsError, Is.Not.True, text);
        return text;
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
