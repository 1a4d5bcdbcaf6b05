using System.Collections.Generic;
using Newtonsoft.Json;
using Opper.Models;

namespace Opper.Traces.Cli.Output.Html;

/// <summary>
/// What the report shows of one span when it is selected, beyond its row: times, error,
/// input/output previews, metrics, score and meta. Empty fields are left out.
/// </summary>
internal static class SpanDetails
{
    /// <summary>The most metrics listed per span.</summary>
    private const int MaxMetrics = 50;

    /// <summary>Writes the span's details as one JSON object.</summary>
    public static void Write(JsonWriter json, SpanNode node, int previewChars)
    {
        SpanSchema span = node.Span;
        SpanData? data = span.Data;
        json.WriteStartObject();
        if (span.StartTime is { } start)
        {
            json.WritePropertyName("start");
            json.WriteValue(Text.Instant(start));
        }

        if (span.EndTime is { } end)
        {
            json.WritePropertyName("end");
            json.WriteValue(Text.Instant(end));
        }

        if (!string.IsNullOrEmpty(span.ParentId))
        {
            json.WritePropertyName("parentId");
            json.WriteValue(Text.Preview(span.ParentId, 200));
        }

        ReportData.WritePreview(json, "error", span.Error, previewChars);
        ReportData.WritePreview(json, "input", data?.Input, previewChars);
        ReportData.WritePreview(json, "output", data?.Output, previewChars);
        ReportData.WritePreview(json, "instructions", data?.Instructions, previewChars);
        if (!string.IsNullOrEmpty(data?.Function))
        {
            json.WritePropertyName("function");
            json.WriteValue(Text.Preview(data!.Function, 200));
        }

        if (data?.Tags is { Count: > 0 } tags)
        {
            json.WritePropertyName("tags");
            json.WriteStartArray();
            for (int i = 0; i < tags.Count && i < MaxMetrics; i++)
            {
                json.WriteValue(Text.Preview(tags[i], 200));
            }

            json.WriteEndArray();
        }

        if (span.Score is { } score)
        {
            json.WritePropertyName("score");
            json.WriteValue(score);
        }

        WriteMetrics(json, span.Metrics);
        if (span.Meta is { Count: > 0 } meta)
        {
            ReportData.WritePreview(json, "meta", meta.ToString(Formatting.Indented), previewChars);
        }

        json.WriteEndObject();
    }

    /// <summary><c>"metrics": [[dimension, value, comment], ...]</c>; <c>"metricCount"</c> too when there are more than are listed.</summary>
    private static void WriteMetrics(JsonWriter json, IList<SpanMetricData>? metrics)
    {
        if (metrics is null || metrics.Count == 0)
        {
            return;
        }

        json.WritePropertyName("metrics");
        json.WriteStartArray();
        int listed = 0;
        foreach (SpanMetricData? metric in metrics)
        {
            if (metric is null || listed == MaxMetrics)
            {
                continue;
            }

            listed++;
            json.WriteStartArray();
            json.WriteValue(Text.Preview(metric.Dimension, 120));
            json.WriteNumber(metric.Value);
            json.WriteValue(string.IsNullOrEmpty(metric.Comment) ? null : Text.Preview(metric.Comment, 400));
            json.WriteEndArray();
        }

        json.WriteEndArray();
        if (metrics.Count > listed)
        {
            json.WritePropertyName("metricCount");
            json.WriteValue(metrics.Count);
        }
    }
}
