using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Opper.Traces.Cli.Output;

/// <summary>A plain text table: a bold header row and columns padded to their widest cell.</summary>
internal static class Table
{
    /// <summary>Writes the header and the rows; each line is <paramref name="indent"/> followed by the cells, two spaces apart.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="headers">The column titles.</param>
    /// <param name="rightAligned">Which columns are right-aligned (numbers).</param>
    /// <param name="rows">The cells, already made safe for a terminal.</param>
    /// <param name="style">Styles the header.</param>
    /// <param name="indent">Put before every line.</param>
    public static void Write(TextWriter output, string[] headers, bool[] rightAligned, IReadOnlyList<string[]> rows, Style style, string indent = "")
    {
        var widths = new int[headers.Length];
        for (int c = 0; c < headers.Length; c++)
        {
            widths[c] = headers[c].Length;
            foreach (string[] row in rows)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        output.WriteLine(indent + style.Bold(Line(headers, widths, rightAligned)));
        foreach (string[] row in rows)
        {
            output.WriteLine(indent + Line(row, widths, rightAligned));
        }
    }

    private static string Line(string[] cells, int[] widths, bool[] rightAligned)
    {
        var line = new StringBuilder();
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                line.Append("  ");
            }

            line.Append(rightAligned[c] ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]));
        }

        return line.ToString().TrimEnd();
    }
}
