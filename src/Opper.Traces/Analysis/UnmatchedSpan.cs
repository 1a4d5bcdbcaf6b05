namespace Opper;

/// <summary>A span of only one of the traces of a <see cref="TraceDiff"/>: added or removed.</summary>
public sealed class UnmatchedSpan
{
    private readonly SpanKeys _keys;
    private string? _key;

    internal UnmatchedSpan(SpanKeys keys, SpanNode node)
    {
        _keys = keys;
        Node = node;
    }

    /// <summary>The span's key (see <see cref="TraceDiff"/>).</summary>
    public string Key => _key ??= _keys.KeyOf(Node);

    /// <summary>The span, in the trace that has it.</summary>
    public SpanNode Node { get; }

    /// <summary>Returns the key, for debugging.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Key;
}
