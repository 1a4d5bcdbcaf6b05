using System.Collections.Generic;
using System.IO;
using System.Linq;
using Opper.Models;

namespace Opper.Traces.Cli.Output;

/// <summary>
/// The report of <c>opper-traces show</c>: the one the Get Trace reference page's sample prints
/// (header, span breakdown by type, execution flow, performance insights), plus what the trace
/// analysis adds (critical path, generation wall time, tokens by model, data problems).
/// </summary>
internal static class TraceReport
{
    /// <summary>Input and output previews are cut to this many characters, as in the reference sample.</summary>
    public const int PreviewChars = 100;

    /// <summary>Errors are cut to this many characters.</summary>
    public const int ErrorChars = 200;

    /// <summary>Lists of errors and problems show this many entries, then a count of the rest.</summary>
    public const int MaxListed = 20;

    /// <summary>Writes the report.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="trace">The trace.</param>
    /// <param name="style">Colours, or none.</param>
    /// <param name="maxDepth">The deepest level of the execution flow to show; null for all.</param>
    /// <param name="limits">How much of a large trace to list; null for everything.</param>
    public static void Write(TextWriter output, GetTraceResponse trace, Style style, int? maxDepth, OutputLimits? limits = null)
    {
        SpanTree tree = trace.BuildTree();
        TraceSummary summary = tree.Summarize();
        List<SpanSchema> spans = trace.Spans?.Where(s => s is not null).ToList() ?? new List<SpanSchema>();

        WriteHeader(output, trace, style);
        WriteBreakdown(output, spans, tree, style, limits);
        WriteFlow(output, tree, style, maxDepth, limits);
        WriteInsights(output, trace, tree, summary, style, limits);
    }

    private static void WriteHeader(TextWriter output, GetTraceResponse trace, Style style)
    {
        output.WriteLine(style.Bold("🔍 Trace Analysis: " + Text.Name(trace.Name)));
        output.WriteLine("ID: " + Text.Preview(trace.Id, 200));
        if (trace.StartTime is { } start)
        {
            output.WriteLine("Started: " + Text.Instant(start));
        }

        output.WriteLine("Duration: " + (trace.DurationMs is { } duration ? Text.Ms(duration) : "N/A"));
        output.WriteLine("Status: " + StatusText(trace.Status, style));
        output.WriteLine("Total Tokens: " + (trace.TotalTokens is { } tokens ? Text.Count(tokens) : "N/A"));
        if (!string.IsNullOrEmpty(trace.Input))
        {
            output.WriteLine("Input: " + Text.Preview(trace.Input, PreviewChars));
        }

        if (!string.IsNullOrEmpty(trace.Output))
        {
            output.WriteLine("Output: " + Text.Preview(trace.Output, PreviewChars));
        }
    }

    private static void WriteBreakdown(TextWriter output, List<SpanSchema> spans, SpanTree tree, Style style, OutputLimits? limits)
    {
        output.WriteLine();
        output.WriteLine(style.Bold("📊 Span Breakdown (" + Text.Count(spans.Count) + (spans.Count == 1 ? " span):" : " spans):")));

        // Groups in the order their type first appears, spans in the order the trace lists them.
        var groups = new List<KeyValuePair<string, List<SpanSchema>>>();
        var index = new Dictionary<string, List<SpanSchema>>(System.StringComparer.Ordinal);
        foreach (SpanSchema span in spans)
        {
            string type = string.IsNullOrEmpty(span.Type) ? "unknown" : span.Type!;
            if (!index.TryGetValue(type, out List<SpanSchema>? group))
            {
                group = new List<SpanSchema>();
                index.Add(type, group);
                groups.Add(new KeyValuePair<string, List<SpanSchema>>(type, group));
            }

            group.Add(span);
        }

        // Durations follow the analysis rules (duration_ms, else end - start), so that the
        // breakdown agrees with the insights below; a span's own node is found by identity.
        var durations = new Dictionary<SpanSchema, long?>(ReferenceEqualityComparer.Instance);
        foreach (SpanNode node in tree.Walk())
        {
            durations[node.Span] = node.DurationMs;
        }

        foreach (KeyValuePair<string, List<SpanSchema>> group in groups)
        {
            output.WriteLine();
            output.WriteLine(style.Cyan(Text.Preview(group.Key.ToUpperInvariant(), 60) + " spans (" + Text.Count(group.Value.Count) + "):"));
            (int listed, string? rest) = OutputLimits.Take(group.Value.Count, limits?.MaxSpansPerType ?? int.MaxValue, Text.Preview(group.Key, 60) + " spans");
            foreach (SpanSchema span in group.Value.Take(listed))
            {
                output.WriteLine("  • " + Text.Name(span.Name));
                long? duration = durations.TryGetValue(span, out long? known) ? known : null;
                output.WriteLine("    Duration: " + (duration is { } ms ? Text.Ms(ms) : style.Dim("N/A")));
                if (!string.IsNullOrEmpty(span.Data?.Model))
                {
                    output.WriteLine("    Model: " + Text.Preview(span.Data!.Model, 100));
                }

                if (span.Data?.TotalTokens is { } tokens)
                {
                    output.WriteLine("    Tokens: " + Text.Count(tokens));
                }

                if (span.Score is { } score)
                {
                    output.WriteLine("    Score: " + Text.Count(score) + "/10");
                }

                if (!string.IsNullOrEmpty(span.Error))
                {
                    output.WriteLine(style.Red("    ❌ Error: " + Text.Preview(span.Error, ErrorChars)));
                }

                if (span.Metrics is { Count: > 0 } metrics)
                {
                    output.WriteLine("    📈 Metrics:");
                    foreach (SpanMetricData? metric in metrics)
                    {
                        if (metric is not null)
                        {
                            output.WriteLine("      - " + Text.Preview(metric.Dimension, 60) + ": " + Text.Number(metric.Value));
                        }
                    }
                }
            }

            if (rest is not null)
            {
                output.WriteLine(style.Dim("  " + rest));
            }
        }
    }

