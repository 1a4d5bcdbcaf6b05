using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Opper.Models;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli;

/// <summary>The statistics of many traces and the inputs that could not be read.</summary>
/// <param name="Statistics">The statistics of the traces that were read.</param>
/// <param name="Unreadable">The files (or trace ids) that could not be read, in the order met.</param>
internal sealed record StatsResult(TraceStatistics Statistics, IReadOnlyList<UnreadableInput> Unreadable)
{
    /// <summary>The failure to report when inputs were given but none could be read; null otherwise.</summary>
    public string? NothingRead => Statistics.TraceCount == 0 && Unreadable.Count > 0
        ? "None of the " + Text.Count(Unreadable.Count) + (Unreadable.Count == 1 ? " input" : " inputs") + " could be read."
        : null;
}

/// <summary>
/// Gathers <see cref="TraceStatistics"/> for <c>stats</c> (and any other caller): from saved files
/// and folders, or from the API. Traces are folded in one at a time; unreadable inputs are
/// reported through the progress and collected, never fatal.
/// </summary>
internal static class StatsCollector
{
    /// <summary>Statistics over the files named and the <c>*.json</c> files of the folders named (recursively).</summary>
    /// <param name="paths">Files and folders.</param>
    /// <param name="progress">Makes the progress for the number of files found.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="CliException">No file at all was found, and nothing was missing either (exit code 2).</exception>
    public static StatsResult FromFiles(IReadOnlyList<string> paths, Func<int, Progress> progress, CancellationToken cancellationToken)
    {
        var unreadable = new List<UnreadableInput>();
        List<string> files = FindFiles(paths, unreadable);
        if (files.Count == 0 && unreadable.Count == 0)
        {
            throw CliException.Usage("No trace files (*.json) in " + string.Join(", ", paths.Select(p => "'" + Text.Preview(p, 200) + "'")) + ".");
        }

        Progress shown = progress(files.Count);
        foreach (UnreadableInput missing in unreadable)
        {
            shown.Report("opper-traces: " + missing.Reason);
        }

        TraceStatistics stats = TraceStatistics.From(ReadFiles(files, unreadable, shown, cancellationToken));
        shown.Finish();
        return new StatsResult(stats, unreadable);
    }

    /// <summary>Statistics over up to <paramref name="limit"/> traces from the API; traces that fail to fetch are reported and skipped.</summary>
    public static async Task<StatsResult> FromApiAsync(OpperClient client, string? name, int limit, int concurrency, Progress progress, CancellationToken cancellationToken)
    {
        var unreadable = new List<UnreadableInput>();
        Action<string, Exception> onError = (id, error) =>
        {
            unreadable.Add(new UnreadableInput(id, Text.OneLine(error.Message)));
            progress.Report("opper-traces: skipped trace " + Text.Preview(id, 64) + ": " + error.Message);
            progress.Advance();
        };
        TraceStatistics stats = await TraceStatistics.FromAsync(
            Counted(client.Traces.GetManyAsync(name, limit, concurrency, onError, cancellationToken), progress, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        progress.Finish();
        return new StatsResult(stats, unreadable);
    }

    /// <summary>The files named, and the <c>*.json</c> files of the folders named (recursively, in ordinal order of their paths).</summary>
    private static List<string> FindFiles(IReadOnlyList<string> paths, List<UnreadableInput> unreadable)
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
