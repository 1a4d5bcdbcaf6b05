namespace Opper;

/// <summary>How the use of one model changed between the traces of a <see cref="TraceDiff"/>.</summary>
public sealed class ModelDelta
{
    internal ModelDelta(ModelStats? before, ModelStats? after)
    {
        CallsBefore = before?.Calls ?? 0;
        CallsAfter = after?.Calls ?? 0;
        TokensBefore = before?.TotalTokens ?? 0;
        TokensAfter = after?.TotalTokens ?? 0;
        TotalDurationMsBefore = before?.TotalDurationMs ?? 0;
        TotalDurationMsAfter = after?.TotalDurationMs ?? 0;
    }

    /// <summary>The number of spans that name the model in the first trace.</summary>
    public int CallsBefore { get; }

    /// <summary>The number of spans that name the model in the second trace.</summary>
    public int CallsAfter { get; }

    /// <summary><see cref="CallsAfter"/> minus <see cref="CallsBefore"/>.</summary>
    public int CallsDelta => CallsAfter - CallsBefore;

    /// <summary>The model's tokens in the first trace; 0 when none.</summary>
    public long TokensBefore { get; }

    /// <summary>The model's tokens in the second trace; 0 when none.</summary>
    public long TokensAfter { get; }

    /// <summary><see cref="TokensAfter"/> minus <see cref="TokensBefore"/>.</summary>
    public long TokensDelta => TraceDiff.Subtract(TokensAfter, TokensBefore);

    /// <summary>The sum of the known durations of the model's spans in the first trace, in milliseconds.</summary>
    public long TotalDurationMsBefore { get; }

    /// <summary>The sum of the known durations of the model's spans in the second trace, in milliseconds.</summary>
    public long TotalDurationMsAfter { get; }

    /// <summary><see cref="TotalDurationMsAfter"/> minus <see cref="TotalDurationMsBefore"/>.</summary>
    public long DurationDeltaMs => TotalDurationMsAfter - TotalDurationMsBefore;
}
