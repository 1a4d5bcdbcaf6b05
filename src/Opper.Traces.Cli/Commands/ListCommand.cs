using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Opper.Models;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli.Commands;

/// <summary><c>opper-traces list [--name N] [--limit L]</c>: recent traces.</summary>
internal static class ListCommand
{
    /// <summary>How many traces are listed without <c>--limit</c>.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The largest page asked of the API.</summary>
    public const int MaxPageSize = 100;

    public static Command Create(CliHost host)
    {
        var name = new Option<string?>("--name")
        {
            Description = "Only traces with this name (the name of the trace's root span).",
            HelpName = "name",
        };
        var limit = new Option<int>("--limit")
        {
            Description = "The most traces to list.",
            HelpName = "n",
            DefaultValueFactory = _ => DefaultLimit,
            CustomParser = result => CommonOptions.ParseWholeNumber(result, 1) ?? 0,
        };
        Option<string?> baseUrl = CommonOptions.BaseUrl();
        Option<string> color = CommonOptions.Color();

        var command = new Command("list", "List traces, newest first as the API returns them: id, name, start, duration, status and tokens.")
        {
            name,
            limit,
            baseUrl,
            color,
        };

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(host, async ct =>
        {
            Style style = Style.For(CommonOptions.ParseColor(parse.GetValue(color)), host);
            await WriteAsync(host, host.Out, parse.GetValue(baseUrl), parse.GetValue(name), parse.GetValue(limit), style, "--limit", ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// Fetches the first <paramref name="limit"/> traces and writes them as a table, with a line
    /// saying when there are more (naming <paramref name="limitName"/>, the way to see them).
    /// </summary>
    public static async Task WriteAsync(CliHost host, TextWriter output, string? baseUrl, string? name, int limit, Style style, string limitName, CancellationToken cancellationToken)
    {
        using OpperClient client = ApiClientFactory.Create(host, baseUrl, "list traces");
        (List<ListTracesResponse> traces, bool more) = await FetchAsync(client, name, limit, cancellationToken).ConfigureAwait(false);
        TraceTable.Write(output, traces, style);
        if (more)
        {
            output.WriteLine(style.Dim("More traces exist; raise " + limitName + " to see them."));
        }
    }

    /// <summary>The first <paramref name="limit"/> traces, and whether there are more (one extra item is asked for to know).</summary>
    private static async Task<(List<ListTracesResponse> Traces, bool More)> FetchAsync(OpperClient client, string? name, int limit, CancellationToken cancellationToken)
    {
        var traces = new List<ListTracesResponse>();
        int pageSize = limit >= MaxPageSize ? MaxPageSize : limit + 1;
        await foreach (ListTracesResponse trace in client.Traces.ListAllAsync(name, pageSize, cancellationToken).ConfigureAwait(false))
        {
            if (traces.Count == limit)
            {
                return (traces, true);
            }

            traces.Add(trace);
        }

        return (traces, false);
    }
}
