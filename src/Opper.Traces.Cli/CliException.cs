using System;

namespace Opper.Traces.Cli;

/// <summary>
/// A failure the tool explains to the user in one line, with the exit code that goes with it.
/// Thrown by the commands; turned into a message on stderr by <see cref="CommandRunner"/>.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; }

    /// <summary>Bad arguments or unreadable input: exit code 2.</summary>
    public static CliException Usage(string message, Exception? innerException = null) =>
        new CliException(ExitCodes.Usage, message, innerException);
}
