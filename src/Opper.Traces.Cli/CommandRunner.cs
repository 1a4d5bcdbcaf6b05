using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli;

/// <summary>
/// Runs a command's body and turns every way it can fail into a one-line message on stderr and
/// an exit code. No stack trace ever reaches the user.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Runs <paramref name="body"/>; returns its exit code, or the code of the failure.</summary>
    public static async Task<int> RunAsync(CliHost host, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(host, ExitCodes.Cancelled, "Cancelled.");
        }
        catch (Exception ex)
        {
            (int exitCode, string message) = Explain(ex);
            return Fail(host, exitCode, message);
        }
    }

    /// <summary>
    /// The exit code and the message for a failure, the same for every front end (the commands and
    /// the MCP tools). Cancellation by the caller's own token is the caller's to handle first.
    /// </summary>
    public static (int ExitCode, string Message) Explain(Exception exception)
    {
        switch (exception)
        {
            case CliException ex:
                return (ex.ExitCode, ex.Message);
            case OpperApiException ex:
                // The message names the request, the status, the error type and the server's text.
                string status = ex.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return (ExitCodes.Api, ex.Message.Contains(status, StringComparison.Ordinal)
                    ? ex.Message
                    : "The API answered " + status + ": " + (ex.ErrorMessage ?? ex.Message));
            case OpperSerializationException ex:
                return (ExitCodes.Api, ex.Message);
            case TimeoutException ex:
                return (ExitCodes.Api, ex.Message);
            case HttpRequestException ex:
                return (ExitCodes.Api, "Cannot reach the API: " + Describe(ex));
            case OperationCanceledException ex:
                // Not the caller's token: the HTTP stack gave up (a timeout the client did not classify).
                return (ExitCodes.Api, "The request to the API did not complete: " + ex.Message);
            case InvalidDataException ex:
                // The client refuses responses over its size limit.
                return (ExitCodes.Api, ex.Message);
            case InvalidOperationException ex:
                // The client refuses a configuration before sending (for example the API key over plain http).
                return (ExitCodes.Usage, ex.Message);
            case IOException or UnauthorizedAccessException:
                return (ExitCodes.Usage, exception.Message);
            default:
                return (ExitCodes.Unexpected, "Unexpected error (" + exception.GetType().Name + "): " + exception.Message);
        }
    }

    /// <summary>Writes <see cref="OneLineMessage"/> on stderr and returns the code.</summary>
    public static int Fail(CliHost host, int exitCode, string message)
    {
        host.Error.WriteLine(OneLineMessage(message));
        return exitCode;
    }

    /// <summary>A failure as the tool words it: <c>opper-traces: message</c>, on one line.</summary>
    public static string OneLineMessage(string message) => "opper-traces: " + Text.OneLine(message).Trim();

    /// <summary>The exception's message, followed by its innermost cause when that says more.</summary>
    private static string Describe(Exception ex)
    {
        Exception inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return ReferenceEquals(inner, ex) || ex.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? ex.Message
            : ex.Message + " (" + inner.Message + ")";
    }
}
