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
        catch (CliException ex)
        {
            return Fail(host, ex.ExitCode, ex.Message);
        }
        catch (OpperApiException ex)
        {
            // The message names the request, the status, the error type and the server's text.
            string message = ex.Message.Contains(ex.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                ? ex.Message
                : "The API answered " + ex.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + (ex.ErrorMessage ?? ex.Message);
            return Fail(host, ExitCodes.Api, message);
        }
        catch (OpperSerializationException ex)
        {
            return Fail(host, ExitCodes.Api, ex.Message);
        }
        catch (TimeoutException ex)
        {
            return Fail(host, ExitCodes.Api, ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return Fail(host, ExitCodes.Api, "Cannot reach the API: " + Describe(ex));
        }
        catch (OperationCanceledException ex)
        {
            // Not our token: the HTTP stack gave up (a timeout the client did not classify).
            return Fail(host, ExitCodes.Api, "The request to the API did not complete: " + ex.Message);
        }
        catch (InvalidDataException ex)
        {
            // The client refuses responses over its size limit.
            return Fail(host, ExitCodes.Api, ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // The client refuses a configuration before sending (for example the API key over plain http).
            return Fail(host, ExitCodes.Usage, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(host, ExitCodes.Usage, ex.Message);
        }
        catch (Exception ex)
        {
            return Fail(host, ExitCodes.Unexpected, "Unexpected error (" + ex.GetType().Name + "): " + ex.Message);
        }
    }

    /// <summary>Writes <c>opper-traces: message</c> on stderr, on one line, and returns the code.</summary>
    public static int Fail(CliHost host, int exitCode, string message)
    {
        host.Error.WriteLine("opper-traces: " + Text.OneLine(message).Trim());
        return exitCode;
    }

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
