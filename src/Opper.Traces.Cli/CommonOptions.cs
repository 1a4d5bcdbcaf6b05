using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Opper.Traces.Cli;

/// <summary>The arguments and options that several commands share (each command gets its own instances).</summary>
internal static class CommonOptions
{
    /// <summary>The name of the <see cref="Trace"/> argument.</summary>
    public const string TraceArgumentName = "trace";

    /// <summary>The name of the <see cref="BaseUrl"/> option.</summary>
    public const string BaseUrlName = "--base-url";

    /// <summary>The name of the <see cref="TraceId"/> option.</summary>
    public const string TraceIdName = "--trace-id";

    /// <summary>
    /// The trace to work on: a saved JSON file (Opper's trace, or OTLP JSON or JSON Lines),
    /// <c>-</c> for stdin, or a trace id. A command that takes it loads the trace with
    /// <see cref="TraceLoader.LoadAsync(CliHost, System.CommandLine.ParseResult, System.Threading.CancellationToken)"/>,
    /// which also honours <see cref="BaseUrl"/> and <see cref="TraceId"/> when the command has them.
    /// </summary>
    public static Argument<string> Trace() => new Argument<string>(TraceArgumentName)
    {
        Description = "A trace id (fetched from the API) or a saved trace file: the JSON of GET /traces/{trace_id}, or OTLP JSON / JSON Lines (as OpenTelemetry exporters and the Collector write them); - reads stdin.",
        HelpName = "trace-id | file",
    };

    /// <summary><c>--base-url</c>.</summary>
    public static Option<string?> BaseUrl() => new Option<string?>(BaseUrlName)
    {
        Description = "The API base URL (default: https://api.opper.ai/v2). The API key is read from OPPER_API_KEY, then OPPER_HTTP_BEARER.",
        HelpName = "url",
    };

    /// <summary>
    /// <c>--trace-id</c>: which trace of an OTLP file holding several. Add it to a command that
    /// takes <see cref="Trace"/> and load with <see cref="TraceLoader.LoadAsync(CliHost, System.CommandLine.ParseResult, System.Threading.CancellationToken)"/>.
    /// </summary>
    public static Option<string?> TraceId() => new Option<string?>(TraceIdName)
    {
        Description = "The trace to read from an OTLP file that holds several: 32 hex digits or a UUID.",
        HelpName = "id",
    };

    /// <summary><c>--color auto|always|never</c>.</summary>
    public static Option<string> Color()
    {
        var option = new Option<string>("--color")
        {
            Description = "Colour the output: auto (when stdout is a terminal and NO_COLOR is not set), always or never.",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "always", "never");
        return option;
    }

    /// <summary>
    /// Parses an option's single token as a whole number of at least <paramref name="minimum"/>,
    /// with a message that says what is expected (a parse error: exit code 2).
    /// </summary>
    public static int? ParseWholeNumber(ArgumentResult result, int minimum)
    {
        string name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        string token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= minimum)
        {
            return value;
        }

        result.AddError(name + " must be a whole number of " + minimum.ToString(CultureInfo.InvariantCulture)
            + " or more, not '" + Output.Text.Preview(token, 40) + "'.");
        return null;
    }

    /// <summary>The <see cref="Output.ColorMode"/> of a <c>--color</c> value.</summary>
    public static Output.ColorMode ParseColor(string? value) => value switch
    {
        "always" => Output.ColorMode.Always,
        "never" => Output.ColorMode.Never,
        _ => Output.ColorMode.Auto,
    };
}
