using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using Opper.Models;
using static Opper.OtlpTraceBuilder;

namespace Opper;

/// <summary>
/// One OTLP span as an Opper span. In the <c>Opper.Traces</c> scope (written by the export) the
/// <c>opper.*</c> attributes give the fields back exactly, unknown durations and starts included;
/// elsewhere the OpenTelemetry GenAI conventions give the type, model, tokens and content, and
/// the duration is end − start. Attributes the mapping does not take become <c>meta</c>.
/// </summary>
internal static class OtlpSpanMapper
{
    /// <summary>The <c>opper.*</c> attributes that become span fields in every scope.</summary>
    private static readonly HashSet<string> FieldKeys = new(StringComparer.Ordinal)
    {
        OtlpNames.SpanId, OtlpNames.ParentId, OtlpNames.SpanType, OtlpNames.TotalTokens, OtlpNames.Score,
        OtlpNames.Input, OtlpNames.Output, OtlpNames.Instructions, OtlpNames.Function, OtlpNames.Tags,
        OtlpNames.DataScore, OtlpNames.GenerationId, OtlpNames.Observations,
    };

    /// <summary>The attributes that only the export writes, read back in its scope alone.</summary>
    private static readonly HashSet<string> ExportKeys = new(StringComparer.Ordinal)
    {
        OtlpNames.Model, OtlpNames.DurationMs, OtlpNames.StartTimeUnknown, OtlpNames.StartTime,
    };

    public static SpanSchema ToSpan(OtlpRawSpan raw, string id, string? parentId)
    {
        bool exported = raw.Scope.IsOpper;
        var attributes = new Dictionary<string, JToken>(raw.Attributes.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, JToken?> attribute in raw.Attributes)
        {
            if (!attributes.ContainsKey(attribute.Key))
            {
                attributes.Add(attribute.Key, attribute.Value ?? JValue.CreateNull());
            }
        }

        JToken? Get(string key) => attributes.TryGetValue(key, out JToken? value) ? value : null;
        var taken = new HashSet<string>(StringComparer.Ordinal);

        var span = new SpanSchema
        {
            Id = id,
            ParentId = parentId,
            Name = raw.Name,
            Score = Integer(Get(OtlpNames.Score)),
        };

        string? operation = Text(Get(OtlpNames.GenAiOperationName));
        // opper.span.type when present (an empty value is an explicit "no type"), else the GenAI operation.
        span.Type = Get(OtlpNames.SpanType) is { } type
            ? Text(type)
            : OtlpNames.IsGenerationOperation(operation) ? OtlpNames.GenerationType : operation;

        var data = new SpanData
        {
            Input = Text(Get(OtlpNames.Input)),
            Output = Text(Get(OtlpNames.Output)),
            Instructions = Text(Get(OtlpNames.Instructions)),
            Function = Text(Get(OtlpNames.Function)),
            Tags = Tags(Get(OtlpNames.Tags)),
            Score = Integer(Get(OtlpNames.DataScore)),
            GenerationId = Text(Get(OtlpNames.GenerationId)),
            Observations = Text(Get(OtlpNames.Observations)),
            TotalTokens = Integer(Get(OtlpNames.TotalTokens)),
        };

        if (exported)
        {
            ReadExportedTimes(raw, span, Get);
            data.Model = Text(Get(OtlpNames.Model));
            if (data.Model is { Length: > 0 } model)
            {
                // gen_ai.* attributes the export derived from the model are not meta of their own.
                TakeIfEqual(OtlpNames.GenAiRequestModel, model);
                int slash = model.IndexOf('/');
                if (slash > 0)
                {
                    TakeIfEqual(OtlpNames.GenAiProviderName, model.Substring(0, slash));
                }
            }

            if (span.Type == OtlpNames.GenerationType)
            {
                TakeIfEqual(OtlpNames.GenAiOperationName, OtlpNames.ChatOperation);
            }
        }
        else
        {
            ReadTimes(raw, span);
            data.Model = NonEmpty(Text(Get(OtlpNames.GenAiResponseModel))) ?? NonEmpty(Text(Get(OtlpNames.GenAiRequestModel)));
            data.TotalTokens ??= Tokens(Get);
            if (data.Input is null && Get(OtlpNames.GenAiInputMessages) is { } input)
            {
                data.Input = Text(input);
                taken.Add(OtlpNames.GenAiInputMessages);
            }

            if (data.Instructions is null && Get(OtlpNames.GenAiSystemInstructions) is { } instructions)
            {
                data.Instructions = Text(instructions);
                taken.Add(OtlpNames.GenAiSystemInstructions);
            }

            if (data.Output is null && Get(OtlpNames.GenAiOutputMessages) is { } output)
            {
                data.Output = Text(output);
                taken.Add(OtlpNames.GenAiOutputMessages);
            }
        }

        if (raw.StatusCode == OtlpNames.StatusError)
        {
            span.Error = NonEmpty(raw.StatusMessage) ?? ExceptionText(raw) ?? "error";
        }

        span.Metrics = Metrics(raw);
        if (data.Input is not null || data.Output is not null || data.Instructions is not null || data.Function is not null
            || data.Tags is not null || data.Score is not null || data.GenerationId is not null || data.Observations is not null
            || data.TotalTokens is not null || data.Model is not null)
        {
            span.Data = data;
        }

        foreach (KeyValuePair<string, JToken> attribute in attributes)
        {
            if (FieldKeys.Contains(attribute.Key) || (exported && ExportKeys.Contains(attribute.Key)) || taken.Contains(attribute.Key))
            {
                continue;
            }

            (span.Meta ??= new JObject())[attribute.Key] = attribute.Value;
        }

        return span;

        void TakeIfEqual(string key, string expected)
        {
            if (Text(Get(key)) == expected)
            {
                taken.Add(key);
            }
        }
    }

