using System;

namespace Opper;

/// <summary>
/// A span found in both traces of a <see cref="TraceDiff"/> (the same <see cref="Key"/>), and
/// what changed between them.
/// </summary>
public sealed class SpanPair
{
    private readonly SpanKeys _keys;
    private string? _key;

    internal SpanPair(SpanKeys keys, SpanNode before, SpanNode after)
    {
        _keys = keys;
        Before = before;
        After = after;
        DurationDeltaMs = before.DurationMs is { } b && after.DurationMs is { } a ? a - b : null;
        long? tokensBefore = before.TotalTokens;
        long? tokensAfter = after.TotalTokens;
        TokensDelta = tokensBefore is null && tokensAfter is null ? null : (tokensAfter ?? 0) - (tokensBefore ?? 0);
        ModelChanged = !string.Equals(before.Model, after.Model, StringComparison.Ordinal);
        bool failedBefore = !SpanTree.IsNullOrEmpty(before.Span.Error);
        bool failedAfter = !SpanTree.IsNullOrEmpty(after.Span.Error);
        ErrorAppeared = !failedBefore && failedAfter;
        ErrorResolved = failedBefore && !failedAfter;
    }

    /// <summary>
    /// The span's key: the path from its root of segments <c>name#k</c> joined by <c>/</c>
    /// (see <see cref="TraceDiff"/>).
    /// </summary>
    public string Key => _key ??= _keys.KeyOf(Before);

    /// <summary>The span in the first trace.</summary>
    public SpanNode Before { get; }

    /// <summary>The span in the second trace.</summary>
    public SpanNode After { get; }

    /// <summary>
    /// <see cref="After"/>'s duration minus <see cref="Before"/>'s, in milliseconds; null when
    /// either is unknown.
    /// </summary>
    public long? DurationDeltaMs { get; }

    /// <summary>
    /// <see cref="After"/>'s tokens minus <see cref="Before"/>'s (<see cref="SpanNode.TotalTokens"/>);
    /// a side without tokens counts as 0, and the delta is null when neither side has any.
    /// </summary>
    public long? TokensDelta { get; }

    /// <summary>Whether the spans name different models (<see cref="SpanNode.Model"/>; a model appearing or disappearing counts).</summary>
    public bool ModelChanged { get; }

    /// <summary>Whether the span has an error after but not before.</summary>
    public bool ErrorAppeared { get; }

    /// <summary>Whether the span had an error before but not after.</summary>
    public bool ErrorResolved { get; }

    /// <summary>
    /// Whether anything changed: a non-zero duration or token delta, a model change, or an
    /// error that appeared or was resolved.
    /// </summary>
    public bool HasChanges =>
        DurationDeltaMs.GetValueOrDefault() != 0
        || TokensDelta.GetValueOrDefault() != 0
        || ModelChanged
        || ErrorAppeared
        || ErrorResolved;

    /// <summary>Returns the key and the duration delta, for debugging.</summary>
    /// <returns>A short description of the pair.</returns>
    public override string ToString() =>
        Key + ": " + (DurationDeltaMs.HasValue ? DurationDeltaMs.Value.ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture) + " ms" : "?");
}
