using System.IO;
using Newtonsoft.Json;

namespace Opper.Traces.Cli.Output;

/// <summary>
/// A <see cref="TraceSummary"/> as JSON with the snake_case keys of the public contract; unknown
/// values are JSON null.
/// </summary>
internal static class SummaryJson
{
    /// <summary>Writes the summary, indented, followed by a line break.</summary>
    public static void Write(TextWriter output, TraceSummary summary) => JsonShapes.WriteDocument(output, json => Write(json, summary));

    /// <summary>Writes the summary as one JSON object.</summary>
    public static void Write(JsonWriter json, TraceSummary summary) => json.Object(summary, static (json, summary) =>
    {
        json.Property("trace_id", summary.TraceId);
        json.Property("span_count", summary.SpanCount);
        json.Property("root_count", summary.RootCount);
        json.Property("orphan_count", summary.OrphanCount);
        json.Property("max_depth", summary.MaxDepth);
        json.Property("total_tokens", summary.TotalTokens);
        json.Property("generation_time_ms", summary.GenerationTimeMs);
        json.NumberProperty("generation_share", summary.GenerationShare);
        json.NumberProperty("generation_wall_time_ms", summary.GenerationWallTimeMs);
        json.NumberProperty("generation_wall_share", summary.GenerationWallShare);
        json.NumberProperty("average_call_duration_ms", summary.AverageCallDurationMs);
        json.DurationGroups("by_type", summary.ByType);
        json.Models("by_model", summary.ByModel);
        json.Array("errors", summary.Errors, static (json, span) => json.WriteValue(span.Id));
        json.Array("critical_path", summary.CriticalPath, static (json, id) => json.WriteValue(id));
        json.Map("metrics", summary.Metrics, static (json, metric) => JsonShapes.WriteStats(json, metric.Count, metric.Mean, metric.Min, metric.Max));
        json.WritePropertyName("scores");
        JsonShapes.WriteStats(json, summary.Scores.Count, summary.Scores.Mean, summary.Scores.Min, summary.Scores.Max);
    });
}
