namespace Opper;

/// <summary>
/// The kinds of data problems that <see cref="SpanTree"/> reports. The declaration order is the
/// order in which problems that start at the same span are listed.
/// </summary>
public enum TraceProblemKind
{
    /// <summary>A span's <c>parent_id</c> names no span id of the trace; the span was made a root.</summary>
    Orphan,

    /// <summary>Spans name each other as parents in a loop; the first of them (input order) was made a root.</summary>
    Cycle,

    /// <summary>More than one span uses the same id; the first owns it.</summary>
    DuplicateId,

    /// <summary>A span has a null or empty id, so no span can name it as parent.</summary>
    MissingId,

    /// <summary>A span has a negative <c>duration_ms</c>, or (without one) ends before it starts.</summary>
    InvalidDuration,
}