    /// <summary>In the export's scope: the start unless marked invented, the duration only from <c>opper.duration_ms</c>.</summary>
    private static void ReadExportedTimes(OtlpRawSpan raw, SpanSchema span, Func<string, JToken?> get)
    {
        DateTimeOffset? start = Timestamp(get(OtlpNames.StartTime));
        bool unknown = get(OtlpNames.StartTimeUnknown) is { Type: JTokenType.Boolean } flag && (bool)flag;
        if (start is null && !unknown)
        {
            start = OtlpTime.FromUnixNanos(raw.StartNanos);
        }

        span.StartTime = start;
        span.DurationMs = Integer(get(OtlpNames.DurationMs));
        if (start is { } s && span.DurationMs is { } duration && duration >= 0)
        {
            span.EndTime = SpanTiming.AddMilliseconds(s, duration);
        }
    }

    /// <summary>Elsewhere: both times when set (0 means unset), and the duration end − start when the end is not earlier.</summary>
    private static void ReadTimes(OtlpRawSpan raw, SpanSchema span)
    {
        if (raw.StartNanos > 0)
        {
            span.StartTime = OtlpTime.FromUnixNanos(raw.StartNanos);
        }

        if (raw.EndNanos > 0)
        {
            span.EndTime = OtlpTime.FromUnixNanos(raw.EndNanos);
        }

        if (raw.StartNanos > 0 && raw.EndNanos > 0)
        {
            span.DurationMs = OtlpTime.DurationMs(raw.StartNanos, raw.EndNanos);
        }
    }

    /// <summary>Input plus output tokens of the GenAI conventions (the older prompt/completion names too); either alone when only one is there.</summary>
    private static long? Tokens(Func<string, JToken?> get)
    {
        long? input = Integer(get(OtlpNames.GenAiInputTokens)) ?? Integer(get(OtlpNames.GenAiPromptTokens));
        long? output = Integer(get(OtlpNames.GenAiOutputTokens)) ?? Integer(get(OtlpNames.GenAiCompletionTokens));
        return input is null && output is null ? null : (input ?? 0) + (output ?? 0);
    }

    private static List<string>? Tags(JToken? value)
    {
        if (value is JArray array)
        {
            var tags = new List<string>(array.Count);
            foreach (JToken item in array)
            {
                tags.Add(Text(item) ?? string.Empty);
            }

            return tags;
        }

        return Text(value) is { } single ? new List<string> { single } : null;
    }

    /// <summary>The type and message of the span's first <c>exception</c> event.</summary>
    private static string? ExceptionText(OtlpRawSpan raw)
    {
        if (raw.Events is null)
        {
            return null;
        }

        foreach (OtlpRawEvent e in raw.Events)
        {
            if (e.Name != "exception")
            {
                continue;
            }

            string? type = Text(Find(e.Attributes, "exception.type"));
            string? message = Text(Find(e.Attributes, "exception.message"));
            string text = type is null ? message ?? string.Empty : message is null ? type : type + ": " + message;
            return text.Length > 0 ? text : null;
        }

        return null;
    }

    /// <summary>The events that carry <c>opper.metric.value</c>, as metrics.</summary>
    private static List<SpanMetricData>? Metrics(OtlpRawSpan raw)
    {
        List<SpanMetricData>? metrics = null;
        if (raw.Events is null)
        {
            return null;
        }

        foreach (OtlpRawEvent e in raw.Events)
        {
            if (Number(Find(e.Attributes, OtlpNames.MetricValue)) is not { } value)
            {
                continue;
            }

            (metrics ??= new List<SpanMetricData>()).Add(new SpanMetricData
            {
                Id = Text(Find(e.Attributes, OtlpNames.MetricId)) ?? string.Empty,
                Dimension = e.Name ?? string.Empty,
                Value = value,
                CreatedAt = OtlpTime.FromUnixNanos(e.TimeNanos),
                Comment = Text(Find(e.Attributes, OtlpNames.MetricComment)),
            });
        }

        return metrics;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
