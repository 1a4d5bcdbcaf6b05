using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli.Mcp;

/// <summary>
/// The arguments of one tool call, read against the tool's input schema: unknown names and values
/// of the wrong kind are refused with a one-line message (a tool error the model can correct).
/// A JSON <c>null</c> counts as absent.
/// </summary>
internal sealed class ToolArguments
{
    private readonly IDictionary<string, JsonElement> _values;

    private ToolArguments(IDictionary<string, JsonElement> values)
    {
        _values = values;
    }

    /// <summary>Checks the names of <paramref name="arguments"/> against those the tool takes.</summary>
    /// <exception cref="CliException">An argument the tool does not take.</exception>
    public static ToolArguments Read(string tool, IReadOnlyCollection<string> known, IDictionary<string, JsonElement>? arguments)
    {
        var values = arguments ?? new Dictionary<string, JsonElement>();
        foreach (string name in values.Keys)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw CliException.Usage(tool + " takes no argument '" + Text.Preview(name, 60) + "'; its arguments are "
                    + (known.Count == 0 ? "none" : string.Join(", ", known)) + ".");
            }
        }

        return new ToolArguments(values);
    }

    /// <summary>A string argument that must be given and not blank.</summary>
    /// <exception cref="CliException">Absent, blank or not a string.</exception>
    public string RequiredString(string name, string what)
    {
        string? value = OptionalString(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw CliException.Usage(name + " is required: " + what + ".");
        }

        return value;
    }

    /// <summary>A string argument, or null when absent.</summary>
    /// <exception cref="CliException">Not a string.</exception>
    public string? OptionalString(string name)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw CliException.Usage(name + " must be a string, not " + Describe(value) + ".");
    }

    /// <summary>A whole-number argument of at least <paramref name="minimum"/> and at most <paramref name="maximum"/>, or null when absent.</summary>
    /// <exception cref="CliException">Not a whole number in range (a numeric string is taken as its number).</exception>
    public int? OptionalInt(string name, int minimum, int maximum = int.MaxValue)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return null;
        }

        int number = 0;
        bool read = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt32(out number),
            JsonValueKind.String => int.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
        if (!read || number < minimum || number > maximum)
        {
            string range = maximum == int.MaxValue
                ? "of " + minimum.ToString(CultureInfo.InvariantCulture) + " or more"
                : "from " + minimum.ToString(CultureInfo.InvariantCulture) + " to " + maximum.ToString(CultureInfo.InvariantCulture);
            throw CliException.Usage(name + " must be a whole number " + range + ", not " + Describe(value) + ".");
        }

        return number;
    }

    /// <summary>An array of strings, or an empty list when absent (a single string is taken as a list of one).</summary>
    /// <exception cref="CliException">Not an array of strings.</exception>
    public IReadOnlyList<string> StringList(string name)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return Array.Empty<string>();
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return new[] { value.GetString()! };
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            throw CliException.Usage(name + " must be an array of strings, not " + Describe(value) + ".");
        }

        return value.EnumerateArray().Select(item => item.GetString()!).ToList();
    }

    private bool TryGet(string name, out JsonElement value) =>
        _values.TryGetValue(name, out value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    /// <summary>The value as the message shows it: its JSON text, cut short.</summary>
    private static string Describe(JsonElement value) => "'" + Text.Preview(value.GetRawText(), 40) + "'";
}
