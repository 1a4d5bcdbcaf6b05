using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Opper.Models;
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
            var unreadable = new List<UnreadableInput>();
            TraceStatistics stats;
            if (paths.Length > 0)
            {
                foreach (Option option in new Option[] { name, limit, concurrency, baseUrl })
                {
                    if (parse.GetResult(option) is { Implicit: false })
                    {
                        throw CliException.Usage(option.Name + " applies to traces read from the API; it cannot be used with files or folders.");
                    }
                }

                List<string> files = FindFiles(paths, unreadable);
                if (files.Count == 0 && unreadable.Count == 0)
                {
                    throw CliException.Usage("No trace files (*.json) in " + string.Join(", ", paths.Select(p => "'" + Text.Preview(p, 200) + "'")) + ".");
                }

                var progress = Progress.For(host, quiet, files.Count, "trace files");
                foreach (UnreadableInput missing in unreadable)
                {
                    progress.Report("opper-traces: " + missing.Reason);
                }

                stats = TraceStatistics.From(ReadFiles(files, unreadable, progress, ct));
                progress.Finish();
            }
            else
            {
                int max = parse.GetValue(limit);
                using OpperClient client = ApiClientFactory.Create(host, parse.GetValue(baseUrl), "read traces from the API, or pass saved trace files or folders");
                var progress = Progress.For(host, quiet, max, "traces");
                Action<string, Exception> onError = (id, error) =>
                {
                    unreadable.Add(new UnreadableInput(id, Text.OneLine(error.Message)));
                    progress.Report("opper-traces: skipped trace " + Text.Preview(id, 64) + ": " + error.Message);
                    progress.Advance();
                };
                stats = await TraceStatistics.FromAsync(
                    Counted(client.Traces.GetManyAsync(parse.GetValue(name), max, parse.GetValue(concurrency), onError, ct), progress, ct),
                    ct).ConfigureAwait(false);
                progress.Finish();
            }

            if (quiet)
            {
                StatsJson.Write(host.Out, stats, unreadable);
            }
            else if (stats.TraceCount > 0 || unreadable.Count == 0)
            {
                StatsText.Write(host.Out, stats, unreadable.Count, Style.For(CommonOptions.ParseColor(parse.GetValue(color)), host));
            }

            if (stats.TraceCount == 0 && unreadable.Count > 0)
            {
                return CommandRunner.Fail(
                    host,
                    paths.Length > 0 ? ExitCodes.Usage : ExitCodes.Api,
                    "None of the " + Text.Count(unreadable.Count) + (unreadable.Count == 1 ? " input" : " inputs") + " could be read.");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>The files named, and the <c>*.json</c> files of the folders named (recursively, in ordinal order of their paths).</summary>
    private static List<string> FindFiles(string[] paths, List<UnreadableInput> unreadable)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                try
                {
                    List<string> found = Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).ToList();
                    found.Sort(StringComparer.Ordinal);
                    files.AddRange(found);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    unreadable.Add(new UnreadableInput(path, "Cannot list the folder '" + Text.Preview(path, 200) + "': " + Text.OneLine(ex.Message)));
                }
            }
            else
            {
                unreadable.Add(new UnreadableInput(path, "File not found: '" + Text.Preview(path, 200) + "'."));
            }
        }

        return files;
    }

    /// <summary>Reads the files one at a time as the statistics ask for them; those that are not traces are reported and skipped.</summary>
    private static IEnumerable<GetTraceResponse> ReadFiles(List<string> files, List<UnreadableInput> unreadable, Progress progress, CancellationToken cancellationToken)
    {
        foreach (string file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            GetTraceResponse? trace = null;
            try
            {
                trace = TraceLoader.ReadFile(file);
            }
            catch (CliException ex)
            {
                unreadable.Add(new UnreadableInput(file, Text.OneLine(ex.Message)));
                progress.Report("opper-traces: " + ex.Message);
            }

            progress.Advance();
            if (trace is not null)
            {
                yield return trace;
            }
        }
    }

    private static async IAsyncEnumerable<GetTraceResponse> Counted(IAsyncEnumerable<GetTraceResponse> traces, Progress progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (GetTraceResponse trace in traces.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            progress.Advance();
            yield return trace;
        }
    }
}
