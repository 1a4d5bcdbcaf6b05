using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Opper.Models;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli;

/// <summary>
/// Gets the trace a command works on: from a saved JSON file when a file of that name exists
/// (or from stdin for <c>-</c>), otherwise from the API by trace id.
/// </summary>
internal static class TraceLoader
{
    /// <summary>The deepest JSON nesting a file may have (the API client's default limit).</summary>
    private const int MaxJsonDepth = 256;

    /// <summary>
    /// The trace named by <paramref name="argument"/>: a file path, <c>-</c> for stdin, or a trace id.
    /// </summary>
    /// <exception cref="CliException">The input cannot be read, or no API key is set (exit code 2).</exception>
    /// <exception cref="OpperApiException">The API answered with an error.</exception>
    public static async Task<GetTraceResponse> LoadAsync(CliHost host, string argument, string? baseUrl, CancellationToken cancellationToken)
    {
        if (argument == "-")
        {
            TextReader input = host.OpenInput?.Invoke() ?? throw CliException.Usage("There is no standard input to read the trace from.");
            return Read(input, "standard input");
        }

        if (File.Exists(argument))
        {
            return ReadFile(argument);
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

        using OpperClient client = ApiClientFactory.Create(host, baseUrl, "fetch trace '" + argument + "' from the API, or pass a saved trace file");
        return await client.Traces.GetAsync(argument, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a trace saved as JSON (the body of <c>GET /traces/{trace_id}</c>).</summary>
    /// <exception cref="CliException">The file cannot be opened, is not JSON, or is not a trace (exit code 2).</exception>
    public static GetTraceResponse ReadFile(string path)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.Usage("Cannot open '" + Text.Preview(path, 200) + "': " + Text.OneLine(ex.Message), ex);
        }

        using (reader)
        {
            return Read(reader, "'" + Text.Preview(path, 200) + "'");
        }
    }

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

    /// <summary>Trace ids never contain path separators or end in .json; such an argument is a file that is missing.</summary>
    private static bool LooksLikePath(string argument) =>
        argument.IndexOf('/') >= 0
        || argument.IndexOf('\\') >= 0
        || argument.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
