using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Opper.Traces.Cli.Mcp;

/// <summary>What a tool answers: text for the model, and optionally the same data as structured content.</summary>
/// <param name="Text">The text content.</param>
/// <param name="Structured">The structured content (a JSON object), or null.</param>
internal sealed record ToolOutput(string Text, JsonElement? Structured = null);

/// <summary>
/// One tool of <c>opper-traces mcp</c>: its protocol description (name, description, input schema)
/// and the code it runs. Every failure the commands explain in one line comes back as a tool error
/// (<c>isError</c>) with that line, so the model sees it and the server keeps serving; only the
/// caller's cancellation ends a call otherwise.
/// </summary>
internal sealed class TraceTool : McpServerTool
{
    private readonly Func<ToolArguments, CancellationToken, Task<ToolOutput>> _run;
    private readonly IReadOnlyCollection<string> _argumentNames;
    private readonly ILogger _logger;

    /// <summary>Creates a tool.</summary>
    /// <param name="protocolTool">Name, description and schemas as <c>tools/list</c> shows them.</param>
    /// <param name="run">The tool's body; throws what the commands throw.</param>
    /// <param name="logger">Where failed calls are logged (stderr).</param>
    public TraceTool(Tool protocolTool, Func<ToolArguments, CancellationToken, Task<ToolOutput>> run, ILogger logger)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        ProtocolTool = protocolTool ?? throw new ArgumentNullException(nameof(protocolTool));
        _run = run ?? throw new ArgumentNullException(nameof(run));
        _argumentNames = protocolTool.InputSchema.TryGetProperty("properties", out JsonElement properties)
            ? properties.EnumerateObject().Select(p => p.Name).ToArray()
            : Array.Empty<string>();
    }

    /// <inheritdoc />
    public override Tool ProtocolTool { get; }

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata { get; } = Array.Empty<object>();

    /// <inheritdoc />
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        try
        {
            ToolArguments arguments = ToolArguments.Read(ProtocolTool.Name, _argumentNames, request.Params?.Arguments);
            ToolOutput output = await _run(arguments, cancellationToken).ConfigureAwait(false);
            return new CallToolResult
            {
                Content = new List<ContentBlock> { new TextContentBlock { Text = output.Text } },
                StructuredContent = output.Structured,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            (int _, string message) = CommandRunner.Explain(ex);
            string line = CommandRunner.OneLineMessage(message);
            _logger.LogInformation("{Tool} failed: {Message}", ProtocolTool.Name, line);
            return new CallToolResult
            {
                IsError = true,
                Content = new List<ContentBlock> { new TextContentBlock { Text = line } },
            };
        }
    }
}
