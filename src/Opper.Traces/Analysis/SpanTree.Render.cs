using System;
using System.Text;

namespace Opper;

// The tree as text.
public sealed partial class SpanTree
{
    /// <summary>
    /// The tree as text, one line per span in walk order, joined with <c>\n</c>: two spaces per
    /// depth level, <c>└─ </c> before non-roots, the name (<c>(unnamed)</c> when null or empty;
    /// CR, LF, tab, U+2028 and U+2029 each become a space), then <c> (N ms)</c> or <c> (?)</c>.
    /// </summary>
    /// <returns>The rendering; empty for an empty tree.</returns>
    /// <remarks>See <see cref="Render(int)"/> for the compact form used by extremely deep trees.</remarks>
    public string Render() => RenderCore(int.MaxValue);

    /// <summary>
    /// Like <see cref="Render()"/>, but only nodes of depth &lt;= <paramref name="maxDepth"/>. Under each
    /// shown node at depth <paramref name="maxDepth"/> that has descendants, one line, indented and
    /// prefixed as that node's children would be, reads <c>… N more spans</c> (<c>… 1 more span</c>),
    /// N counting all its hidden descendants.
    /// </summary>
    /// <param name="maxDepth">The deepest level shown; 0 shows only the roots.</param>
    /// <returns>The rendering; empty for an empty tree.</returns>
    /// <remarks>
    /// Indentation grows with the square of a chain's length, so when the indentation alone would
    /// exceed 67,108,864 characters (a chain deeper than about 8,000 spans) the text switches to a
    /// compact form that can exist in memory: indentation stops at 32 levels, and each deeper line
    /// carries its depth after the branch (<c>└─ [depth 1234] name (5 ms)</c>). Every line is still there.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    public string Render(int maxDepth)
    {
        if (maxDepth < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, "maxDepth must be 0 or more.");
        }

        return RenderCore(maxDepth);
    }

    private string RenderCore(int maxDepth)
    {
        int[] walk = _walk;

        // First pass: how much indentation the exact form needs (it grows with depth squared).
        long indent = 0;
        for (int i = 0; i < walk.Length; i++)
        {
            int node = walk[i];
            indent += 2L * _depth[node];
            if (_depth[node] >= maxDepth)
            {
                if (_descendants[node] > 0)
                {
                    indent += 2L * (_depth[node] + 1);
                }

                i += _descendants[node];
            }
        }

        bool compact = indent > MaxExactIndentChars;
        var text = new StringBuilder();
        for (int i = 0; i < walk.Length; i++)
        {
            int node = walk[i];
            if (i > 0)
            {
                text.Append('\n');
            }

            AppendPrefix(text, _depth[node], compact);
            text.Append(DisplayName(_spans[node].Name));
            if ((_flags[node] & HasDurationFlag) != 0)
            {
                text.Append(" (").Append(Format(_duration[node])).Append(" ms)");
            }
            else
            {
                text.Append(" (?)");
            }

            if (_depth[node] >= maxDepth)
            {
                int hidden = _descendants[node];
                if (hidden > 0)
                {
                    text.Append('\n');
                    AppendPrefix(text, _depth[node] + 1, compact);
                    text.Append("… ").Append(Format(hidden)).Append(hidden == 1 ? " more span" : " more spans");
                }

                i += hidden;
            }
        }

        return text.ToString();
    }

    private static void AppendPrefix(StringBuilder text, int depth, bool compact)
    {
        bool capped = compact && depth > CompactIndentDepth;
        text.Append(' ', 2 * (capped ? CompactIndentDepth : depth));
        if (depth > 0)
        {
            text.Append("└─ ");
        }

        if (capped)
        {
            text.Append("[depth ").Append(Format(depth)).Append("] ");
        }
    }
}
