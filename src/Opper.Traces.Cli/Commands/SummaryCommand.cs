using System.CommandLine;
using Opper.Models;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli.Commands;

/// <summary><c>opper-traces summary &lt;trace-id | file.json&gt; [--json]</c>: the trace's numbers.</summary>
internal static class SummaryCommand
{
    public static Command Create(CliHost host)
    {
        Argument<string> trace = CommonOptions.Trace();
        Option<string?> baseUrl = CommonOptions.BaseUrl();
        var json = new Option<bool>("--json")
        {
            Description = "Write the summary as JSON (snake_case keys; unknown values are null).",
        };
        Option<string> color = CommonOptions.Color();

        var command = new Command("summary", "Summarize a trace: spans, tokens, time by type and model, generation share, errors, metrics and scores.")
        {
            trace,
            baseUrl,
            CommonOptions.TraceId(),
            json,
            color,
        };

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(host, async ct =>
        {
            GetTraceResponse loaded = await TraceLoader.LoadAsync(host, parse, ct).ConfigureAwait(false);
            SpanTree tree = loaded.BuildTree();
            TraceSummary summary = tree.Summarize();
            if (parse.GetValue(json))
            {
                SummaryJson.Write(host.Out, summary);
            }
            else
            {
                SummaryText.Write(host.Out, loaded, tree, summary, Style.For(CommonOptions.ParseColor(parse.GetValue(color)), host));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
