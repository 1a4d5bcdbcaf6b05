using System;
using System.IO;
using System.Net;
using Opper.Models;

namespace Opper.Traces.Cli.Output.Html;

/// <summary>
/// Writes a trace as one self-contained HTML page: style, script and data inline, nothing loaded
/// from anywhere. The script draws the waterfall, the details of a span and the summary tables
/// from the data, which is embedded as JSON (see <see cref="ReportData"/>).
/// </summary>
internal static class HtmlReport
{
    /// <summary>Writes the page; returns the number of span rows it holds.</summary>
    /// <param name="output">Where the page goes.</param>
    /// <param name="trace">The trace.</param>
    /// <param name="tree">The trace's span tree.</param>
    /// <param name="summary">The trace's summary (from the same tree).</param>
    public static int Write(TextWriter output, GetTraceResponse trace, SpanTree tree, TraceSummary summary)
    {
        ReportAssets assets = ReportAssets.Instance;
        foreach (ReportAssets.TemplatePart part in assets.Parts)
        {
            output.Write(part.Literal);
            switch (part.Placeholder)
            {
                case null:
                    break;
                case "csp":
                    output.Write(WebUtility.HtmlEncode(assets.ContentSecurityPolicy));
                    break;
                case "title":
                    output.Write(WebUtility.HtmlEncode("Trace " + Text.Name(trace.Name, 200)));
                    break;
                case "style":
                    output.Write(assets.Style);
                    break;
                case "data":
                    ReportData.Write(output, trace, tree, summary);
                    break;
                case "script":
                    output.Write(assets.Script);
                    break;
                default:
                    throw new InvalidOperationException("The report template names an unknown placeholder '" + part.Placeholder + "'.");
            }
        }

        output.Flush();
        return tree.Count;
    }
}
