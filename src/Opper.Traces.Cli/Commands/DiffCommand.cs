using System.CommandLine;
using Opper.Models;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli.Commands;

/// <summary><c>opper-traces diff &lt;before&gt; &lt;after&gt; [--json]</c>: what changed between two traces.</summary>
internal static class DiffCommand
{
    public static Command Create(CliHost host)
    {
        var before = new Argument<string>("before")
        {
            Description = "The first trace: a trace id (fetched from the API) or a saved trace JSON file; - reads stdin.",
            HelpName = "trace-id | file.json",
        };
        var after = new Argument<string>("after")
        {
            Description = "The second trace, given the same way.",
            HelpName = "trace-id | file.json",
        };
        Option<string?> baseUrl = CommonOptions.BaseUrl();
        var json = new Option<bool>("--json")
        {
            Description = "Write the diff as JSON (snake_case keys; every matched, added and removed span).",
        };
        Option<string> color = CommonOptions.Color();

        var command = new Command("diff", "Compare two traces: the largest duration changes first, spans added and removed, token and model changes, totals per type and model. Spans are matched by their name path in the tree.")
        {
            before,
            after,
            baseUrl,
            json,
            color,
        };

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(host, async ct =>
        {
            GetTraceResponse first = await TraceLoader.LoadAsync(host, parse.GetValue(before)!, parse.GetValue(baseUrl), ct).ConfigureAwait(false);
            GetTraceResponse second = await TraceLoader.LoadAsync(host, parse.GetValue(after)!, parse.GetValue(baseUrl), ct).ConfigureAwait(false);
            TraceDiff diff = TraceDiff.Compare(first, second);
            if (parse.GetValue(json))
            {
                DiffJson.Write(host.Out, diff);
            }
            else
            {
                DiffText.Write(host.Out, first, second, diff, Style.For(CommonOptions.ParseColor(parse.GetValue(color)), host));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
