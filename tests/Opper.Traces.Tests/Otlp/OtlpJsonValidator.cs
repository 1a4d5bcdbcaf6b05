using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.Tests.Otlp;

/// <summary>
/// Checks a document against the OTLP/JSON encoding of the OpenTelemetry protocol
/// (opentelemetry-proto, docs/specification.md, "JSON Protobuf Encoding", and the proto3 JSON
/// mapping it builds on), written from the specification and sharing no code with the SDK's
/// writer: field names are the lowerCamelCase names of the proto messages and nothing else;
/// trace and span ids are hex (lowercase, as the SDK promises) of 16 and 8 bytes, not all zeros;
/// 64-bit integers (<c>fixed64</c> times, <c>int64</c> values) are decimal strings; enums are
/// integers; attribute values are <c>AnyValue</c> wrappers with at most one field set.
/// </summary>
internal static class OtlpJsonValidator
{
    private static readonly Regex Digits = new("^[0-9]+$");
    private static readonly Regex SignedDigits = new("^-?[0-9]+$");
    private static readonly Regex LowerHex = new("^[0-9a-f]+$");

    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["ExportTraceServiceRequest"] = new[] { "resourceSpans" },
        ["ResourceSpans"] = new[] { "resource", "scopeSpans", "schemaUrl" },
        ["Resource"] = new[] { "attributes", "droppedAttributesCount", "entityRefs" },
        ["ScopeSpans"] = new[] { "scope", "spans", "schemaUrl" },
        ["InstrumentationScope"] = new[] { "name", "version", "attributes", "droppedAttributesCount" },
        ["Span"] = new[]
        {
            "traceId", "spanId", "traceState", "parentSpanId", "flags", "name", "kind", "startTimeUnixNano",
            "endTimeUnixNano", "attributes", "droppedAttributesCount", "events", "droppedEventsCount", "links",
            "droppedLinksCount", "status",
        },
        ["Event"] = new[] { "timeUnixNano", "name", "attributes", "droppedAttributesCount" },
        ["Status"] = new[] { "message", "code" },
        ["KeyValue"] = new[] { "key", "value" },
        ["AnyValue"] = new[] { "stringValue", "boolValue", "intValue", "doubleValue", "arrayValue", "kvlistValue", "bytesValue" },
        ["ArrayValue"] = new[] { "values" },
        ["KeyValueList"] = new[] { "values" },
    };

    /// <summary>Every violation found, each with its JSON path; empty when the document is valid.</summary>
    public static List<string> Validate(JToken document)
    {
        var problems = new List<string>();
        if (Message(document, "ExportTraceServiceRequest", problems) is not { } request)
        {
            return problems;
        }

        foreach (JToken resourceSpans in Repeated(request["resourceSpans"], problems))
        {
            if (Message(resourceSpans, "ResourceSpans", problems) is not { } rs)
            {
                continue;
            }

            if (rs["resource"] is { } resource && Message(resource, "Resource", problems) is { } r)
            {
                Attributes(r["attributes"], problems);
                Unsigned32(r["droppedAttributesCount"], problems);
            }

            foreach (JToken scopeSpans in Repeated(rs["scopeSpans"], problems))
            {
                if (Message(scopeSpans, "ScopeSpans", problems) is not { } ss)
                {
                    continue;
                }

                if (ss["scope"] is { } scope && Message(scope, "InstrumentationScope", problems) is { } s)
                {
                    String(s["name"], problems);
                    String(s["version"], problems);
                    Attributes(s["attributes"], problems);
                }

                foreach (JToken span in Repeated(ss["spans"], problems))
                {
                    Span(span, problems);
                }
            }
        }

        return problems;
    }

    private static void Span(JToken token, List<string> problems)
    {
        if (Message(token, "Span", problems) is not { } span)
        {
            return;
        }

        Id(span["traceId"], 32, required: true, problems);
        Id(span["spanId"], 16, required: true, problems);
        Id(span["parentSpanId"], 16, required: false, problems);
        String(span["name"], problems);
        String(span["traceState"], problems);
        Enum(span["kind"], 0, 5, problems);
        ulong? start = Fixed64(span["startTimeUnixNano"], problems);
        ulong? end = Fixed64(span["endTimeUnixNano"], problems);
        if (start is { } s && end is { } e && e < s)
        {
            problems.Add(span.Path + ": endTimeUnixNano is before startTimeUnixNano");
        }

        Attributes(span["attributes"], problems);
        foreach (JToken e2 in Repeated(span["events"], problems))
        {
            if (Message(e2, "Event", problems) is { } ev)
            {
                Fixed64(ev["timeUnixNano"], problems);
                String(ev["name"], problems);
                Attributes(ev["attributes"], problems);
            }
        }

        if (span["status"] is { } status && Message(status, "Status", problems) is { } st)
        {
            String(st["message"], problems);
            Enum(st["code"], 0, 2, problems);
        }
    }

    private static void Attributes(JToken? token, List<string> problems)
    {
        var keys = new HashSet<string>();
        foreach (JToken item in Repeated(token, problems))
        {
            if (Message(item, "KeyValue", problems) is not { } kv)
            {
                continue;
            }

            if (kv["key"] is not { Type: JTokenType.String } key)
            {
                problems.Add(kv.Path + ": a KeyValue needs a string key");
            }
            else if (!keys.Add((string)key!))
            {
                problems.Add(kv.Path + ": the key '" + (string)key! + "' is repeated (attribute keys are unique)");
            }

            if (kv["value"] is { } value)
            {
                AnyValue(value, problems);
            }
        }
    }

    private static void AnyValue(JToken token, List<string> problems)
    {
        if (Message(token, "AnyValue", problems) is not { } any)
        {
            return;
        }

        if (any.Count > 1)
        {
            problems.Add(any.Path + ": an AnyValue sets one field at most (a oneof), not " + any.Count);
        }

        foreach (JProperty field in any.Properties())
        {
            JToken v = field.Value;
            switch (field.Name)
            {
                case "stringValue":
                    String(v, problems);
                    break;
                case "boolValue":
                    if (v.Type != JTokenType.Boolean)
                    {
                        problems.Add(v.Path + ": boolValue must be true or false");
                    }

                    break;
                case "intValue":
                    if (v.Type != JTokenType.String || !SignedDigits.IsMatch((string)v!))
                    {
                        problems.Add(v.Path + ": intValue (int64) must be a decimal string");
                    }

                    break;
                case "doubleValue":
                    if (v.Type is not (JTokenType.Float or JTokenType.Integer) && !(v.Type == JTokenType.String && (string)v! is "NaN" or "Infinity" or "-Infinity"))
                    {
                        problems.Add(v.Path + ": doubleValue must be a number");
                    }

                    break;
                case "bytesValue":
                    if (v.Type != JTokenType.String)
                    {
                        problems.Add(v.Path + ": bytesValue must be a base64 string");
                    }

                    break;
                case "arrayValue":
                    if (Message(v, "ArrayValue", problems) is { } array)
                    {
                        foreach (JToken item in Repeated(array["values"], problems))
                        {
                            AnyValue(item, problems);
                        }
                    }

                    break;
                case "kvlistValue":
                    if (Message(v, "KeyValueList", problems) is { } list)
                    {
                        Attributes(list["values"], problems);
                    }

                    break;
            }
        }
    }

    /// <summary>An object whose every field is one of the message's; null (and a problem) otherwise.</summary>
    private static JObject? Message(JToken token, string type, List<string> problems)
    {
        if (token is not JObject obj)
        {
            problems.Add(token.Path + ": " + type + " must be a JSON object, not " + token.Type);
            return null;
        }

        foreach (JProperty property in obj.Properties())
        {
            if (!Fields[type].Contains(property.Name))
            {
                problems.Add(property.Path + ": '" + property.Name + "' is not a field of " + type
                    + (property.Name.Contains('_') ? " (field names are lowerCamelCase)" : string.Empty));
            }
        }

        return obj;
    }

    private static IEnumerable<JToken> Repeated(JToken? token, List<string> problems)
    {
        if (token is null)
        {
            return Enumerable.Empty<JToken>();
        }

        if (token is not JArray array)
        {
            problems.Add(token.Path + ": a repeated field must be a JSON array");
            return Enumerable.Empty<JToken>();
        }

        return array;
    }

    private static void Id(JToken? token, int digits, bool required, List<string> problems)
    {
        if (token is null)
        {
            if (required)
            {
                problems.Add("a span lacks an id of " + digits + " hex digits");
            }

            return;
        }

        string? text = token.Type == JTokenType.String ? (string?)token : null;
        if (text is null || text.Length != digits || !LowerHex.IsMatch(text))
        {
            problems.Add(token.Path + ": must be " + digits + " lowercase hex digits, not " + token.ToString(Newtonsoft.Json.Formatting.None));
        }
        else if (text.All(c => c == '0'))
        {
            problems.Add(token.Path + ": an id of all zeros is invalid");
        }
    }

    private static ulong? Fixed64(JToken? token, List<string> problems)
    {
        if (token is null)
        {
            return null;
        }

        if (token.Type != JTokenType.String || !Digits.IsMatch((string)token!) || !ulong.TryParse((string)token!, out ulong value))
        {
            problems.Add(token.Path + ": a fixed64 must be a decimal string within 64 bits");
            return null;
        }

        return value;
    }

    private static void Enum(JToken? token, int min, int max, List<string> problems)
    {
        if (token is null)
        {
            return;
        }

        if (token.Type != JTokenType.Integer || (long)token! < min || (long)token! > max)
        {
            problems.Add(token.Path + ": an enum must be an integer from " + min + " to " + max + " (names are not allowed)");
        }
    }

    private static void String(JToken? token, List<string> problems)
    {
        if (token is not null && token.Type != JTokenType.String)
        {
            problems.Add(token.Path + ": must be a string");
        }
    }

    private static void Unsigned32(JToken? token, List<string> problems)
    {
        if (token is not null && (token.Type != JTokenType.Integer || (long)token! < 0 || (long)token! > uint.MaxValue))
        {
            problems.Add(token.Path + ": must be a non-negative integer");
        }
    }
}
