using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;

namespace Opper.Traces.Cli.Output;

/// <summary>
/// <see cref="TraceStatistics"/> as JSON with the snake_case keys of the public contract, plus
/// the inputs that could not be read (<c>unreadable</c>); the document of <c>stats --json</c>.
/// </summary>
internal static class StatsJson
{
    /// <summary>Writes the document, indented, followed by a line break.</summary>
    public static void Write(TextWriter output, TraceStatistics stats, IReadOnlyList<UnreadableInput> unreadable) =>
        JsonShapes.WriteDocument(output, json => Write(json, stats, unreadable));

    /// <summary>Writes the document as one JSON object.</summary>
    public static void Write(JsonWriter json, TraceStatistics stats, IReadOnlyList<UnreadableInput> unreadable)
    {
        json.WriteStartObject();
        json.Property("trace_count", stats.TraceCount);
        json.Property("span_count", stats.SpanCount);
        json.Property("error_count", stats.ErrorCount);
        json.Property("total_tokens", stats.TotalTokens);
        json.WritePropertyName("trace_duration");
        JsonShapes.WriteDurationStats(json, stats.TraceDuration);
        json.DurationGroups("by_span_name", stats.BySpanName);
        json.DurationGroups("by_type", stats.ByType);
        json.Models("by_model", stats.ByModel);
        json.Map("by_trace_name", stats.ByTraceName, static (json, name) => json.Object(name, static (json, name) =>
        {
            json.Property("count", name.Count);
            json.Property("error_count", name.ErrorCount);
            json.WritePropertyName("duration");
            JsonShapes.WriteDurationStats(json, name.Duration);
            json.Property("total_tokens", name.TotalTokens);
        }));
        json.Array("slowest_spans", stats.SlowestSpans, static (json, span) => json.Object(span, static (json, span) =>
        {
            json.Property("name", span.Name);
            json.Property("count", span.Count);
            json.NumberProperty("total_self_time_ms", span.TotalSelfTimeMs);
            json.Property("p95_duration_ms", span.P95DurationMs);
        }));
        json.Map("critical_path_share", stats.CriticalPathShare, static (json, share) => json.WriteNumber(share));
        json.Array("unreadable", unreadable, static (json, input) => json.Object(input, static (json, input) =>
        {
            json.Property("path", input.Path);
            json.Property("reason", input.Reason);
        }));
        json.WriteEndObject();
    }
}
