using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Opper;

/// <summary>
/// Reads OTLP/JSON <c>ExportTraceServiceRequest</c> documents, one or several in a row (JSON
/// Lines), streaming, into <see cref="OtlpRawSpan"/>s in file order. Unknown fields are skipped;
/// a value of the wrong shape is an error that names its JSON path. Dates are never parsed, so
/// string attributes stay exactly as written.
/// </summary>
internal sealed class OtlpReader
{
    /// <summary>
    /// The deepest nesting read. Each level of a structured attribute value takes four JSON levels
    /// (<c>kvlistValue</c>, <c>values</c>, the array, the entry), so this is well above the 256 of
    /// Opper's JSON; the reader recurses only through such values, a few frames per level.
    /// </summary>
    private const int MaxDepth = 1024;

    private readonly JsonTextReader _r;

    private OtlpReader(JsonTextReader reader)
    {
        _r = reader;
    }

    /// <summary>Every span of every document in <paramref name="text"/>, and every resource.</summary>
    public static (List<OtlpRawSpan> Spans, List<OtlpRawResource> Resources) Read(TextReader text)
    {
        using JsonTextReader json = OpperJson.CreateReader(text, MaxDepth);
        json.SupportMultipleContent = true;
        var reader = new OtlpReader(json);
        var spans = new List<OtlpRawSpan>();
        var resources = new List<OtlpRawResource>();
        while (json.Read())
        {
            if (json.TokenType == JsonToken.Comment)
            {
                continue;
            }

            if (json.TokenType != JsonToken.StartObject)
            {
                throw OpperJson.Unexpected(json, "an object (an OTLP ExportTraceServiceRequest)");
            }

            reader.ReadRequest(spans, resources);
        }

        return (spans, resources);
    }

    private void ReadRequest(List<OtlpRawSpan> spans, List<OtlpRawResource> resources)
    {
        while (NextProperty(out string name))
        {
            if (name == "resourceSpans")
            {
                for (bool more = StartArrayOrNull("an array (resourceSpans)") && NextInArray(); more; more = NextInArray())
                {
                    ReadResourceSpans(spans, resources);
                }
            }
            else
            {
                _r.Skip();
            }
        }
    }

    private void ReadResourceSpans(List<OtlpRawSpan> spans, List<OtlpRawResource> resources)
    {
        RequireObject("an object (ResourceSpans)");
        var resource = new OtlpRawResource();
        resources.Add(resource);
        while (NextProperty(out string name))
        {
            switch (name)
            {
                case "resource":
                    if (StartObjectOrNull("an object (Resource)"))
                    {
                        while (NextProperty(out string field))
                        {
                            if (field == "attributes")
                            {
                                ReadAttributes(resource.Attributes);
                            }
                            else
                            {
                                _r.Skip();
                            }
                        }
                    }

                    break;
                case "scopeSpans":
                case "instrumentationLibrarySpans": // the name before OTLP 0.15, still found in old files
                    for (bool more = StartArrayOrNull("an array (" + name + ")") && NextInArray(); more; more = NextInArray())
                    {
                        ReadScopeSpans(new OtlpRawScope(resource), spans);
                    }

                    break;
                default:
                    _r.Skip();
                    break;
            }
        }
    }

    private void ReadScopeSpans(OtlpRawScope scope, List<OtlpRawSpan> spans)
    {
        RequireObject("an object (ScopeSpans)");
        while (NextProperty(out string name))
        {
            switch (name)
            {
                case "scope":
                case "instrumentationLibrary":
                    if (StartObjectOrNull("an object (InstrumentationScope)"))
                    {
                        while (NextProperty(out string field))
                        {
                            if (field == "name")
                            {
                                scope.Name = ReadString();
                            }
                            else
                            {
                                _r.Skip();
                            }
                        }
                    }

                    break;
                case "spans":
                    for (bool more = StartArrayOrNull("an array (spans)") && NextInArray(); more; more = NextInArray())
                    {
                        spans.Add(ReadSpan(scope));
                    }

                    break;
                default:
                    _r.Skip();
                    break;
            }
        }
    }

