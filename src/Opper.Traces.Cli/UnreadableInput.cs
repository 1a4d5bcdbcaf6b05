namespace Opper.Traces.Cli;

/// <summary>An input of <c>stats</c> that could not be read: a file (its path) or a trace id, and why.</summary>
/// <param name="Path">The file's path as given (or found in a folder), or the trace id.</param>
/// <param name="Reason">A one-line explanation.</param>
internal sealed record UnreadableInput(string Path, string Reason);
