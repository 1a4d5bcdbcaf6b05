using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Opper.Traces.Cli.Output;

/// <summary>The report of <c>opper-traces stats</c> without <c>--json</c>.</summary>
internal static class StatsText
{
    /// <summary>The most rows per table.</summary>
    public const int MaxRows = 20;

    public static void Write(TextWriter output, TraceStatistics stats, int unreadable, Style style)
    {
        if (stats.TraceCount == 0)
        {
            output.WriteLine("No traces.");
            return;
        }

        output.WriteLine(style.Bold("Traces: " + Text.Count(stats.TraceCount)) + ", " + Text.Count(stats.SpanCount) + " spans, "
            + Text.Count(stats.TotalTokens) + " tokens, "
            + (stats.ErrorCount == 0 ? "no span errors" : style.Red(Text.Count(stats.ErrorCount) + (stats.ErrorCount == 1 ? " span error" : " span errors"))));
        DurationStats duration = stats.TraceDuration;
        output.WriteLine("Trace duration: " + (duration.KnownDurationCount == 0
            ? "unknown"
            : "p50 " + Ms(duration.P50DurationMs) + ", p95 " + Ms(duration.P95DurationMs) + ", max " + Ms(duration.MaxDurationMs)
                + (duration.AverageDurationMs is { } average ? ", mean " + Text.Ms(average) : string.Empty)));

        Section(output, style, "By trace name:", stats.ByTraceName.OrderByDescending(t => t.Value.Count).ToList(),
            new[] { "NAME", "TRACES", "WITH ERRORS", "P50", "P95", "TOKENS" },
            new[] { false, true, true, true, true, true },
            t => new[]
            {
                Text.Preview(t.Key, 50), Text.Count(t.Value.Count), Text.Count(t.Value.ErrorCount),
                Ms(t.Value.Duration.P50DurationMs), Ms(t.Value.Duration.P95DurationMs), Text.Count(t.Value.TotalTokens),
            });

        Section(output, style, "Slowest spans (by total self time):", stats.SlowestSpans,
            new[] { "SPAN", "COUNT", "SELF TIME", "P95", "ON CRITICAL PATH" },
            new[] { false, true, true, true, true },
            s => new[]
            {
                Text.Preview(s.Name, 50), Text.Count(s.Count), Text.Ms(s.TotalSelfTimeMs), Ms(s.P95DurationMs),
                stats.CriticalPathShare.TryGetValue(s.Name, out double share) ? Text.Percent(share) + " of traces" : "-",
            });

        Section(output, style, "By type:", stats.ByType.ToList(),
            new[] { "TYPE", "SPANS", "TOTAL", "P50", "P95" },
            new[] { false, true, true, true, true },
            t => new[] { Text.Preview(t.Key, 40), Text.Count(t.Value.Count), Text.Ms(t.Value.TotalDurationMs), Ms(t.Value.P50DurationMs), Ms(t.Value.P95DurationMs) });

        Section(output, style, "By model:", stats.ByModel.ToList(),
            new[] { "MODEL", "CALLS", "TOKENS", "TIME" },
            new[] { false, true, true, true },
            m => new[] { Text.Preview(m.Key, 60), Text.Count(m.Value.Calls), Text.Count(m.Value.TotalTokens), Text.Ms(m.Value.TotalDurationMs) });

        if (unreadable > 0)
        {
            output.WriteLine();
            output.WriteLine(style.Yellow(Text.Count(unreadable) + (unreadable == 1 ? " input could not be read and is" : " inputs could not be read and are") + " not counted (see stderr)."));
        }
    }

    private static void Section<T>(TextWriter output, Style style, string title, IReadOnlyList<T> items, string[] headers, bool[] right, System.Func<T, string[]> row)
    {
        if (items.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(style.Bold(title));
        Table.Write(output, headers, right, items.Take(MaxRows).Select(row).ToList(), style, "  ");
        if (items.Count > MaxRows)
        {
            output.WriteLine("  … " + Text.Count(items.Count - MaxRows) + " more (--json lists all)");
        }
    }

    private static string Ms(long? value) => value is { } ms ? Text.Ms(ms) : "?";
}
