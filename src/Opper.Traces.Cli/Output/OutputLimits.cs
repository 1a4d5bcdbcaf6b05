using System;
using System.Globalization;

namespace Opper.Traces.Cli.Output;

/// <summary>
/// How much of a large trace a text output lists, for readers with little room (a model's
/// context). The commands print everything (no limits); a trace small enough to fit comes out the
/// same either way.
/// </summary>
/// <param name="MaxSpansPerType">Spans listed under each type of the report's breakdown; the rest are counted.</param>
/// <param name="MaxTreeLines">Lines of a rendered span tree; the rest are counted.</param>
/// <param name="MaxPathSpans">Spans of the critical path named in the report; the rest are counted.</param>
internal sealed record OutputLimits(int MaxSpansPerType, int MaxTreeLines, int MaxPathSpans)
{
    /// <summary>The limits of the MCP tools: a report of a trace of any size stays within a few hundred lines.</summary>
    public static OutputLimits ForModels { get; } = new OutputLimits(MaxSpansPerType: 10, MaxTreeLines: 200, MaxPathSpans: 20);

    /// <summary>
    /// The first <see cref="MaxTreeLines"/> lines of <paramref name="rendered"/> (lines joined with
    /// <c>\n</c>), then one line counting those left out; the text itself when it fits.
    /// </summary>
    public string CutTree(string rendered)
    {
        int end = -1;
        for (int line = 0; line < MaxTreeLines; line++)
        {
            end = rendered.IndexOf('\n', end + 1);
            if (end < 0)
            {
                return rendered;
            }
        }

        int left = 1;
        for (int i = rendered.IndexOf('\n', end + 1); i >= 0; i = rendered.IndexOf('\n', i + 1))
        {
            left++;
        }

        return rendered.Substring(0, end + 1) + "… " + Text.Count(left) + " more lines not shown ("
            + MaxTreeLines.ToString(CultureInfo.InvariantCulture) + " lines at most; a smaller depth shows the top of the tree)";
    }

    /// <summary>How many of <paramref name="count"/> items to list, and the line counting the rest (null when all fit).</summary>
    public static (int Listed, string? More) Take(int count, int max, string what)
    {
        if (count <= max)
        {
            return (count, null);
        }

        int rest = count - Math.Max(max, 0);
        return (max, "… " + Text.Count(rest) + " more " + what);
    }
}
