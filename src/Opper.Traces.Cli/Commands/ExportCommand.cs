using System;
using System.CommandLine;
using System.IO;
using System.Text;
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
            ChromeTrace.Result result = target == "-" ? ChromeTrace.Write(host.Out, loaded) : WriteFile(target, loaded);
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

    /// <summary>
    /// Writes next to the target, then moves the finished file into place, so that a failure
    /// never leaves a half-written file or destroys an existing one.
    /// </summary>
    private static ChromeTrace.Result WriteFile(string path, GetTraceResponse trace)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw CliException.Usage("Cannot write '" + Text.Preview(path, 200) + "': " + ex.Message, ex);
        }

        if (Directory.Exists(full))
        {
            throw CliException.Usage("Cannot write '" + Text.Preview(path, 200) + "': it is a directory.");
        }

        string temporary = full + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
        try
        {
            ChromeTrace.Result result;
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
            {
                result = ChromeTrace.Write(writer, trace);
            }

            File.Move(temporary, full, overwrite: true);
            return result;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw CliException.Usage("Cannot write '" + Text.Preview(path, 200) + "': " + ex.Message, ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the message about the failed write matters more.
        }
    }
}
