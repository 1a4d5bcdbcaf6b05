using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Opper;

/// <summary>The values of OTLP/JSON: attributes, <c>AnyValue</c>s, ids, times and numbers in their proto3 JSON forms.</summary>
internal sealed partial class OtlpReader
{
    // ------------------------------------------------------------ attributes and AnyValue

    private void ReadAttributes(List<KeyValuePair<string, JToken?>> attributes)
    {
        for (bool more = StartArrayOrNull("an array (attributes)") && NextInArray(); more; more = NextInArray())
        {
            attributes.Add(ReadKeyValue());
        }
    }

    private KeyValuePair<string, JToken?> ReadKeyValue()
    {
        RequireObject("an object (KeyValue)");
        string? key = null;
        JToken? value = null;
        while (NextProperty(out string name))
        {
            switch (name)
            {
                case "key":
                    key = ReadString();
                    break;
                case "value":
                    value = ReadAnyValue();
                    break;
                default:
                    _r.Skip();
                    break;
            }
        }

        if (key is null)
        {
            throw OpperJson.Error(_r, "The attribute has no key");
        }

        return new KeyValuePair<string, JToken?>(key, value);
    }

    /// <summary>An <c>AnyValue</c> as JSON: null when it is empty or JSON <c>null</c>.</summary>
    private JToken? ReadAnyValue()
    {
        if (!StartObjectOrNull("an object (AnyValue)"))
        {
            return null;
        }

        JToken? value = null;
        while (NextProperty(out string name))
        {
            switch (name)
            {
                case "stringValue":
                case "bytesValue": // base64 text, kept as it is
                    value = ReadString() is { } text ? new JValue(text) : null;
                    break;
                case "boolValue":
                    value = _r.TokenType switch
                    {
                        JsonToken.Boolean => new JValue((bool)_r.Value!),
                        JsonToken.Null => null,
                        _ => throw OpperJson.Unexpected(_r, "true or false"),
                    };
                    break;
                case "intValue":
                    value = ReadInt64() is { } integer ? new JValue(integer) : null;
                    break;
                case "doubleValue":
                    value = ReadDouble() is { } number ? new JValue(number) : null;
                    break;
                case "arrayValue":
                    value = ReadValues(keyed: false);
                    break;
                case "kvlistValue":
                    value = ReadValues(keyed: true);
                    break;
                default:
                    _r.Skip();
                    break;
            }
        }

        return value;
    }

    /// <summary><c>ArrayValue</c> as a JSON array, <c>KeyValueList</c> as a JSON object.</summary>
    private JToken? ReadValues(bool keyed)
    {
        if (!StartObjectOrNull(keyed ? "an object (KeyValueList)" : "an object (ArrayValue)"))
        {
            return null;
        }

        JContainer result = keyed ? new JObject() : new JArray();
        while (NextProperty(out string name))
        {
            if (name != "values")
            {
                _r.Skip();
                continue;
            }

            for (bool more = StartArrayOrNull("an array (values)") && NextInArray(); more; more = NextInArray())
            {
                if (keyed)
                {
                    KeyValuePair<string, JToken?> entry = ReadKeyValue();
                    ((JObject)result)[entry.Key] = entry.Value ?? JValue.CreateNull();
                }
                else
                {
                    result.Add(ReadAnyValue() ?? JValue.CreateNull());
                }
            }
        }

        return result;
    }

    // ------------------------------------------------------------ scalars

    private string? ReadString() => _r.TokenType switch
    {
        JsonToken.String => (string)_r.Value!,
        JsonToken.Null => null,
        _ => throw OpperJson.Unexpected(_r, "a string"),
    };

    private string ReadId(int digits, string field)
    {
        string? text = ReadString();
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!OtlpIds.IsHex(text!, digits))
        {
            throw OpperJson.Error(_r, "'" + field + "' must be " + digits.ToString(CultureInfo.InvariantCulture)
                + " hex digits, not '" + (text!.Length > 40 ? text.Substring(0, 40) + "…" : text) + "'");
        }

        return text!.ToLowerInvariant();
    }

    /// <summary>A <c>fixed64</c> count of nanoseconds: a string of digits, or a number.</summary>
    private ulong ReadNanos()
    {
        switch (_r.TokenType)
        {
            case JsonToken.Null:
                return 0;
            case JsonToken.Integer when _r.Value is long value && value >= 0:
                return (ulong)value;
            case JsonToken.Integer when _r.Value is BigInteger big && big >= 0 && big <= ulong.MaxValue:
                return (ulong)big;
            case JsonToken.String when ulong.TryParse((string)_r.Value!, NumberStyles.None, CultureInfo.InvariantCulture, out ulong parsed):
                return parsed;
            default:
                throw OpperJson.Unexpected(_r, "nanoseconds since the Unix epoch (a string of digits)");
        }
    }

    /// <summary>An <c>int64</c>: a number, or its decimal digits as a string (the proto3 JSON form).</summary>
    private long? ReadInt64()
    {
        switch (_r.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.Integer when _r.Value is long value:
                return value;
            case JsonToken.String when long.TryParse((string)_r.Value!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed):
                return parsed;
            case JsonToken.Float when _r.Value is double d && d == System.Math.Floor(d) && d >= long.MinValue && d < long.MaxValue:
                return (long)d;
            default:
                throw OpperJson.Unexpected(_r, "a 64-bit integer");
        }
    }

    /// <summary>A <c>double</c>: a number, or a string (<c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c> or digits).</summary>
    private double? ReadDouble()
    {
        switch (_r.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.Float:
            case JsonToken.Integer:
                return System.Convert.ToDouble(_r.Value, CultureInfo.InvariantCulture);
            case JsonToken.String:
                string text = (string)_r.Value!;
                switch (text)
                {
                    case "NaN":
                        return double.NaN;
                    case "Infinity":
                        return double.PositiveInfinity;
                    case "-Infinity":
                        return double.NegativeInfinity;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
                {
                    return parsed;
                }

                break;
        }

        throw OpperJson.Unexpected(_r, "a number");
    }
}
