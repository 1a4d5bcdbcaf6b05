using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Opper.Models;

namespace Opper.Traces.Cli.Output;

/// <summary>The report of <c>opper-traces diff</c> without <c>--json</c>.</summary>
internal static class DiffText
{
    /// <summary>The most spans listed per section.</summary>
    public const int MaxListed = 20;

    private const int MaxKeyChars = 90;

    /// <summary>Pairs by the size of their duration change, largest first; unknown changes last; ties keep walk order.</summary>
    public static IEnumerable<SpanPair> LargestChangesFirst(IEnumerable<SpanPair> pairs) =>
        pairs.OrderByDescending(p => p.DurationDeltaMs is { } delta ? (delta == long.MinValue ? long.MaxValue : Math.Abs(delta)) : -1);

    public static void Write(TextWriter output, GetTraceResponse before, GetTraceResponse after, TraceDiff diff, Style style)
    {
        output.WriteLine(style.Bold("Before: ") + Describe(before));
        output.WriteLine(style.Bold("After:  ") + Describe(after));
        output.WriteLine("Duration: " + Ms(before.DurationMs) + " → " + Ms(after.DurationMs)
            + (diff.DurationDeltaMs is { } delta ? " (" + Colored(style, delta, SignedMs(delta)) + ")" : string.Empty));
        output.WriteLine("Tokens: " + Colored(style, diff.TokensDelta, Signed(diff.TokensDelta)));
        List<SpanPair> changed = LargestChangesFirst(diff.Matched.Where(p => p.HasChanges)).ToList();
        output.WriteLine("Spans: " + Text.Count(diff.Matched.Count) + " matched (" + Text.Count(changed.Count) + " changed), "
            + Text.Count(diff.Added.Count) + " added, " + Text.Count(diff.Removed.Count) + " removed");
        if (!diff.HasChanges)
        {
            output.WriteLine("No differences.");
            return;
        }

        if (changed.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(style.Bold("Largest changes:"));
            var rows = changed.Take(MaxListed).Select(p => new[]
            {
                p.DurationDeltaMs is { } d ? SignedMs(d) : "?",
                Ms(p.Before.DurationMs),
                Ms(p.After.DurationMs),
                Text.Preview(p.Key, MaxKeyChars),
                Notes(p),
            }).ToList();
            Table.Write(output, new[] { "CHANGE", "BEFORE", "AFTER", "SPAN", "ALSO" }, new[] { true, true, true, false, false }, rows, style, "  ");
            More(output, changed.Count, "changed spans");
        }

        WriteUnmatched(output, "Added", '+', diff.Added, style);
        WriteUnmatched(output, "Removed", '-', diff.Removed, style);

        if (diff.ByType.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(style.Bold("By type:"));
            var rows = diff.ByType.Select(t => new[]
            {
                Text.Preview(t.Key, 40),
                Text.Count(t.Value.CountBefore) + " → " + Text.Count(t.Value.CountAfter),
                Text.Ms(t.Value.TotalDurationMsBefore) + " → " + Text.Ms(t.Value.TotalDurationMsAfter),
                SignedMs(t.Value.DurationDeltaMs),
            }).ToList();
            Table.Write(output, new[] { "TYPE", "SPANS", "TIME", "CHANGE" }, new[] { false, true, true, true }, rows, style, "  ");
        }

        if (diff.ByModel.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(style.Bold("By model:"));
            var rows = diff.ByModel.Select(m => new[]
            {
                Text.Preview(m.Key, 60),
                Text.Count(m.Value.CallsBefore) + " → " + Text.Count(m.Value.CallsAfter),
                Text.Count(m.Value.TokensBefore) + " → " + Text.Count(m.Value.TokensAfter),
                Signed(m.Value.TokensDelta),
                SignedMs(m.Value.DurationDeltaMs),
            }).ToList();
            Table.Write(output, new[] { "MODEL", "CALLS", "TOKENS", "TOKEN CHANGE", "TIME CHANGE" }, new[] { false, true, true, true, true }, rows, style, "  ");
        }
    }

    private static void WriteUnmatched(TextWriter output, string title, char sign, IReadOnlyList<UnmatchedSpan> spans, Style style)
    {
        if (spans.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(style.Bold(title + " (" + Text.Count(spans.Count) + "):"));
        foreach (UnmatchedSpan span in spans.Take(MaxListed))
        {
            string line = "  " + sign + " " + Text.Preview(span.Key, MaxKeyChars) + " (" + Ms(span.Node.DurationMs) + ")";
            output.WriteLine(sign == '+' ? style.Green(line) : style.Red(line));
        }

        More(output, spans.Count, title.ToLowerInvariant() + " spans");
    }

    private static void More(TextWriter output, int count, string what)
    {
        if (count > MaxListed)
        {
            output.WriteLine("  … " + Text.Count(count - MaxListed) + " more " + what + " (--json lists all)");
        }
    }

    private static string Notes(SpanPair pair)
    {
        var notes = new List<string>();
        if (pair.ModelChanged)
        {
            notes.Add("model " + Model(pair.Before) + " → " + Model(pair.After));
        }

        if (pair.TokensDelta is { } tokens && tokens != 0)
        {
            notes.Add("tokens " + Signed(tokens));
        }

        if (pair.ErrorAppeared)
        {
            notes.Add("error appeared: " + Text.Preview(pair.After.Span.Error, 60));
        }

        if (pair.ErrorResolved)
        {
            notes.Add("error resolved");
        }

        return string.Join(", ", notes);
    }

    private static string Model(SpanNode node) => node.Model is { } model ? Text.Preview(model, 40) : "none";

    private static string Describe(GetTraceResponse trace) =>
        Text.Preview(trace.Id, 64) + " " + Text.Name(trace.Name, 60) + " (" + Text.Count(trace.Spans?.Count(s => s is not null) ?? 0) + " spans)";

    private static string Ms(long? value) => value is { } ms ? Text.Ms(ms) : "?";

    private static string Signed(long value) => value.ToString("+#,##0;-#,##0;0", CultureInfo.InvariantCulture);

    private static string SignedMs(long value) => Signed(value) + " ms";

    private static string Colored(Style style, long delta, string text) =>
        delta > 0 ? style.Red(text) : delta < 0 ? style.Green(text) : text;
}
