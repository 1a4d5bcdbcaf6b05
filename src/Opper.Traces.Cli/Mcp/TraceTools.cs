using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Opper.Models;
using Opper.Traces.Cli.Commands;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli.Mcp;

/// <summary>
/// The tools of <c>opper-traces mcp</c>. Each one runs the code of the command it mirrors (the
/// same loader, writers and messages) and writes into a string instead of stdout.
/// </summary>
internal static class TraceTools
{
    /// <summary>How deep the report and the tree go when <c>max_depth</c> is not given.</summary>
    public const int DefaultMaxDepth = 3;

    /// <summary>The most traces <c>list_traces</c> lists at once.</summary>
    public const int MaxListLimit = 100;

    /// <summary>The most traces <c>trace_stats</c> reads from the API at once.</summary>
    public const int MaxStatsLimit = 1000;

    /// <summary>How a trace argument is described to the model.</summary>
    public const string TraceArgument =
        "A trace id (fetched from the Opper API), or the path of a saved trace JSON file (the body of GET /traces/{trace_id}); "
        + "relative paths are resolved from the server's working directory.";

    private const string DepthArgument =
        "How deep the tree goes: 0 = root spans only, 1 = their children, and so on. Deeper spans are not listed but counted, as a line '… N more spans' under their ancestor.";

