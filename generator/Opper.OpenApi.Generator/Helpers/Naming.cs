using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Opper.OpenApi.Generator.Helpers;

/// <summary>How names in the spec become C# identifiers.</summary>
internal static class Naming
{
    /// <summary>
    /// Splits a spec name into words at every character that cannot stand in an identifier
    /// and at changes from lower case or digits to upper case: <c>duration_ms</c>, <c>durationMs</c> and
    /// <c>duration-ms</c> all give [duration, ms].
    /// </summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c))
            {
                var previous = current[current.Length - 1];
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                // fooBar -> foo|Bar; HTTPServer -> HTTP|Server; V1Pod -> V1|Pod; keep runs of capitals together.
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)))
                {
                    Flush(words, current);
                }
            }

            current.Append(c);
        }

        Flush(words, current);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }

    /// <summary>
    /// The class name of a FastAPI module-path name, or <see langword="null"/> when the name has no
    /// such prefix: <c>app__api__public__v2__functions__CallFunctionRequest</c> → <c>CallFunctionRequest</c>.
    /// The prefix is one or more Python module names (lower case, digits, single underscores), each
    /// followed by a double underscore; the rest must start with a capital letter.
    /// </summary>
    public static string? WithoutModulePath(string name)
    {
        var end = name.LastIndexOf("__", StringComparison.Ordinal);
        if (end <= 0 || end + 2 >= name.Length || !char.IsUpper(name[end + 2]))
        {
            return null;
        }

        foreach (var module in name.Substring(0, end).Split(new[] { "__" }, StringSplitOptions.None))
        {
            if (module.Length == 0 || !(module[0] is >= 'a' and <= 'z'))
            {
                return null;
            }

            foreach (var c in module)
            {
                if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_'))
                {
                    return null;
                }
            }
        }

        return name.Substring(end + 2);
    }

    /// <summary>
    /// <c>PaginatedResponse_ListTracesResponse_</c> → <c>PaginatedResponseListTracesResponse</c>.
    /// A leading sign before a number is a word (<c>+1</c> → <c>Plus1</c>, <c>-1</c> → <c>Minus1</c>),
    /// numbers in a row stay apart (<c>1.5</c> → <c>_1_5</c>), and a leading digit gets an underscore.
    /// </summary>
    public static string ToPascal(string name)
    {
        var words = Words(name);
        var trimmed = name.TrimStart();
        if (trimmed.Length > 1 && trimmed[0] is '+' or '-' && char.IsDigit(trimmed[1]))
        {
            words.Insert(0, trimmed[0] == '+' ? "Plus" : "Minus");
        }

        return ToPascal(words);
    }

    public static string ToPascal(IEnumerable<string> words)
    {
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            if (word.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0 && char.IsDigit(builder[builder.Length - 1]) && char.IsDigit(word[0]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(word, 1, word.Length - 1);
        }

        return FixLeadingDigit(builder.ToString());
    }

    /// <summary><c>trace_id</c> → <c>traceId</c>; <c>URLPath</c> → <c>urlPath</c>.</summary>
    public static string ToCamel(string name)
    {
        var pascal = ToPascal(name);
        if (pascal.Length == 0 || pascal[0] == '_')
        {
            return pascal;
        }

        var chars = pascal.ToCharArray();
        for (var i = 0; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            // Lower a run of capitals, except the last one when a lower-case letter follows it.
            if (i > 0 && i + 1 < chars.Length && char.IsLower(chars[i + 1]))
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>
    /// A name made unique with a number: <c>Pet</c> → <c>Pet2</c>, but <c>Value1</c> →
    /// <c>Value1_2</c> so that the number cannot be read as part of the name.
    /// </summary>
    public static string WithSuffix(string name, int number)
    {
        var suffix = number.ToString(CultureInfo.InvariantCulture);
        return name.Length > 0 && char.IsDigit(name[name.Length - 1]) ? name + "_" + suffix : name + suffix;
    }

    private static string FixLeadingDigit(string identifier) =>
        identifier.Length > 0 && char.IsDigit(identifier[0]) ? "_" + identifier : identifier;

    /// <summary>Prefixes C# keywords with <c>@</c> so they can be used as identifiers.</summary>
    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    public static bool IsKeyword(string identifier) => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None;

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>
    /// Escapes text for a doc comment that must stay on one line (a name inside <c>&lt;c&gt;</c>):
    /// line breaks become spaces.
    /// </summary>
    public static string XmlLine(string text) => Xml(text).Replace('\n', ' ');

    /// <summary>Escapes text for an XML doc comment; line breaks are kept as <c>\n</c>.</summary>
    public static string Xml(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r': break;
                default:
                    if (c < ' ' && c != '\n' && c != '\t')
                    {
                        builder.Append(' ');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
