using System.CommandLine;
using Opper.Models;
using Opper.Traces.Cli.Output;
using Opper.Traces.Cli.Output.Html;

namespace Opper.Traces.Cli.Commands;

/// <summary>
/// <c>opper-traces report &lt;trace-id | file&gt; [-o FILE]</c>: one self-contained HTML file with the
/// trace's waterfall, span details and summary tables.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliHost host)
    {
        Argument<string> trace = CommonOptions.Trace();
        Option<string?> baseUrl = CommonOptions.BaseUrl();
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The HTML file to write (default: stdout; - also writes to stdout).",
            HelpName = "file",
        };

        var command = new Command("report", "Write a trace as one self-contained HTML page: a waterfall of the spans with the critical path and errors marked, span details on click, and the summary tables. The page loads nothing from the network.")
        {
            trace,
            baseUrl,
            CommonOptions.TraceId(),
            output,
        };

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(host, async ct =>
        {
            string target = parse.GetValue(output) ?? "-";
            if (target.Trim().Length == 0)
            {
                throw CliException.Usage("--output needs a file name, or - for stdout.");
            }

            GetTraceResponse loaded = await TraceLoader.LoadAsync(host, parse, ct).ConfigureAwait(false);
            SpanTree tree = loaded.BuildTree();
            TraceSummary summary = tree.Summarize();
            if (target == "-")
            {
                HtmlReport.Write(host.Out, loaded, tree, summary);
            }
            else
            {
                OutputFile.Write(target, writer => HtmlReport.Write(writer, loaded, tree, summary));
                host.Error.WriteLine("Wrote the report of " + Text.Count(tree.Count) + (tree.Count == 1 ? " span" : " spans")
                    + " to " + Text.Preview(target, 200) + ".");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