    /// <summary>The tools, calling the API at <paramref name="baseUrl"/> (null for the default) with the key from <paramref name="host"/>'s environment.</summary>
    public static IReadOnlyList<McpServerTool> Create(CliHost host, string? baseUrl, ILogger logger)
    {
        return new McpServerTool[]
        {
            new TraceTool(
                Describe(
                    "list_traces",
                    "List traces",
                    "Lists recent Opper traces, newest first, as a text table: trace id, name, start time (UTC), duration (ms), status and total tokens. "
                    + "Use it to find the id of a run to pass to the other tools. Needs an Opper API key in the server's environment.",
                    ToolSchema.Object(
                        new string[0],
                        ("name", ToolSchema.String("Only traces with this name (the name of the trace's root span).")),
                        ("limit", ToolSchema.Integer("The most traces to list.", 1, MaxListLimit, ListCommand.DefaultLimit)))),
                async (arguments, cancellationToken) =>
                {
                    using var output = new StringWriter();
                    int limit = arguments.OptionalInt("limit", 1, MaxListLimit) ?? ListCommand.DefaultLimit;
                    await ListCommand.WriteAsync(host, output, baseUrl, arguments.OptionalString("name"), limit, Style.Plain, "limit", cancellationToken).ConfigureAwait(false);
                    return new ToolOutput(output.ToString().TrimEnd());
                },
                logger),

            new TraceTool(
                Describe(
                    "get_trace_report",
                    "Trace report",
                    "A readable report of one trace (the text of `opper-traces show`): header (name, id, duration in ms, status, total tokens, input and output previews), "
                    + "spans grouped by type (duration in ms, model, tokens, score, error, metrics), the execution-flow tree down to max_depth, and insights: "
                    + "LLM generation time and its share of the trace, generation wall time, average call duration, the critical path, tokens by model, scores, errors and data problems. "
                    + "Start here to answer 'why was this run slow, expensive or failing?'. A large trace is shortened: at most "
                    + OutputLimits.ForModels.MaxSpansPerType + " spans listed per type and " + OutputLimits.ForModels.MaxTreeLines + " tree lines, with counts of the rest.",
                    TraceAndDepth()),
                async (arguments, cancellationToken) =>
                {
                    (GetTraceResponse trace, int depth) = await LoadAsync(host, baseUrl, arguments, cancellationToken).ConfigureAwait(false);
                    using var output = new StringWriter();
                    TraceReport.Write(output, trace, Style.Plain, depth, OutputLimits.ForModels);
                    return new ToolOutput(output.ToString().TrimEnd());
                },
                logger),

            new TraceTool(
                Describe(
                    "get_trace_summary",
                    "Trace summary (JSON)",
                    "The numbers of one trace as compact JSON (the document of `opper-traces summary --json`, also given as structured content): "
                    + "span_count, root_count, orphan_count, max_depth, total_tokens; generation_time_ms and generation_share (a fraction of the trace's duration: 0.5 = half), "
                    + "generation_wall_time_ms (overlapping generations counted once); average_call_duration_ms; by_type {count, total/average/min/max/p50/p95 duration in ms}; "
                    + "by_model {calls, total_tokens, total_duration_ms}; errors and critical_path (span ids); metrics and scores {count, mean, min, max}. Unknown values are null. "
                    + "Use it for exact figures; use get_trace_report for a readable overview.",
                    ToolSchema.Object(new[] { "trace_id" }, ("trace_id", ToolSchema.String(TraceArgument))),
                    SummarySchema.Schema),
                async (arguments, cancellationToken) =>
                {
                    GetTraceResponse trace = await TraceLoader.LoadAsync(host, arguments.RequiredString("trace_id", "a trace id or the path of a saved trace file"), baseUrl, cancellationToken).ConfigureAwait(false);
                    string json = CompactJson.Write(output => SummaryJson.Write(output, trace.Summarize()));
                    return new ToolOutput(json, CompactJson.Element(json));
                },
                logger),

            new TraceTool(
                Describe(
                    "get_span_tree",
                    "Span tree",
                    "The spans of one trace as an indented tree, one line per span: name and duration in ms ('(?)' when unknown); children in start order. "
                    + "Use it to see the structure of a run: what called what and where the time went. At most "
                    + OutputLimits.ForModels.MaxTreeLines + " lines; lower max_depth when the tree is cut.",
                    TraceAndDepth()),
                async (arguments, cancellationToken) =>
                {
                    (GetTraceResponse trace, int depth) = await LoadAsync(host, baseUrl, arguments, cancellationToken).ConfigureAwait(false);
                    SpanTree tree = trace.BuildTree();
                    return new ToolOutput(tree.Count == 0 ? "(no spans)" : OutputLimits.ForModels.CutTree(tree.Render(depth)));
                },
                logger),

            new TraceTool(
                Describe(
                    "diff_traces",
                    "Compare two traces",
                    "Compares two runs of a pipeline, as compact JSON (the document of `opper-traces diff --json`). Spans are matched by their name path in the tree "
                    + "(key 'root#0/step#1': name, then how many earlier siblings share it). matched: [{key, before_id, after_id, duration_delta_ms, tokens_delta, model_changed, "
                    + "error_appeared, error_resolved}], largest changes first; added and removed: [{key, span_id}]; totals: duration_delta_ms (the traces' own, after minus before, in ms), "
                    + "tokens_delta, by_type and by_model deltas. Use it to answer 'what changed between the good run and the slow or failing one?'.",
                    ToolSchema.Object(
                        new[] { "before_id", "after_id" },
                        ("before_id", ToolSchema.String("The earlier or reference run. " + TraceArgument)),
                        ("after_id", ToolSchema.String("The later run, compared with before_id. " + TraceArgument)))),
                async (arguments, cancellationToken) =>
                {
                    string beforeId = arguments.RequiredString("before_id", "a trace id or the path of a saved trace file");
                    string afterId = arguments.RequiredString("after_id", "a trace id or the path of a saved trace file");
                    GetTraceResponse before = await TraceLoader.LoadAsync(host, beforeId, baseUrl, cancellationToken).ConfigureAwait(false);
                    GetTraceResponse after = await TraceLoader.LoadAsync(host, afterId, baseUrl, cancellationToken).ConfigureAwait(false);
                    return new ToolOutput(CompactJson.Write(output => DiffJson.Write(output, TraceDiff.Compare(before, after))));
                },
                logger),

            new TraceTool(
                Describe(
                    "trace_stats",
                    "Statistics over many traces",
                    "Statistics over many traces, as compact JSON (the document of `opper-traces stats --json`): trace_count, span_count, error_count, total_tokens, "
                    + "trace_duration (ms), by_trace_name, by_span_name, by_type, by_model, slowest_spans (by total self time in ms, with p95 duration), "
                    + "critical_path_share (span name: the fraction of traces whose critical path contains it), and unreadable [{path, reason}]. "
                    + "Reads saved trace files or folders of them when files is given, else the newest traces from the API (name, limit). "
                    + "Use it for patterns across runs: which step is usually slow, which model costs the most tokens.",
                    ToolSchema.Object(
                        new string[0],
                        ("name", ToolSchema.String("Only traces with this name (from the API).")),
                        ("limit", ToolSchema.Integer("The most traces to read from the API.", 1, MaxStatsLimit, StatsCommand.DefaultLimit)),
                        ("files", ToolSchema.StringArray("Saved trace JSON files, or folders of them (every *.json inside, recursively), instead of the API.")))),
                async (arguments, cancellationToken) =>
                {
                    IReadOnlyList<string> files = arguments.StringList("files");
                    string? name = arguments.OptionalString("name");
                    int? limit = arguments.OptionalInt("limit", 1, MaxStatsLimit);
                    StatsResult result;
                    if (files.Count > 0)
                    {
                        if (name is not null || limit is not null)
                        {
                            throw CliException.Usage((name is not null ? "name" : "limit") + " applies to traces read from the API; it cannot be used with files.");
                        }

                        result = StatsCollector.FromFiles(files, _ => Progress.None, cancellationToken);
                    }
                    else
                    {
                        using OpperClient client = ApiClientFactory.Create(host, baseUrl, "read traces from the API, or pass saved trace files or folders");
                        result = await StatsCollector.FromApiAsync(client, name, limit ?? StatsCommand.DefaultLimit, StatsCommand.DefaultConcurrency, Progress.None, cancellationToken).ConfigureAwait(false);
                    }

                    string json = CompactJson.Write(output => StatsJson.Write(output, result.Statistics, result.Unreadable));
                    if (result.NothingRead is { } nothingRead)
                    {
                        // As the command: a failure saying nothing could be read, with the document that says why.
                        throw CliException.Usage(nothingRead.TrimEnd('.') + ": " + json);
                    }

                    return new ToolOutput(json);
                },
                logger),
        };
    }

