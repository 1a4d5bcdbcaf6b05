using System;
using System.Collections.Generic;
using System.Text;

namespace Opper;

/// <summary>
/// The diff keys of a tree's spans: a span's key is the path from its root of segments
/// <c>name#k</c> joined by <c>/</c>, k counting the earlier siblings with the same name.
/// </summary>
/// <remarks>
/// Only each span's segment (its name and k) is kept; a key is spelled out when asked for, by
/// walking up the ancestors. A chain of a million spans costs two arrays here, not a million
/// ever longer strings.
/// </remarks>
internal sealed class SpanKeys
{
    private readonly string[] _names;
    private readonly int[] _ordinals;

    internal SpanKeys(SpanTree tree)
    {
        Tree = tree;
        _names = new string[tree.Count];
        _ordinals = new int[tree.Count];
        Number(tree.Roots);
        foreach (SpanNode node in tree.Walk())
        {
            Number(node.Children);
        }
    }

    internal SpanTree Tree { get; }

    /// <summary>The name part of a span's segment, before escaping: <c>(unnamed)</c> for null or empty.</summary>
    internal string NameAt(int position) => _names[position];

    /// <summary>How many earlier siblings of the span have the same name.</summary>
    internal int OrdinalAt(int position) => _ordinals[position];

    /// <summary>The key of <paramref name="node"/>, root segment first.</summary>
    internal string KeyOf(SpanNode node)
    {
        var segments = new List<int>();
        for (SpanNode? current = node; current is not null; current = current.Parent)
        {
            segments.Add(current.Position);
        }

        var key = new StringBuilder();
        for (int i = segments.Count - 1; i >= 0; i--)
        {
            if (key.Length > 0)
            {
                key.Append('/');
            }

            AppendEscaped(key, _names[segments[i]]);
            key.Append('#').Append(_ordinals[segments[i]].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return key.ToString();
    }

    private static void AppendEscaped(StringBuilder key, string name)
    {
        foreach (char c in name)
        {
            switch (c)
            {
                case '%':
                    key.Append("%25");
                    break;
                case '/':
                    key.Append("%2F");
                    break;
                default:
                    key.Append(c);
                    break;
            }
        }
    }

    private void Number(IReadOnlyList<SpanNode> siblings)
    {
        if (siblings.Count == 0)
        {
            return;
        }

        // A fresh map per sibling group: clearing one that a huge group had grown would cost
        // its whole capacity for every later group.
        Dictionary<string, int>? seen = siblings.Count == 1 ? null : new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < siblings.Count; i++)
        {
            SpanNode sibling = siblings[i];
            string name = SpanTree.IsNullOrEmpty(sibling.Span.Name) ? SpanTree.UnnamedSpan : sibling.Span.Name!;
            int ordinal = 0;
            if (seen is not null)
            {
                seen.TryGetValue(name, out ordinal);
                seen[name] = ordinal + 1;
            }

            _names[sibling.Position] = name;
            _ordinals[sibling.Position] = ordinal;
        }
    }
}
