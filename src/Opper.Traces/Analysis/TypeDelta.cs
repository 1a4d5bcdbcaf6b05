namespace Opper;

/// <summary>How the spans of one type changed between the traces of a <see cref="TraceDiff"/>.</summary>
public sealed class TypeDelta
{
    internal TypeDelta(DurationStats? before, DurationStats? after)
    {
        CountBefore = before?.Count ?? 0;
        CountAfter = after?.Count ?? 0;
        TotalDurationMsBefore = before?.TotalDurationMs ?? 0;
        TotalDurationMsAfter = after?.TotalDurationMs ?? 0;
    }

    /// <summary>The number of spans of the type in the first trace (0 when none).</summary>
    public int CountBefore { get; }

    /// <summary>The number of spans of the type in the second trace (0 when none).</summary>
    public int CountAfter { get; }

    /// <summary><see cref="CountAfter"/> minus <see cref="CountBefore"/>.</summary>
    public int CountDelta => CountAfter - CountBefore;

    /// <summary>The sum of the known durations of the type's spans in the first trace, in milliseconds.</summary>
    public long TotalDurationMsBefore { get; }

    /// <summary>The sum of the known durations of the type's spans in the second trace, in milliseconds.</summary>
    public long TotalDurationMsAfter { get; }

    /// <summary><see cref="TotalDurationMsAfter"/> minus <see cref="TotalDurationMsBefore"/>.</summary>
    public long DurationDeltaMs => TotalDurationMsAfter - TotalDurationMsBefore;
}
