using System.Collections.Generic;
using System.IO;
using Opper.Models;

namespace Opper.Traces.Cli.Output;

/// <summary>The table of <c>opper-traces list</c>.</summary>
internal static class TraceTable
{
    private static readonly string[] Headers = { "ID", "NAME", "START (UTC)", "DURATION", "STATUS", "TOKENS" };

    /// <summary>Columns that are right-aligned (numbers).</summary>
    private static readonly bool[] RightAligned = { false, false, false, true, false, true };

    public static void Write(TextWriter output, IReadOnlyList<ListTracesResponse> traces, Style style)
    {
        if (traces.Count == 0)
        {
            output.WriteLine("No traces found.");
            return;
        }

        var rows = new List<string[]>(traces.Count);
        foreach (ListTracesResponse trace in traces)
        {
            rows.Add(new[]
            {
                Text.Preview(trace.Id, 64),
                Text.Name(trace.Name, 40),
                trace.StartTime is { } start ? Text.Instant(start) : "-",
                trace.DurationMs is { } duration ? Text.Ms(duration) : "-",
                string.IsNullOrEmpty(trace.Status) ? "-" : Text.Preview(trace.Status, 20),
                trace.TotalTokens is { } tokens ? Text.Count(tokens) : "-",
            });
        }

        Table.Write(output, Headers, RightAligned, rows, style);
        output.WriteLine(style.Dim(Text.Count(traces.Count) + (traces.Count == 1 ? " trace." : " traces.")));
    }
}