    /// <summary>The arguments of the tools that show one trace to a depth: <c>trace_id</c>, <c>max_depth</c>.</summary>
    private static System.Text.Json.JsonElement TraceAndDepth() => ToolSchema.Object(
        new[] { "trace_id" },
        ("trace_id", ToolSchema.String(TraceArgument)),
        ("max_depth", ToolSchema.Integer(DepthArgument, 0, null, DefaultMaxDepth)));

    /// <summary>The trace of <c>trace_id</c> and the <c>max_depth</c> to show it at.</summary>
    private static async Task<(GetTraceResponse Trace, int Depth)> LoadAsync(CliHost host, string? baseUrl, ToolArguments arguments, CancellationToken cancellationToken)
    {
        // Arguments first: a bad max_depth is reported without a request to the API.
        string id = arguments.RequiredString("trace_id", "a trace id or the path of a saved trace file");
        int depth = arguments.OptionalInt("max_depth", 0) ?? DefaultMaxDepth;
        return (await TraceLoader.LoadAsync(host, id, baseUrl, cancellationToken).ConfigureAwait(false), depth);
    }

    private static Tool Describe(string name, string title, string description, System.Text.Json.JsonElement inputSchema, System.Text.Json.JsonElement? outputSchema = null) => new Tool
    {
        Name = name,
        Title = title,
        Description = description,
        InputSchema = inputSchema,
        OutputSchema = outputSchema,
        Annotations = new ToolAnnotations
        {
            Title = title,
            ReadOnlyHint = true,
            DestructiveHint = false,
            IdempotentHint = true,
            OpenWorldHint = true,
        },
    };
}
