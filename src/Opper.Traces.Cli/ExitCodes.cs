namespace Opper.Traces.Cli;

/// <summary>The process exit codes of <c>opper-traces</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>A failure nobody planned for (a bug); the message says what happened.</summary>
    public const int Unexpected = 1;

    /// <summary>Bad arguments, unreadable input (missing file, malformed JSON, wrong shape) or no API key.</summary>
    public const int Usage = 2;

    /// <summary>The API answered with an error, or could not be reached (network error, timeout).</summary>
    public const int Api = 3;

    /// <summary>Interrupted by Ctrl+C (SIGINT): 128 + 2, as shells report it.</summary>
    public const int Cancelled = 130;
}
