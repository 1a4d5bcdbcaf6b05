using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Models;

namespace Opper;

/// <summary>
/// Turns the spans read from OTLP/JSON into Opper traces: one per trace id, in order of first
/// appearance, spans in file order. See <see cref="OtlpJson.Read(System.IO.Stream)"/> for the rules.
/// </summary>
internal static class OtlpTraceBuilder
{
    public static IReadOnlyList<GetTraceResponse> Build(List<OtlpRawSpan> spans, List<OtlpRawResource> resources)
    {
        var order = new List<string>();
        var byTrace = new Dictionary<string, List<OtlpRawSpan>>(StringComparer.Ordinal);
        foreach (OtlpRawSpan span in spans)
        {
            if (!byTrace.TryGetValue(span.TraceId, out List<OtlpRawSpan>? list))
            {
                list = new List<OtlpRawSpan>();
                byTrace.Add(span.TraceId, list);
                order.Add(span.TraceId);
            }

            list.Add(span);
        }

        var traces = new List<GetTraceResponse>(Math.Max(1, order.Count));
        foreach (string traceId in order)
        {
            traces.Add(BuildTrace(traceId, byTrace[traceId]));
        }

        if (traces.Count == 0)
        {
            // A file without spans is one empty trace, described by the export's resource when there is one.
            OtlpRawResource? described = resources.Find(r => Find(r.Attributes, OtlpNames.TraceId) is not null);
            var empty = new GetTraceResponse { Id = string.Empty, Spans = new List<SpanSchema>() };
            if (described is not null)
            {
                empty.Id = OtlpIds.ToUuid(OtlpIds.TraceId(Text(Find(described.Attributes, OtlpNames.TraceId))));
                ApplyTraceAttributes(empty, described.Attributes);
            }

            traces.Add(empty);
        }

        return traces;
    }

    private static GetTraceResponse BuildTrace(string traceHex, List<OtlpRawSpan> raw)
    {
        // Each span's Opper id, and which span owns each span id (the first one), for parent links.
        var ids = new string[raw.Count];
        var owners = new Dictionary<string, int>(raw.Count, StringComparer.Ordinal);
        for (int i = 0; i < raw.Count; i++)
        {
            ids[i] = Text(Find(raw[i].Attributes, OtlpNames.SpanId)) ?? raw[i].SpanId;
            if (!owners.ContainsKey(raw[i].SpanId))
            {
                owners.Add(raw[i].SpanId, i);
            }
        }

        var result = new List<SpanSchema>(raw.Count);
        for (int i = 0; i < raw.Count; i++)
        {
            OtlpRawSpan span = raw[i];
            string? parentId;
            if (Find(span.Attributes, OtlpNames.ParentId) is { } original)
            {
                parentId = Text(original);
            }
            else if (span.ParentSpanId.Length == 0)
            {
                parentId = null;
            }
            else
            {
                // A parent in another file stays an orphan that names the parent's span id.
                parentId = owners.TryGetValue(span.ParentSpanId, out int owner) ? ids[owner] : span.ParentSpanId;
            }

            result.Add(OtlpSpanMapper.ToSpan(span, ids[i], parentId));
        }

        var trace = new GetTraceResponse { Id = OtlpIds.ToUuid(traceHex), Spans = result };
        OtlpRawResource? described = null;
        foreach (OtlpRawSpan span in raw)
        {
            if (Find(span.Scope.Resource.Attributes, OtlpNames.TraceId) is not null)
            {
                described = span.Scope.Resource;
                break;
            }
        }

        if (described is not null)
        {
            ApplyTraceAttributes(trace, described.Attributes);
        }
        else
        {
            DeriveTraceFields(trace, raw, result);
        }

        return trace;
    }

    /// <summary>The trace's own fields as the export wrote them on its resource.</summary>
    private static void ApplyTraceAttributes(GetTraceResponse trace, List<KeyValuePair<string, JToken?>> attributes)
    {
        trace.Name = Text(Find(attributes, OtlpNames.TraceName));
        trace.Status = Text(Find(attributes, OtlpNames.TraceStatus));
        trace.StartTime = Timestamp(Find(attributes, OtlpNames.TraceStartTime));
        trace.EndTime = Timestamp(Find(attributes, OtlpNames.TraceEndTime));
        trace.DurationMs = Integer(Find(attributes, OtlpNames.TraceDurationMs));
        trace.TotalTokens = Integer(Find(attributes, OtlpNames.TraceTotalTokens));
        trace.Input = Text(Find(attributes, OtlpNames.TraceInput));
        trace.Output = Text(Find(attributes, OtlpNames.TraceOutput));
    }

    /// <summary>For traces from other sources: the name of the first root, and the span times' extent.</summary>
    private static void DeriveTraceFields(GetTraceResponse trace, List<OtlpRawSpan> raw, List<SpanSchema> spans)
    {
        ulong first = ulong.MaxValue;
        ulong last = 0;
        foreach (OtlpRawSpan span in raw)
        {
            if (span.StartNanos > 0 && span.StartNanos < first)
            {
                first = span.StartNanos;
            }

            if (span.EndNanos > last)
            {
                last = span.EndNanos;
            }
        }

        trace.Name = spans.Find(s => string.IsNullOrEmpty(s.ParentId))?.Name ?? spans[0].Name;
        if (first != ulong.MaxValue)
        {
            trace.StartTime = OtlpTime.FromUnixNanos(first);
            if (last >= first)
            {
                trace.EndTime = OtlpTime.FromUnixNanos(last);
                trace.DurationMs = OtlpTime.DurationMs(first, last);
            }
        }
    }

    // ------------------------------------------------------------ attribute values

    /// <summary>The value of the first attribute named <paramref name="key"/>; JSON null for an empty value; null when absent.</summary>
    internal static JToken? Find(List<KeyValuePair<string, JToken?>> attributes, string key)
    {
        foreach (KeyValuePair<string, JToken?> attribute in attributes)
        {
            if (attribute.Key == key)
            {
                return attribute.Value ?? JValue.CreateNull();
            }
        }

        return null;
    }

    /// <summary>A value as text: strings as they are, other scalars in invariant form, structures as compact JSON.</summary>
    internal static string? Text(JToken? value) => value?.Type switch
    {
        null or JTokenType.Null => null,
        JTokenType.String => (string?)value,
        JTokenType.Object or JTokenType.Array => value.ToString(Formatting.None),
        JTokenType.Boolean => (bool)value ? "true" : "false",
        _ => Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture),
    };

    /// <summary>A whole number from an integer, or from a string or double that holds one.</summary>
    internal static long? Integer(JToken? value)
    {
        switch (value?.Type)
        {
            case JTokenType.Integer when ((JValue)value).Value is long number:
                return number;
            case JTokenType.Float when (double)value is var d && d == Math.Floor(d) && d >= long.MinValue && d < long.MaxValue:
                return (long)d;
            case JTokenType.String when long.TryParse((string?)value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed):
                return parsed;
            default:
                return null;
        }
    }

    /// <summary>A double from a number or a numeric string.</summary>
    internal static double? Number(JToken? value) => value?.Type switch
    {
        JTokenType.Integer or JTokenType.Float => Convert.ToDouble(((JValue)value).Value, CultureInfo.InvariantCulture),
        JTokenType.String when double.TryParse((string?)value, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) => parsed,
        _ => null,
    };

    /// <summary>An ISO 8601 timestamp written by the export.</summary>
    internal static DateTimeOffset? Timestamp(JToken? value) =>
        Text(value) is { } text && OpperJson.TryParseTimestamp(text, out DateTimeOffset parsed) ? parsed : null;
}
