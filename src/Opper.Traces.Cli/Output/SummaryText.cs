using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Opper.Traces.Cli.Output;

/// <summary>The short human summary of <c>opper-traces summary</c> without <c>--json</c>.</summary>
internal static class SummaryText
{
    public static void Write(TextWriter output, Models.GetTraceResponse trace, SpanTree tree, TraceSummary summary, Style style)
    {
        output.WriteLine(style.Bold("Trace " + Text.Preview(summary.TraceId, 100)) + " " + Text.Name(trace.Name));
        output.WriteLine("Spans: " + Text.Count(summary.SpanCount) + " (" + Plural(summary.RootCount, "root") + ", "
            + Plural(summary.OrphanCount, "orphan") + ", max depth " + Text.Count(summary.MaxDepth) + ")");
        output.WriteLine("Tokens: " + Text.Count(summary.TotalTokens));
        output.WriteLine("Generation: " + Text.Ms(summary.GenerationTimeMs)
            + (summary.GenerationShare is { } share ? " (" + Text.Percent(share) + ")" : string.Empty)
            + ", wall time " + Text.Ms(summary.GenerationWallTimeMs)
            + (summary.GenerationWallShare is { } wall ? " (" + Text.Percent(wall) + ")" : string.Empty));
        if (summary.AverageCallDurationMs is { } average)
        {
            output.WriteLine("Average call: " + Text.Ms(average));
        }

        if (summary.ByType.Count > 0)
        {
            output.WriteLine("By type:");
            int width = summary.ByType.Keys.Max(k => Text.Preview(k, 40).Length);
            foreach (KeyValuePair<string, DurationStats> type in summary.ByType)
            {
                DurationStats stats = type.Value;
                output.WriteLine("  " + Text.Preview(type.Key, 40).PadRight(width) + "  " + Plural(stats.Count, "span").PadLeft(9)
                    + "  total " + Text.Ms(stats.TotalDurationMs)
                    + (stats.AverageDurationMs is { } avg ? ", avg " + Text.Ms(avg) : string.Empty)
                    + (stats.P50DurationMs is { } p50 ? ", p50 " + Text.Ms(p50) : string.Empty)
                    + (stats.P95DurationMs is { } p95 ? ", p95 " + Text.Ms(p95) : string.Empty));
            }
        }

        if (summary.ByModel.Count > 0)
        {
            output.WriteLine("By model:");
            foreach (KeyValuePair<string, ModelStats> model in summary.ByModel)
            {
                output.WriteLine("  " + Text.Preview(model.Key, 80) + ": " + Plural(model.Value.Calls, "call") + ", "
                    + Text.Count(model.Value.TotalTokens) + " tokens, " + Text.Ms(model.Value.TotalDurationMs));
            }
        }

        output.WriteLine("Errors: " + (summary.Errors.Count == 0
            ? "none"
            : style.Red(Text.Count(summary.Errors.Count) + " (" + string.Join(", ", summary.Errors.Take(TraceReport.MaxListed).Select(s => Text.Name(s.Name, 60))) + ")")));
        IReadOnlyList<SpanNode> path = tree.CriticalPath();
        output.WriteLine("Critical path: " + (path.Count == 0
            ? "none"
            : string.Join(" → ", path.Select(n => Text.Name(n.Span.Name, 60)))));
    }

    private static string Plural(long count, string noun) => Text.Count(count) + " " + noun + (count == 1 ? string.Empty : "s");
}
