using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Opper;

/// <summary>
/// A data problem found while building a <see cref="SpanTree"/>. Problems never stop the build:
/// every span still becomes a node, and the problem says what was repaired.
/// </summary>
public sealed class TraceProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="kind">The kind of problem.</param>
    /// <param name="spanIds">The ids of the spans involved (see <see cref="SpanIds"/>).</param>
    /// <param name="message">A readable description.</param>
    /// <exception cref="ArgumentNullException"><paramref name="spanIds"/> or <paramref name="message"/> is null.</exception>
    public TraceProblem(TraceProblemKind kind, IEnumerable<string> spanIds, string message)
    {
        if (spanIds is null)
        {
            throw new ArgumentNullException(nameof(spanIds));
        }

        Kind = kind;
        SpanIds = new ReadOnlyCollection<string>(new List<string>(spanIds));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The kind of problem.</summary>
    public TraceProblemKind Kind { get; }

    /// <summary>
    /// The ids involved: the span's id for <see cref="TraceProblemKind.Orphan"/> and
    /// <see cref="TraceProblemKind.InvalidDuration"/> (empty when the span has no id), the
    /// members in input order for <see cref="TraceProblemKind.Cycle"/>, the id once for
    /// <see cref="TraceProblemKind.DuplicateId"/>, and empty for <see cref="TraceProblemKind.MissingId"/>.
    /// </summary>
    public IReadOnlyList<string> SpanIds { get; }

    /// <summary>A readable, single-line description of the problem and of what was done about it.</summary>
    public string Message { get; }

    /// <summary>Returns <c>Kind: Message</c>.</summary>
    /// <returns>The kind and the message.</returns>
    public override string ToString() => Kind + ": " + Message;
}
