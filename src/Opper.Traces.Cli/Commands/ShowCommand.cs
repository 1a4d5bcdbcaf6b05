using System.CommandLine;
using Opper.Models;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli.Commands;

/// <summary><c>opper-traces show &lt;trace-id | file.json&gt;</c>: the trace report.</summary>
internal static class ShowCommand
{
    public static Command Create(CliHost host)
    {
        Argument<string> trace = CommonOptions.Trace();
        Option<string?> baseUrl = CommonOptions.BaseUrl();
        var maxDepth = new Option<int?>("--max-depth")
        {
            Description = "Show the execution flow down to this depth (0 = roots only); deeper spans are counted.",
            HelpName = "n",
            CustomParser = result => CommonOptions.ParseWholeNumber(result, 0),
        };
        Option<string> color = CommonOptions.Color();

        var command = new Command("show", "Print a report of a trace: header, span breakdown by type, execution flow and performance insights.")
        {
            trace,
            baseUrl,
            CommonOptions.TraceId(),
            maxDepth,
            color,
        };

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(host, async ct =>
        {
            GetTraceResponse loaded = await TraceLoader.LoadAsync(host, parse, ct).ConfigureAwait(false);
            Style style = Style.For(CommonOptions.ParseColor(parse.GetValue(color)), host);
            TraceReport.Write(host.Out, loaded, style, parse.GetValue(maxDepth));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
