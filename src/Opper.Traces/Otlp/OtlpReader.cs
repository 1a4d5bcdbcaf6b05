using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;

namespace Opper;

/// <summary>
/// Reads OTLP/JSON <c>ExportTraceServiceRequest</c> documents, one or several in a row (JSON
/// Lines), streaming, into <see cref="OtlpRawSpan"/>s in file order. Unknown fields are skipped;
/// a value of the wrong shape is an error that names its JSON path. Dates are never parsed, so
/// string attributes stay exactly as written.
/// </summary>
internal sealed partial class OtlpReader
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
