using System;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Opper.FakeApi;

/// <summary>JSON reading that keeps free-form values exactly as sent (no date parsing).</summary>
internal static class FakeJson
{
    /// <summary>Parses one JSON value; throws <see cref="JsonException"/> on malformed text or trailing content.</summary>
    public static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        var token = JToken.ReadFrom(reader);
        if (reader.Read())
        {
            throw new JsonReaderException("Unexpected content after the JSON value at position " + reader.LinePosition.ToString(CultureInfo.InvariantCulture) + ".");
        }

        return token;
    }

    public static JObject ParseObject(string text, string what) =>
        Parse(text) as JObject ?? throw new JsonReaderException(what + " must be a JSON object.");

    public static string Write(JToken token) => token.ToString(Formatting.None);

    /// <summary>The property's string value, or null when absent, null, or not a string.</summary>
    public static string? String(JObject obj, string name) =>
        obj.TryGetValue(name, StringComparison.Ordinal, out var token) && token.Type == JTokenType.String ? (string?)token : null;

    /// <summary>A value as the string the trace schema wants: strings as they are, other JSON as compact text.</summary>
    public static JToken AsText(JToken? token) => token switch
    {
        null => JValue.CreateNull(),
        { Type: JTokenType.Null or JTokenType.Undefined } => JValue.CreateNull(),
        { Type: JTokenType.String } => token.DeepClone(),
        _ => new JValue(Write(token)),
    };

    public static DateTimeOffset? Time(JObject obj, string name) =>
        String(obj, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    public static long? Long(JToken? token) => token is { Type: JTokenType.Integer } ? (long)token : null;
}
