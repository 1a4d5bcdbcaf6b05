using System;
using System.Globalization;
using System.Text;

namespace Opper.Traces.Cli.Output;

/// <summary>
/// Makes text from a trace safe and short enough for a terminal: nothing in a span name or an
/// input can move the cursor, change colours or reorder the line.
/// </summary>
internal static class Text
{
    /// <summary>Appended to text that was cut short.</summary>
    public const string Ellipsis = "...";

    /// <summary>Shown in place of a character that must not reach the terminal.</summary>
    public const char Replacement = '\uFFFD';

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The text on one line: line breaks, tabs and other whitespace controls become a space;
    /// every other control character (C0, DEL, C1, such as the ESC of ANSI sequences) and the
    /// bidirectional overrides become U+FFFD. Null becomes the empty string.
    /// </summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        int i = 0;
        while (i < text.Length && Map(text[i]) == text[i])
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            builder.Append(Map(text[i]));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Text of several lines (split on <c>\n</c>), each made safe as by <see cref="OneLine"/>.
    /// Lines are joined with <see cref="Environment.NewLine"/>.
    /// </summary>
    public static string Lines(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = OneLine(lines[i]);
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>
    /// At most <paramref name="maxChars"/> characters of the text (never half of a surrogate pair),
    /// followed by <see cref="Ellipsis"/> when it was cut; made safe as by <see cref="OneLine"/>.
    /// </summary>
    public static string Preview(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.Length <= maxChars)
        {
            return OneLine(text);
        }

        int cut = maxChars;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        // Cutting first keeps a multi-megabyte input from being copied just to show 100 characters.
        return OneLine(text.Substring(0, cut)) + Ellipsis;
    }

    /// <summary>A span or trace name for display: <c>(unnamed)</c> when null or empty, else a preview.</summary>
    public static string Name(string? name, int maxChars = 120) =>
        string.IsNullOrEmpty(name) ? "(unnamed)" : Preview(name, maxChars);

    /// <summary>An integer with thousands separators: <c>12,931</c>.</summary>
    public static string Count(long value) => value.ToString("#,##0", Invariant);

    /// <summary>Milliseconds with thousands separators: <c>18,734 ms</c>.</summary>
    public static string Ms(long value) => Count(value) + " ms";

    /// <summary>Milliseconds with one decimal when not whole: <c>1,204 ms</c>, <c>3,421.5 ms</c>.</summary>
    public static string Ms(double value) => value.ToString("#,##0.#", Invariant) + " ms";

    /// <summary>A fraction as a percentage with one decimal: 0.7254 → <c>72.5%</c>.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", Invariant) + "%";

    /// <summary>A number as short as it reads back exactly: <c>0.92</c>, <c>2859.568</c>.</summary>
    public static string Number(double value) => value.ToString("R", Invariant);

    /// <summary>An instant in UTC, to the millisecond: <c>2024-11-07 05:31:56.123Z</c>.</summary>
    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", Invariant);

    private static char Map(char c)
    {
        switch (c)
        {
            case '\t':
            case '\n':
            case '\v':
            case '\f':
            case '\r':
            case '\u0085':
            case '\u2028':
            case '\u2029':
                return ' ';
        }

        if (c < ' ' || (c >= '\u007F' && c <= '\u009F'))
        {
            return Replacement;
        }

        // Bidirectional embeddings, overrides and isolates could make a line read differently
        // from what it contains.
        if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
        {
            return Replacement;
        }

        return c;
    }
}