    private OtlpRawSpan ReadSpan(OtlpRawScope scope)
    {
        RequireObject("an object (Span)");
        var span = new OtlpRawSpan(scope);
        while (NextProperty(out string name))
        {
            switch (name)
            {
                case "traceId":
                    span.TraceId = ReadId(32, "traceId");
                    break;
                case "spanId":
                    span.SpanId = ReadId(16, "spanId");
                    break;
                case "parentSpanId":
                    span.ParentSpanId = ReadId(16, "parentSpanId");
                    break;
                case "name":
                    span.Name = ReadString();
                    break;
                case "startTimeUnixNano":
                    span.StartNanos = ReadNanos();
                    break;
                case "endTimeUnixNano":
                    span.EndNanos = ReadNanos();
                    break;
                case "attributes":
                    ReadAttributes(span.Attributes);
                    break;
                case "events":
                    for (bool more = StartArrayOrNull("an array (events)") && NextInArray(); more; more = NextInArray())
                    {
                        (span.Events ??= new List<OtlpRawEvent>()).Add(ReadEvent());
                    }

                    break;
                case "status":
                    ReadStatus(span);
                    break;
                default:
                    _r.Skip();
                    break;
            }
        }

        if (span.TraceId.Length == 0)
        {
            throw OpperJson.Error(_r, "The span has no traceId (32 hex digits are required)");
        }

        if (span.SpanId.Length == 0)
        {
            throw OpperJson.Error(_r, "The span has no spanId (16 hex digits are required)");
        }

        return span;
    }

    private OtlpRawEvent ReadEvent()
    {
        RequireObject("an object (Span.Event)");
        var e = new OtlpRawEvent();
        while (NextProperty(out string name))
        {
            switch (name)
            {
                case "name":
                    e.Name = ReadString();
                    break;
                case "timeUnixNano":
                    e.TimeNanos = ReadNanos();
                    break;
                case "attributes":
                    ReadAttributes(e.Attributes);
                    break;
                default:
                    _r.Skip();
                    break;
            }
        }

        return e;
    }

    private void ReadStatus(OtlpRawSpan span)
    {
        if (!StartObjectOrNull("an object (Status)"))
        {
            return;
        }

        while (NextProperty(out string name))
        {
            switch (name)
            {
                case "code":
                    span.StatusCode = ReadStatusCode();
                    break;
                case "message":
                    span.StatusMessage = ReadString();
                    break;
                default:
                    _r.Skip();
                    break;
            }
        }
    }

    private int ReadStatusCode()
    {
        // OTLP/JSON requires the integer; the enum names that generic protobuf printers write are read too.
        switch (_r.TokenType)
        {
            case JsonToken.Null:
                return 0;
            case JsonToken.Integer when _r.Value is long code && code >= 0 && code <= 2:
                return (int)code;
            case JsonToken.String:
                switch ((string?)_r.Value)
                {
                    case "0" or "STATUS_CODE_UNSET":
                        return 0;
                    case "1" or "STATUS_CODE_OK":
                        return 1;
                    case "2" or "STATUS_CODE_ERROR":
                        return 2;
                }

                break;
        }

        throw OpperJson.Unexpected(_r, "a status code (0 unset, 1 ok, 2 error)");
    }

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

    // ------------------------------------------------------------ structure

    /// <summary>Moves to the next property's value; false at the end of the object.</summary>
    private bool NextProperty(out string name)
    {
        OpperJson.Next(_r);
        if (_r.TokenType == JsonToken.EndObject)
        {
            name = string.Empty;
            return false;
        }

        name = (string)_r.Value!;
        OpperJson.Next(_r);
        return true;
    }

    /// <summary>True when the reader stands on an array; false on <c>null</c>; an error otherwise.</summary>
    private bool StartArrayOrNull(string expected)
    {
        if (_r.TokenType == JsonToken.Null)
        {
            return false;
        }

        if (_r.TokenType != JsonToken.StartArray)
        {
            throw OpperJson.Unexpected(_r, expected);
        }

        return true;
    }

    /// <summary>Moves to the next item of the array; false at its end.</summary>
    private bool NextInArray()
    {
        OpperJson.Next(_r);
        return _r.TokenType != JsonToken.EndArray;
    }

    private void RequireObject(string expected)
    {
        if (_r.TokenType != JsonToken.StartObject)
        {
            throw OpperJson.Unexpected(_r, expected);
        }
    }

    private bool StartObjectOrNull(string expected)
    {
        if (_r.TokenType == JsonToken.Null)
        {
            return false;
        }

        RequireObject(expected);
        return true;
    }
}
