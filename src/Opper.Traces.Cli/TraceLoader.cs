using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Opper.Models;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli;

/// <summary>
/// Gets the trace a command works on: from a saved file when a file of that name exists (or from
/// stdin for <c>-</c>), otherwise from the API by trace id. A file is either the JSON of
/// <c>GET /traces/{trace_id}</c> or OTLP/JSON (one request, or JSON Lines), told apart by its
/// content; from OTLP holding several traces, <c>--trace-id</c> picks one.
/// </summary>
internal static class TraceLoader
{
    /// <summary>The deepest JSON nesting a file may have (the API client's default limit).</summary>
    private const int MaxJsonDepth = 256;

    /// <summary>How many traces a "pick one" message lists before it counts the rest.</summary>
    private const int MaxListed = 20;

    /// <summary>
    /// The trace of a command that takes <see cref="CommonOptions.Trace"/>: its argument, and
    /// <c>--base-url</c> and <c>--trace-id</c> when the command has them
    /// (<see cref="CommonOptions.BaseUrl"/>, <see cref="CommonOptions.TraceId"/>).
    /// </summary>
    /// <exception cref="CliException">The input cannot be read, no trace is chosen, or no API key is set (exit code 2).</exception>
    /// <exception cref="OpperApiException">The API answered with an error.</exception>
    public static Task<GetTraceResponse> LoadAsync(CliHost host, ParseResult parse, CancellationToken cancellationToken)
    {
        Command command = parse.CommandResult.Command;
        Argument<string> trace = command.Arguments.OfType<Argument<string>>().First(a => a.Name == CommonOptions.TraceArgumentName);
        return LoadAsync(host, parse.GetValue(trace)!, Value(parse, command, CommonOptions.BaseUrlName), Value(parse, command, CommonOptions.TraceIdName), cancellationToken);
    }

    /// <summary>
    /// The trace named by <paramref name="argument"/>: a file path, <c>-</c> for stdin, or a trace id.
    /// </summary>
    /// <exception cref="CliException">The input cannot be read, or no API key is set (exit code 2).</exception>
    /// <exception cref="OpperApiException">The API answered with an error.</exception>
    public static Task<GetTraceResponse> LoadAsync(CliHost host, string argument, string? baseUrl, CancellationToken cancellationToken) =>
        LoadAsync(host, argument, baseUrl, traceId: null, cancellationToken);

