using System;
using System.IO;
using System.Net.Http;
using System.Text;

namespace Opper.Traces.Cli;

/// <summary>
/// Everything the commands take from the outside world: the output streams, the environment,
/// standard input, whether stdout is a terminal, and how HTTP requests are sent. The process uses
/// <see cref="FromConsole"/>; tests build one with writers, an environment lookup and a mock handler.
/// </summary>
internal sealed class CliHost
{
    /// <summary>Creates a host.</summary>
    /// <param name="output">Where results go (stdout).</param>
    /// <param name="error">Where messages and errors go (stderr).</param>
    /// <param name="getEnvironmentVariable">Reads an environment variable; null when it is not set.</param>
    public CliHost(TextWriter output, TextWriter error, Func<string, string?> getEnvironmentVariable)
    {
        Out = output ?? throw new ArgumentNullException(nameof(output));
        Error = error ?? throw new ArgumentNullException(nameof(error));
        GetEnvironmentVariable = getEnvironmentVariable ?? throw new ArgumentNullException(nameof(getEnvironmentVariable));
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Reads an environment variable; null when it is not set.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; }

    /// <summary>Standard input, read when the trace argument is <c>-</c>; null when there is none.</summary>
    public Func<TextReader>? OpenInput { get; init; }

    /// <summary>Whether <see cref="Out"/> is a terminal (colour is used only then, unless asked for).</summary>
    public bool IsOutputTerminal { get; init; }

    /// <summary>Whether <see cref="Error"/> is a terminal (live progress bars are drawn only then).</summary>
    public bool IsErrorTerminal { get; init; }

    /// <summary>
    /// Creates the <see cref="HttpClient"/> the API client sends through; null for the client's own
    /// connection pool. The caller owns the clients it creates.
    /// </summary>
    public Func<HttpClient>? CreateHttpClient { get; init; }

    /// <summary>A last word on the API client's options (tests use it to retry without waiting).</summary>
    public Action<OpperClientOptions>? ConfigureClient { get; init; }

    /// <summary>Whether Ctrl+C and SIGTERM cancel the running command (the process sets this; tests do not).</summary>
    public bool HandleTerminationSignals { get; init; }

    /// <summary>The host of the running process: the console and the real environment.</summary>
    public static CliHost FromConsole()
    {
        // Emoji and the tree's box-drawing characters need UTF-8 whatever the platform's default.
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Console.OutputEncoding = utf8;
        return new CliHost(Console.Out, Console.Error, Environment.GetEnvironmentVariable)
        {
            OpenInput = () => Console.In,
            IsOutputTerminal = !Console.IsOutputRedirected,
            IsErrorTerminal = !Console.IsErrorRedirected,
            HandleTerminationSignals = true,
        };
    }
}
