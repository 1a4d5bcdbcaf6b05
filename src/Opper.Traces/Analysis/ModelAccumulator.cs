namespace Opper;

/// <summary>Collects the spans of one model and turns them into <see cref="ModelStats"/>.</summary>
internal sealed class ModelAccumulator
{
    private int _calls;
    private long _tokens;
    private long _duration;

    internal void Add(long? tokens, long? durationMs)
    {
        _calls++;
        if (tokens.HasValue)
        {
            _tokens = SpanTiming.SaturatingAdd(_tokens, tokens.Value);
        }

        if (durationMs.HasValue)
        {
            _duration = SpanTiming.SaturatingAdd(_duration, durationMs.Value);
        }
    }

    internal ModelStats ToStats() => new ModelStats(_calls, _tokens, _duration);
}