    private static void WriteFlow(TextWriter output, SpanTree tree, Style style, int? maxDepth, OutputLimits? limits)
    {
        output.WriteLine();
        output.WriteLine(style.Bold("🌳 Execution Flow:"));
        if (tree.Count == 0)
        {
            output.WriteLine(style.Dim("(no spans)"));
            return;
        }

        string rendered = maxDepth is { } depth ? tree.Render(depth) : tree.Render();
        output.WriteLine(Text.Lines(limits is null ? rendered : limits.CutTree(rendered)));
    }

    private static void WriteInsights(TextWriter output, GetTraceResponse trace, SpanTree tree, TraceSummary summary, Style style, OutputLimits? limits)
    {
        output.WriteLine();
        output.WriteLine(style.Bold("⚡ Performance Insights:"));

        if (summary.ByType.ContainsKey("generation"))
        {
            output.WriteLine("LLM Generation Time: " + Text.Ms(summary.GenerationTimeMs)
                + (summary.GenerationShare is { } share ? " (" + Text.Percent(share) + " of the trace)" : string.Empty));
            output.WriteLine("LLM Generation Wall Time: " + Text.Ms(summary.GenerationWallTimeMs) + " ("
                + (summary.GenerationWallShare is { } wall ? Text.Percent(wall) + " of the trace; " : string.Empty)
                + "overlapping generations counted once)");
        }

        if (summary.AverageCallDurationMs is { } average)
        {
            output.WriteLine("Average Call Duration: " + Text.Ms(average));
        }

        IReadOnlyList<SpanNode> path = tree.CriticalPath();
        if (path.Count > 0)
        {
            (int listed, string? rest) = OutputLimits.Take(path.Count, limits?.MaxPathSpans ?? int.MaxValue, "spans");
            output.WriteLine("Critical Path: " + string.Join(" → ", path.Take(listed).Select(n => Text.Name(n.Span.Name, 60) + " (" + (n.DurationMs is { } d ? Text.Ms(d) : "?") + ")"))
                + (rest is null ? string.Empty : " → " + rest));
        }

        if (summary.ByModel.Count > 0)
        {
            output.WriteLine("Tokens by Model:");
            foreach (KeyValuePair<string, ModelStats> model in summary.ByModel.OrderByDescending(m => m.Value.TotalTokens).ThenBy(m => m.Key, System.StringComparer.Ordinal))
            {
                ModelStats stats = model.Value;
                output.WriteLine("  - " + Text.Preview(model.Key, 80) + ": " + Text.Count(stats.TotalTokens) + " tokens, "
                    + Text.Count(stats.Calls) + (stats.Calls == 1 ? " call, " : " calls, ") + Text.Ms(stats.TotalDurationMs));
            }
        }

        if (summary.Scores.Count > 0)
        {
            output.WriteLine("Scores: " + Text.Count(summary.Scores.Count) + (summary.Scores.Count == 1 ? " span" : " spans")
                + ", mean " + summary.Scores.Mean!.Value.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture)
                + " (min " + Text.Number(summary.Scores.Min!.Value) + ", max " + Text.Number(summary.Scores.Max!.Value) + ")");
        }

        if (summary.Errors.Count > 0)
        {
            output.WriteLine(style.Red("Errors: " + Text.Count(summary.Errors.Count) + " ("
                + string.Join(", ", summary.Errors.Take(MaxListed).Select(s => Text.Name(s.Name, 60)))
                + (summary.Errors.Count > MaxListed ? ", … " + Text.Count(summary.Errors.Count - MaxListed) + " more" : string.Empty) + ")"));
        }
        else
        {
            output.WriteLine("Errors: none");
        }

        if (tree.Problems.Count == 0)
        {
            output.WriteLine("Problems: none");
        }
        else
        {
            output.WriteLine(style.Yellow("Problems (" + Text.Count(tree.Problems.Count) + "):"));
            foreach (TraceProblem problem in tree.Problems.Take(MaxListed))
            {
                output.WriteLine(style.Yellow("  ⚠ " + problem.Kind + ": " + Text.Preview(problem.Message, 300)));
            }

            if (tree.Problems.Count > MaxListed)
            {
                output.WriteLine(style.Yellow("  … " + Text.Count(tree.Problems.Count - MaxListed) + " more"));
            }
        }

        if (trace.TotalTokens is { } traceTokens && summary.TotalTokens != traceTokens)
        {
            output.WriteLine(style.Dim("Note: the spans' tokens add up to " + Text.Count(summary.TotalTokens)
                + ", the trace reports " + Text.Count(traceTokens) + "."));
        }
    }

    private static string StatusText(string? status, Style style)
    {
        if (string.IsNullOrEmpty(status))
        {
            return style.Dim("N/A");
        }

        string text = Text.Preview(status, 60);
        return status switch
        {
            "success" or "ok" or "completed" => style.Green(text),
            "error" or "failed" or "failure" => style.Red(text),
            _ => style.Yellow(text),
        };
    }
}
