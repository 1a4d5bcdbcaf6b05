using System.Globalization;

namespace Opper.OpenTelemetry.Implementation;

/// <summary>Cuts long text at a character limit, with a marker that says so and how long it was.</summary>
internal static class ContentText
{
    /// <summary>The start of the marker appended to cut text.</summary>
    public const string MarkerStart = "…[truncated by Opper exporter: ";

    /// <summary>
    /// <paramref name="text"/> when it has at most <paramref name="maxLength"/> characters; else its
    /// first <paramref name="maxLength"/> characters (one fewer rather than half a surrogate pair)
    /// followed by <c>…[truncated by Opper exporter: N of M characters kept]</c>.
    /// </summary>
    public static string Cut(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var keep = maxLength;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return text.Substring(0, keep)
            + MarkerStart
            + keep.ToString(CultureInfo.InvariantCulture) + " of " + text.Length.ToString(CultureInfo.InvariantCulture)
            + " characters kept]";
    }
}