    /// <summary>
    /// The trace named by <paramref name="argument"/>; <paramref name="traceId"/> (32 hex digits or
    /// a UUID) picks one of the traces a file holds.
    /// </summary>
    /// <exception cref="CliException">The input cannot be read, the trace id is not in it, or no API key is set (exit code 2).</exception>
    /// <exception cref="OpperApiException">The API answered with an error.</exception>
    public static async Task<GetTraceResponse> LoadAsync(CliHost host, string argument, string? baseUrl, string? traceId, CancellationToken cancellationToken)
    {
        string? wanted = ParseTraceId(traceId);
        if (argument == "-")
        {
            TextReader input = host.OpenInput?.Invoke() ?? throw CliException.Usage("There is no standard input to read the trace from.");
            string text;
            try
            {
                text = await input.ReadToEndAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or DecoderFallbackException)
            {
                throw CliException.Usage("Cannot read standard input: " + Text.OneLine(ex.Message), ex);
            }

            return Select(ReadAll(() => new StringReader(text), "standard input"), wanted, "standard input");
        }

        if (File.Exists(argument))
        {
            return ReadFile(argument, traceId);
        }

        if (Directory.Exists(argument))
        {
            throw CliException.Usage("'" + Text.Preview(argument, 200) + "' is a directory, not a trace file or a trace id.");
        }

        if (LooksLikePath(argument))
        {
            throw CliException.Usage("File not found: '" + Text.Preview(argument, 200) + "'.");
        }

        if (argument.Trim().Length == 0 || Text.OneLine(argument) != argument || argument.Trim() != argument)
        {
            throw CliException.Usage("'" + Text.Preview(argument, 200) + "' is neither an existing file nor a valid trace id.");
        }

        if (wanted is not null && ParseTraceId(argument, quiet: true) != wanted)
        {
            throw CliException.Usage("--trace-id picks a trace in a file; '" + Text.Preview(argument, 200) + "' is no file, so it is the trace id itself.");
        }

        using OpperClient client = ApiClientFactory.Create(host, baseUrl, "fetch trace '" + argument + "' from the API, or pass a saved trace file");
        return await client.Traces.GetAsync(argument, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a saved trace: Opper's JSON or OTLP/JSON (which must then hold one trace).</summary>
    /// <exception cref="CliException">The file cannot be opened or read, or holds several traces (exit code 2).</exception>
    public static GetTraceResponse ReadFile(string path) => ReadFile(path, traceId: null);

    /// <summary>Reads a saved trace; <paramref name="traceId"/> picks one of the traces an OTLP file holds.</summary>
    /// <exception cref="CliException">The file cannot be read, the trace id is not in it, or it holds several traces and none is picked (exit code 2).</exception>
    public static GetTraceResponse ReadFile(string path, string? traceId)
    {
        string source = "'" + Text.Preview(path, 200) + "'";
        return Select(ReadAll(path), ParseTraceId(traceId), source);
    }

    /// <summary>Every trace of a saved file: one for Opper's JSON, one per trace id for OTLP/JSON.</summary>
    /// <exception cref="CliException">The file cannot be opened or read (exit code 2).</exception>
    public static IReadOnlyList<GetTraceResponse> ReadAll(string path) =>
        ReadAll(() => Open(path), "'" + Text.Preview(path, 200) + "'");

    /// <summary>
    /// Reads a trace from JSON text, streaming, through the converters generated for the model
    /// (date parsing off, so free-form values stay exactly as written).
    /// </summary>
    /// <param name="input">The JSON text.</param>
    /// <param name="source">Names the input in messages.</param>
    /// <exception cref="CliException">The text is not JSON or not a trace (exit code 2).</exception>
    public static GetTraceResponse Read(TextReader input, string source)
    {
        var settings = new JsonSerializerSettings
        {
            DateParseHandling = DateParseHandling.None,
            MaxDepth = MaxJsonDepth,
            CheckAdditionalContent = true,
        };

        GetTraceResponse? trace;
        try
        {
            using var json = new JsonTextReader(input)
            {
                DateParseHandling = DateParseHandling.None,
                MaxDepth = MaxJsonDepth,
                CloseInput = false,
            };
            trace = JsonSerializer.Create(settings).Deserialize<GetTraceResponse>(json);
        }
        catch (JsonException ex)
        {
            throw CliException.Usage("Cannot read " + source + " as a trace: " + Text.OneLine(ex.Message), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw CliException.Usage("Cannot read " + source + ": " + Text.OneLine(ex.Message), ex);
        }

        return trace ?? throw CliException.Usage(
            "Cannot read " + source + " as a trace: it holds no JSON object (the body of GET /traces/{trace_id} is expected).");
    }

    /// <summary>
    /// A trace id typed by the user (32 hex digits or a UUID) as a lowercase UUID; null for null.
    /// </summary>
    /// <exception cref="CliException">It is neither (exit code 2).</exception>
    public static string? ParseTraceId(string? text) => ParseTraceId(text, quiet: false);

    private static string? ParseTraceId(string? text, bool quiet)
    {
        if (text is null)
        {
            return null;
        }

        string trimmed = text.Trim();
        if (trimmed.Length == 32 && Guid.TryParseExact(trimmed, "N", out Guid hex))
        {
            return hex.ToString("D");
        }

        if (Guid.TryParseExact(trimmed, "D", out Guid uuid))
        {
            return uuid.ToString("D");
        }

        return quiet ? null : throw CliException.Usage("--trace-id must be 32 hex digits or a UUID, not '" + Text.Preview(text, 80) + "'.");
    }

    private static IReadOnlyList<GetTraceResponse> ReadAll(Func<TextReader> open, string source)
    {
        bool otlp;
        using (TextReader probe = open())
        {
            otlp = OtlpDetector.IsOtlp(probe);
        }

        using TextReader input = open();
        if (!otlp)
        {
            return new[] { Read(input, source) };
        }

        try
        {
            return OtlpJson.Read(input);
        }
        catch (JsonException ex)
        {
            throw CliException.Usage("Cannot read " + source + " as OTLP JSON: " + Text.OneLine(ex.Message), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw CliException.Usage("Cannot read " + source + ": " + Text.OneLine(ex.Message), ex);
        }
    }

    /// <summary>The one trace of <paramref name="traces"/>, or the one <paramref name="wanted"/> names.</summary>
    private static GetTraceResponse Select(IReadOnlyList<GetTraceResponse> traces, string? wanted, string source)
    {
        if (wanted is null)
        {
            return traces.Count == 1
                ? traces[0]
                : throw CliException.Usage(source + " holds " + traces.Count + " traces; pick one with --trace-id: " + List(traces) + ".");
        }

        foreach (GetTraceResponse trace in traces)
        {
            if (ParseTraceId(trace.Id, quiet: true) == wanted)
            {
                return trace;
            }
        }

        throw CliException.Usage(source + " holds no trace " + wanted + "; it holds " + List(traces) + ".");
    }

    private static string List(IReadOnlyList<GetTraceResponse> traces)
    {
        IEnumerable<string> listed = traces.Take(MaxListed).Select(t =>
        {
            int spans = t.Spans?.Count ?? 0;
            return Text.Preview(t.Id, 64) + " (" + (string.IsNullOrEmpty(t.Name) ? string.Empty : Text.Preview(t.Name, 60) + ", ")
                + Text.Count(spans) + (spans == 1 ? " span)" : " spans)");
        });
        string text = string.Join(", ", listed);
        return traces.Count > MaxListed ? text + " and " + Text.Count(traces.Count - MaxListed) + " more" : text;
    }

    private static StreamReader Open(string path)
    {
        try
        {
            return new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.Usage("Cannot open '" + Text.Preview(path, 200) + "': " + Text.OneLine(ex.Message), ex);
        }
    }

    private static string? Value(ParseResult parse, Command command, string optionName) =>
        command.Options.OfType<Option<string?>>().FirstOrDefault(o => o.Name == optionName) is { } option ? parse.GetValue(option) : null;

    /// <summary>Trace ids never contain path separators or end in .json; such an argument is a file that is missing.</summary>
    private static bool LooksLikePath(string argument) =>
        argument.IndexOf('/') >= 0
        || argument.IndexOf('\\') >= 0
        || argument.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || argument.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
}
