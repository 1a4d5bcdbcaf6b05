using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using Opper.Models;

namespace Opper.Traces.Cli.Output;

/// <summary>
/// A <see cref="TraceSummary"/> as JSON with the snake_case keys of the public contract; unknown
/// values are JSON null.
/// </summary>
internal static class SummaryJson
{
    /// <summary>Writes the summary, indented, followed by a line break.</summary>
    public static void Write(TextWriter output, TraceSummary summary) => WriteDocument(output, json => Write(json, summary));

    /// <summary>
    /// Writes one JSON document the way every <c>--json</c> output is written: indented, the
    /// writer left open, a line break after it.
    /// </summary>
    public static void WriteDocument(TextWriter output, Action<JsonWriter> write)
    {
        using (var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false })
        {
            write(json);
        }

        output.WriteLine();
    }

    /// <summary>Writes the summary as one JSON object.</summary>
    public static void Write(JsonWriter json, TraceSummary summary)
    {
        json.WriteStartObject();
        json.WritePropertyName("trace_id");
        json.WriteValue(summary.TraceId);
        json.WritePropertyName("span_count");
        json.WriteValue(summary.SpanCount);
        json.WritePropertyName("root_count");
        json.WriteValue(summary.RootCount);
        json.WritePropertyName("orphan_count");
        json.WriteValue(summary.OrphanCount);
        json.WritePropertyName("max_depth");
        json.WriteValue(summary.MaxDepth);
        json.WritePropertyName("total_tokens");
        json.WriteValue(summary.TotalTokens);
        json.WritePropertyName("generation_time_ms");
        json.WriteValue(summary.GenerationTimeMs);
        json.WritePropertyName("generation_share");
        WriteNumber(json, summary.GenerationShare);
        json.WritePropertyName("generation_wall_time_ms");
        WriteNumber(json, summary.GenerationWallTimeMs);
        json.WritePropertyName("generation_wall_share");
        WriteNumber(json, summary.GenerationWallShare);
        json.WritePropertyName("average_call_duration_ms");
        WriteNumber(json, summary.AverageCallDurationMs);

        json.WritePropertyName("by_type");
        WriteDurationGroups(json, summary.ByType);

        json.WritePropertyName("by_model");
        WriteModels(json, summary.ByModel);

        json.WritePropertyName("errors");
        json.WriteStartArray();
        foreach (SpanSchema span in summary.Errors)
        {
            json.WriteValue(span.Id);
        }

        json.WriteEndArray();

        json.WritePropertyName("critical_path");
        json.WriteStartArray();
        foreach (string? id in summary.CriticalPath)
        {
            json.WriteValue(id);
        }

        json.WriteEndArray();

        json.WritePropertyName("metrics");
        json.WriteStartObject();
        foreach (KeyValuePair<string, MetricStats> metric in summary.Metrics)
        {
            json.WritePropertyName(metric.Key);
            WriteStats(json, metric.Value.Count, metric.Value.Mean, metric.Value.Min, metric.Value.Max);
        }

        json.WriteEndObject();

        json.WritePropertyName("scores");
        WriteStats(json, summary.Scores.Count, summary.Scores.Mean, summary.Scores.Min, summary.Scores.Max);

        json.WriteEndObject();
    }

    /// <summary>
    /// Writes <c>{count, total_duration_ms, average_duration_ms, min_duration_ms, max_duration_ms,
    /// p50_duration_ms, p95_duration_ms}</c>, the shape of every group of durations.
    /// </summary>
    public static void WriteDurationStats(JsonWriter json, DurationStats stats)
    {
        json.WriteStartObject();
        json.WritePropertyName("count");
        json.WriteValue(stats.Count);
        json.WritePropertyName("total_duration_ms");
        json.WriteValue(stats.TotalDurationMs);
        json.WritePropertyName("average_duration_ms");
        WriteNumber(json, stats.AverageDurationMs);
        json.WritePropertyName("min_duration_ms");
        json.WriteValue(stats.MinDurationMs);
        json.WritePropertyName("max_duration_ms");
        json.WriteValue(stats.MaxDurationMs);
        json.WritePropertyName("p50_duration_ms");
        json.WriteValue(stats.P50DurationMs);
        json.WritePropertyName("p95_duration_ms");
        json.WriteValue(stats.P95DurationMs);
        json.WriteEndObject();
    }

    /// <summary>Writes <c>{key: {count, total_duration_ms, ...}}</c>, one <see cref="WriteDurationStats"/> per key.</summary>
    public static void WriteDurationGroups(JsonWriter json, IReadOnlyDictionary<string, DurationStats> groups)
    {
        json.WriteStartObject();
        foreach (KeyValuePair<string, DurationStats> group in groups)
        {
            json.WritePropertyName(group.Key);
            WriteDurationStats(json, group.Value);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes <c>{model: {calls, total_tokens, total_duration_ms}}</c>.</summary>
    public static void WriteModels(JsonWriter json, IReadOnlyDictionary<string, ModelStats> models)
    {
        json.WriteStartObject();
        foreach (KeyValuePair<string, ModelStats> model in models)
        {
            json.WritePropertyName(model.Key);
            json.WriteStartObject();
            json.WritePropertyName("calls");
            json.WriteValue(model.Value.Calls);
            json.WritePropertyName("total_tokens");
            json.WriteValue(model.Value.TotalTokens);
            json.WritePropertyName("total_duration_ms");
            json.WriteValue(model.Value.TotalDurationMs);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>Writes <c>{count, mean, min, max}</c>, the shape of metrics and scores alike.</summary>
    public static void WriteStats(JsonWriter json, int count, double? mean, double? min, double? max)
    {
        json.WriteStartObject();
        json.WritePropertyName("count");
        json.WriteValue(count);
        json.WritePropertyName("mean");
        WriteNumber(json, mean);
        json.WritePropertyName("min");
        WriteNumber(json, min);
        json.WritePropertyName("max");
        WriteNumber(json, max);
        json.WriteEndObject();
    }

    /// <summary>A number, or null when unknown; JSON has no NaN or infinity, so those are null too.</summary>
    public static void WriteNumber(JsonWriter json, double? value)
    {
        if (value is { } number && !double.IsNaN(number) && !double.IsInfinity(number))
        {
            json.WriteValue(number);
        }
        else
        {
            json.WriteNull();
        }
    }
}
