using System.CommandLine;
using Opper.Models;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli.Commands;

/// <summary><c>opper-traces export &lt;trace-id | file.json&gt; --format chrome -o trace.json</c>.</summary>
internal static class ExportCommand
{
    public static Command Create(CliHost host)
    {
        Argument<string> trace = CommonOptions.Trace();
        Option<string?> baseUrl = CommonOptions.BaseUrl();
        var format = new Option<string>("--format", "-f")
        {
            Description = "The output format: chrome (Chrome trace-event JSON, for Perfetto and chrome://tracing).",
            DefaultValueFactory = _ => "chrome",
        };
        format.AcceptOnlyFromAmong("chrome");
        var output = new Option<string>("--output", "-o")
        {
            Description = "The file to write; - writes to stdout.",
            HelpName = "file",
            Required = true,
        };

        var command = new Command("export", "Export a trace for a timeline viewer: one event per span, nested by depth.")
        {
            trace,
            baseUrl,
            format,
            output,
        };

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(host, async ct =>
        {
            string target = parse.GetValue(output)!;
            if (target.Trim().Length == 0)
            {
                throw CliException.Usage("--output needs a file name, or - for stdout.");
            }

            GetTraceResponse loaded = await TraceLoader.LoadAsync(host, parse.GetValue(trace)!, parse.GetValue(baseUrl), ct).ConfigureAwait(false);
            ChromeTrace.Result result = target == "-" ? ChromeTrace.Write(host.Out, loaded) : OutputFile.Write(target, writer => ChromeTrace.Write(writer, loaded));
            if (result.Skipped > 0)
            {
                host.Error.WriteLine("opper-traces: skipped " + Text.Count(result.Skipped)
                    + (result.Skipped == 1 ? " span" : " spans") + " without a start time or a known duration.");
            }

            if (target != "-")
            {
                host.Error.WriteLine("Wrote " + Text.Count(result.Exported) + (result.Exported == 1 ? " span" : " spans")
                    + " to " + Text.Preview(target, 200) + " (open it in https://ui.perfetto.dev or chrome://tracing).");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
