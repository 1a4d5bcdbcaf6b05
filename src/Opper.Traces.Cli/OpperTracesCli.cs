using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Opper.Traces.Cli.Commands;

namespace Opper.Traces.Cli;

/// <summary>
/// The <c>opper-traces</c> command line: builds the commands and runs one. Everything the commands
/// need from outside comes from a <see cref="CliHost"/>, so that tests run the tool in-process.
/// </summary>
internal static class OpperTracesCli
{
    /// <summary>The name users type.</summary>
    public const string Name = "opper-traces";

    /// <summary>
    /// The root command with every subcommand. It is a plain <see cref="Command"/> named
    /// <c>opper-traces</c> (a <see cref="RootCommand"/> takes the name of the assembly, which is not
    /// what users type), with the help and version options a root command has.
    /// </summary>
    public static Command Build(CliHost host)
    {
        var root = new Command(Name, "Show, summarize, list, export, report, compare and gather statistics over Opper traces, from the API or from saved JSON files.")
        {
            new HelpOption { Recursive = true },
            new VersionOption(),
            ShowCommand.Create(host),
            SummaryCommand.Create(host),
            ListCommand.Create(host),
            ExportCommand.Create(host),
            StatsCommand.Create(host),
            DiffCommand.Create(host),
            ReportCommand.Create(host),
            McpCommand.Create(host),
        };
        root.SetAction(_ => CommandRunner.Fail(host, ExitCodes.Usage, "No command given: use show, summary, list, export, report, stats, diff or mcp. See '" + Name + " --help'."));
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="host">The outside world.</param>
    /// <param name="cancellationToken">Cancels the command (exit code 130), as Ctrl+C does.</param>
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        ParseResult parse = Build(host).Parse(args);
        if (parse.Action is ParseErrorAction && parse.Errors.Count > 0)
        {
            // One line, exit code 2: the messages, and where to read about the command.
            string command = parse.CommandResult.Parent is null ? Name : Name + " " + parse.CommandResult.Command.Name;
            return CommandRunner.Fail(
                host,
                ExitCodes.Usage,
                string.Join(" ", parse.Errors.Select(e => e.Message.TrimEnd('.') + ".")) + " See '" + command + " --help'.");
        }

        var configuration = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = host.HandleTerminationSignals ? TimeSpan.FromSeconds(2) : null,
        };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
