using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Models;

namespace Opper;

/// <summary>
/// Writes one Opper trace as an OTLP/JSON <c>ExportTraceServiceRequest</c>, streaming: one
/// resource (<c>service.name</c> = <c>opper</c>), one scope (<c>Opper.Traces</c>), the spans in
/// input order. See <see cref="OtlpJson"/> for the mapping.
/// </summary>
internal sealed class OtlpWriter
{
    private static readonly string ScopeVersion =
        (typeof(OtlpWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
            .Split('+')[0];

    private readonly JsonWriter _json;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    private OtlpWriter(JsonWriter json)
    {
        _json = json;
    }

    /// <summary>Writes <paramref name="trace"/> to <paramref name="json"/>.</summary>
    public static void Write(GetTraceResponse trace, JsonWriter json) => new OtlpWriter(json).WriteRequest(trace);

    private void WriteRequest(GetTraceResponse trace)
    {
        IList<SpanSchema?> spans = (IList<SpanSchema?>?)trace.Spans ?? Array.Empty<SpanSchema?>();
        string traceHex = OtlpIds.TraceId(trace.Id);
        string?[] spanIds = OtlpIds.SpanIds(spans, traceHex);

        // The tree decides parents (cycles cut, orphans as roots) and durations; nodes by input index.
        var nodes = new SpanNode?[spans.Count];
        foreach (SpanNode node in trace.BuildTree().Walk())
        {
            nodes[node.Index] = node;
        }

        ulong? traceStart = trace.StartTime is { } ts ? OtlpTime.ToUnixNanos(ts) : null;

        JsonWriter w = _json;
        w.WriteStartObject();
        w.WritePropertyName("resourceSpans");
        w.WriteStartArray();
        w.WriteStartObject();
        w.WritePropertyName("resource");
        w.WriteStartObject();
        w.WritePropertyName("attributes");
        w.WriteStartArray();
        WriteResourceAttributes(trace);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WritePropertyName("scopeSpans");
        w.WriteStartArray();
        w.WriteStartObject();
        w.WritePropertyName("scope");
        w.WriteStartObject();
        w.WritePropertyName("name");
        w.WriteValue(OtlpNames.Scope);
        w.WritePropertyName("version");
        w.WriteValue(ScopeVersion);
        w.WriteEndObject();
        w.WritePropertyName("spans");
        w.WriteStartArray();
        for (int i = 0; i < spans.Count; i++)
        {
            if (spans[i] is { } span && nodes[i] is { } node)
            {
                WriteSpan(span, node, traceHex, spanIds[i]!, node.Parent is { } parent ? spanIds[parent.Index] : null, traceStart);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    private void WriteResourceAttributes(GetTraceResponse trace)
    {
        Attribute(OtlpNames.ServiceName, OtlpNames.Service);
        if (trace.Id is not null)
        {
            Attribute(OtlpNames.TraceId, trace.Id);
        }

        OptionalAttribute(OtlpNames.TraceName, trace.Name);
        OptionalAttribute(OtlpNames.TraceStatus, trace.Status);
        if (trace.StartTime is { } start)
        {
            Attribute(OtlpNames.TraceStartTime, OpperJson.FormatTimestamp(start));
        }

        if (trace.EndTime is { } end)
        {
            Attribute(OtlpNames.TraceEndTime, OpperJson.FormatTimestamp(end));
        }

        OptionalAttribute(OtlpNames.TraceDurationMs, trace.DurationMs);
        OptionalAttribute(OtlpNames.TraceTotalTokens, trace.TotalTokens);
        OptionalAttribute(OtlpNames.TraceInput, trace.Input);
        OptionalAttribute(OtlpNames.TraceOutput, trace.Output);
    }

    private void WriteSpan(SpanSchema span, SpanNode node, string traceHex, string spanId, string? parentSpanId, ulong? traceStart)
    {
        JsonWriter w = _json;
        long? duration = node.DurationMs;
        ulong? ownStart = span.StartTime is { } s ? OtlpTime.ToUnixNanos(s) : null;
        bool startUnknown = span.StartTime is null;
        ulong start = ownStart ?? (startUnknown ? traceStart ?? 0 : 0);
        ulong end = duration is { } d ? OtlpTime.AddMilliseconds(start, d) : start;
        bool generation = span.Type == OtlpNames.GenerationType;

        w.WriteStartObject();
        w.WritePropertyName("traceId");
        w.WriteValue(traceHex);
        w.WritePropertyName("spanId");
        w.WriteValue(spanId);
        if (parentSpanId is not null)
        {
            w.WritePropertyName("parentSpanId");
            w.WriteValue(parentSpanId);
        }

        w.WritePropertyName("name");
        w.WriteValue(span.Name ?? string.Empty);
        w.WritePropertyName("kind");
        w.WriteValue(generation ? OtlpNames.KindClient : OtlpNames.KindInternal);
        w.WritePropertyName("startTimeUnixNano");
        w.WriteValue(start.ToString(CultureInfo.InvariantCulture));
        w.WritePropertyName("endTimeUnixNano");
        w.WriteValue(end.ToString(CultureInfo.InvariantCulture));

        w.WritePropertyName("attributes");
        w.WriteStartArray();
        _written.Clear();
        OptionalAttribute(OtlpNames.SpanId, span.Id);
        OptionalAttribute(OtlpNames.ParentId, span.ParentId);
        OptionalAttribute(OtlpNames.SpanType, span.Type);
        if (span.Type is null && span.Meta?[OtlpNames.GenAiOperationName] is not null)
        {
            // No type, but an operation in meta that reading would take the type from: say "none".
            StartAttribute(OtlpNames.SpanType);
            EndAttribute();
        }

        SpanData? data = span.Data;
        if (data?.Model is { } model)
        {
            if (model.Length > 0)
            {
                Attribute(OtlpNames.GenAiRequestModel, model);
                int slash = model.IndexOf('/');
                if (slash > 0)
                {
                    Attribute(OtlpNames.GenAiProviderName, model.Substring(0, slash));
                }
            }

            Attribute(OtlpNames.Model, model);
        }

        if (generation)
        {
            Attribute(OtlpNames.GenAiOperationName, OtlpNames.ChatOperation);
        }

        OptionalAttribute(OtlpNames.TotalTokens, data?.TotalTokens);
        OptionalAttribute(OtlpNames.Score, span.Score);
        OptionalAttribute(OtlpNames.DurationMs, duration);
        if (startUnknown)
        {
            BoolAttribute(OtlpNames.StartTimeUnknown, true);
        }
        else if (ownStart is null)
        {
            // Before 1970 or after 2554: OTLP cannot hold it, so the exact instant travels as text.
            Attribute(OtlpNames.StartTime, OpperJson.FormatTimestamp(span.StartTime!.Value));
        }

        if (data is not null)
        {
            OptionalAttribute(OtlpNames.Input, data.Input);
            OptionalAttribute(OtlpNames.Output, data.Output);
            OptionalAttribute(OtlpNames.Instructions, data.Instructions);
            OptionalAttribute(OtlpNames.Function, data.Function);
            if (data.Tags is { } tags)
            {
                StartAttribute(OtlpNames.Tags);
                w.WritePropertyName("arrayValue");
                w.WriteStartObject();
                w.WritePropertyName("values");
                w.WriteStartArray();
                foreach (string tag in tags)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("stringValue");
                    w.WriteValue(tag ?? string.Empty);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                EndAttribute();
            }

            OptionalAttribute(OtlpNames.DataScore, data.Score);
            OptionalAttribute(OtlpNames.GenerationId, data.GenerationId);
            OptionalAttribute(OtlpNames.Observations, data.Observations);
        }

        if (span.Meta is { } meta)
        {
            // Meta keys become attributes as they are; a key the mapping already wrote is left out.
            foreach (KeyValuePair<string, JToken?> entry in meta)
            {
                if (!_written.Contains(entry.Key))
                {
                    StartAttribute(entry.Key);
                    WriteAnyValueBody(entry.Value);
                    EndAttribute();
                }
            }
        }

        w.WriteEndArray();

        if (span.Metrics is { Count: > 0 } metrics)
        {
            WriteMetricEvents(metrics, start);
        }

        w.WritePropertyName("status");
        w.WriteStartObject();
        if (span.Error is { Length: > 0 } error)
        {
            w.WritePropertyName("message");
            w.WriteValue(error);
            w.WritePropertyName("code");
            w.WriteValue(OtlpNames.StatusError);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteMetricEvents(IList<SpanMetricData> metrics, ulong spanStart)
    {
        JsonWriter w = _json;
        w.WritePropertyName("events");
        w.WriteStartArray();
        foreach (SpanMetricData? metric in metrics)
        {
            if (metric is null)
            {
                continue;
            }

            ulong time = OtlpTime.ToUnixNanos(metric.CreatedAt) ?? spanStart;
            w.WriteStartObject();
            w.WritePropertyName("timeUnixNano");
            w.WriteValue(time.ToString(CultureInfo.InvariantCulture));
            w.WritePropertyName("name");
            w.WriteValue(metric.Dimension ?? string.Empty);
            w.WritePropertyName("attributes");
            w.WriteStartArray();
            _written.Clear();
            OptionalAttribute(OtlpNames.MetricId, metric.Id);
            StartAttribute(OtlpNames.MetricValue);
            WriteDouble(metric.Value);
            EndAttribute();
            OptionalAttribute(OtlpNames.MetricComment, metric.Comment);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    // ------------------------------------------------------------ attributes

    private void OptionalAttribute(string key, string? value)
    {
        if (value is not null)
        {
            Attribute(key, value);
        }
    }

    private void OptionalAttribute(string key, long? value)
    {
        if (value is { } number)
        {
            StartAttribute(key);
            _json.WritePropertyName("intValue");
            _json.WriteValue(number.ToString(CultureInfo.InvariantCulture));
            EndAttribute();
        }
    }

    private void Attribute(string key, string value)
    {
        StartAttribute(key);
        _json.WritePropertyName("stringValue");
        _json.WriteValue(value);
        EndAttribute();
    }

    private void BoolAttribute(string key, bool value)
    {
        StartAttribute(key);
        _json.WritePropertyName("boolValue");
        _json.WriteValue(value);
        EndAttribute();
    }

    /// <summary>Opens <c>{"key": ..., "value": {</c>; the caller writes the value's one field.</summary>
    private void StartAttribute(string key)
    {
        _written.Add(key);
        _json.WriteStartObject();
        _json.WritePropertyName("key");
        _json.WriteValue(key);
        _json.WritePropertyName("value");
        _json.WriteStartObject();
    }

    private void EndAttribute()
    {
        _json.WriteEndObject();
        _json.WriteEndObject();
    }

    /// <summary>A double as <c>doubleValue</c>; NaN and infinities as the strings proto3 JSON uses for them.</summary>
    private void WriteDouble(double value)
    {
        _json.WritePropertyName("doubleValue");
        if (double.IsNaN(value))
        {
            _json.WriteValue("NaN");
        }
        else if (double.IsInfinity(value))
        {
            _json.WriteValue(value > 0 ? "Infinity" : "-Infinity");
        }
        else
        {
            _json.WriteValue(value);
        }
    }

    /// <summary>
    /// The field of an <c>AnyValue</c> that holds a free-form JSON value, its type kept: strings,
    /// booleans, integers and doubles as themselves, arrays as <c>arrayValue</c>, objects as
    /// <c>kvlistValue</c>, null as an empty <c>AnyValue</c>. An integer beyond 64 bits keeps its
    /// digits as a string.
    /// </summary>
    private void WriteAnyValueBody(JToken? value)
    {
        JsonWriter w = _json;
        switch (value?.Type ?? JTokenType.Null)
        {
            case JTokenType.Null:
            case JTokenType.Undefined:
                return;
            case JTokenType.Boolean:
                w.WritePropertyName("boolValue");
                w.WriteValue((bool)value!);
                return;
            case JTokenType.Integer:
                w.WritePropertyName(((JValue)value!).Value is long or int or short or sbyte or byte or ushort or uint ? "intValue" : "stringValue");
                w.WriteValue(Convert.ToString(((JValue)value!).Value, CultureInfo.InvariantCulture));
                return;
            case JTokenType.Float:
                WriteDouble(Convert.ToDouble(((JValue)value!).Value, CultureInfo.InvariantCulture));
                return;
            case JTokenType.Bytes:
                w.WritePropertyName("bytesValue");
                w.WriteValue(Convert.ToBase64String((byte[])((JValue)value!).Value!));
                return;
            case JTokenType.Array:
                w.WritePropertyName("arrayValue");
                w.WriteStartObject();
                w.WritePropertyName("values");
                w.WriteStartArray();
                foreach (JToken item in (JArray)value!)
                {
                    w.WriteStartObject();
                    WriteAnyValueBody(item);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                return;
            case JTokenType.Object:
                w.WritePropertyName("kvlistValue");
                w.WriteStartObject();
                w.WritePropertyName("values");
                w.WriteStartArray();
                foreach (KeyValuePair<string, JToken?> entry in (JObject)value!)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("key");
                    w.WriteValue(entry.Key);
                    w.WritePropertyName("value");
                    w.WriteStartObject();
                    WriteAnyValueBody(entry.Value);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                return;
            case JTokenType.Date when ((JValue)value!).Value is DateTimeOffset offset:
                w.WritePropertyName("stringValue");
                w.WriteValue(OpperJson.FormatTimestamp(offset));
                return;
            case JTokenType.Date when ((JValue)value!).Value is DateTime date:
                // A date a caller's own parsing made of a string: written back in the SDK's timestamp form.
                w.WritePropertyName("stringValue");
                w.WriteValue(date.Kind == DateTimeKind.Local ? date.ToString("o", CultureInfo.InvariantCulture) : OpperJson.FormatTimestamp(new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc))));
                return;
            default:
                // Strings, and the other scalar kinds a JValue can hold (Guid, Uri, TimeSpan) as their text.
                w.WritePropertyName("stringValue");
                w.WriteValue(value is JValue { Value: { } scalar } ? Convert.ToString(scalar, CultureInfo.InvariantCulture) : string.Empty);
                return;
        }
    }
}
