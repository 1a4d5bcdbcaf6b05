using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli.Commands;

/// <summary>
/// <c>opper-traces stats [--name N] [--limit L] [--concurrency C] [--json] [files or folders...]</c>:
/// statistics over many traces, from the API or from saved trace files. Traces are folded in one
/// at a time, so memory follows the largest trace, not their number.
/// </summary>
internal static class StatsCommand
{
    /// <summary>How many traces are read from the API without <c>--limit</c>.</summary>
    public const int DefaultLimit = 100;

    /// <summary>How many API calls run at once without <c>--concurrency</c>.</summary>
    public const int DefaultConcurrency = 8;

    public static Command Create(CliHost host)
    {
        var name = new Option<string?>("--name")
        {
            Description = "Only traces with this name (from the API).",
            HelpName = "name",
        };
        var limit = new Option<int>("--limit")
        {
            Description = "The most traces to read from the API.",
            HelpName = "n",
            DefaultValueFactory = _ => DefaultLimit,
            CustomParser = result => CommonOptions.ParseWholeNumber(result, 1) ?? 0,
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "The most API calls at once.",
            HelpName = "n",
            DefaultValueFactory = _ => DefaultConcurrency,
            CustomParser = result => CommonOptions.ParseWholeNumber(result, 1) ?? 0,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Write the statistics as JSON (snake_case keys), with the inputs that could not be read under \"unreadable\"; no progress is shown.",
        };
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Saved trace JSON files, or folders of them (every *.json file inside, recursively). Without any, traces are read from the API.",
            HelpName = "files or folders",
            Arity = ArgumentArity.ZeroOrMore,
        };
        Option<string?> baseUrl = CommonOptions.BaseUrl();
        Option<string> color = CommonOptions.Color();

        var command = new Command("stats", "Statistics over many traces: durations per trace name, the slowest spans by self time, how often each span is on the critical path, time per type, tokens per model.")
        {
            inputs,
            name,
            limit,
            concurrency,
            json,
            baseUrl,
            color,
        };

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(host, async ct =>
        {
            string[] paths = parse.GetValue(inputs) ?? Array.Empty<string>();
            bool quiet = parse.GetValue(json);
            StatsResult result;
            if (paths.Length > 0)
            {
                foreach (Option option in new Option[] { name, limit, concurrency, baseUrl })
                {
                    if (parse.GetResult(option) is { Implicit: false })
                    {
                        throw CliException.Usage(option.Name + " applies to traces read from the API; it cannot be used with files or folders.");
                    }
                }

                result = StatsCollector.FromFiles(paths, total => Progress.For(host, quiet, total, "trace files"), ct);
            }
            else
            {
                int max = parse.GetValue(limit);
                using OpperClient client = ApiClientFactory.Create(host, parse.GetValue(baseUrl), "read traces from the API, or pass saved trace files or folders");
                result = await StatsCollector.FromApiAsync(
                    client, parse.GetValue(name), max, parse.GetValue(concurrency), Progress.For(host, quiet, max, "traces"), ct).ConfigureAwait(false);
            }

            TraceStatistics stats = result.Statistics;
            IReadOnlyList<UnreadableInput> unreadable = result.Unreadable;
            if (quiet)
            {
                StatsJson.Write(host.Out, stats, unreadable);
            }
            else if (stats.TraceCount > 0 || unreadable.Count == 0)
            {
                StatsText.Write(host.Out, stats, unreadable.Count, Style.For(CommonOptions.ParseColor(parse.GetValue(color)), host));
            }

            if (result.NothingRead is { } nothingRead)
            {
                return CommandRunner.Fail(host, paths.Length > 0 ? ExitCodes.Usage : ExitCodes.Api, nothingRead);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
