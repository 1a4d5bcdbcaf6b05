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
        SummaryJson.WriteDocument(output, json => Write(json, stats, unreadable));

    /// <summary>Writes the document as one JSON object.</summary>
    public static void Write(JsonWriter json, TraceStatistics stats, IReadOnlyList<UnreadableInput> unreadable)
    {
        json.WriteStartObject();
        json.WritePropertyName("trace_count");
        json.WriteValue(stats.TraceCount);
        json.WritePropertyName("span_count");
        json.WriteValue(stats.SpanCount);
        json.WritePropertyName("error_count");
        json.WriteValue(stats.ErrorCount);
        json.WritePropertyName("total_tokens");
        json.WriteValue(stats.TotalTokens);
        json.WritePropertyName("trace_duration");
        SummaryJson.WriteDurationStats(json, stats.TraceDuration);
        json.WritePropertyName("by_span_name");
        SummaryJson.WriteDurationGroups(json, stats.BySpanName);
        json.WritePropertyName("by_type");
        SummaryJson.WriteDurationGroups(json, stats.ByType);
        json.WritePropertyName("by_model");
        SummaryJson.WriteModels(json, stats.ByModel);

        json.WritePropertyName("by_trace_name");
        json.WriteStartObject();
        foreach (KeyValuePair<string, TraceNameStats> name in stats.ByTraceName)
        {
            json.WritePropertyName(name.Key);
            json.WriteStartObject();
            json.WritePropertyName("count");
            json.WriteValue(name.Value.Count);
            json.WritePropertyName("error_count");
            json.WriteValue(name.Value.ErrorCount);
            json.WritePropertyName("duration");
            SummaryJson.WriteDurationStats(json, name.Value.Duration);
            json.WritePropertyName("total_tokens");
            json.WriteValue(name.Value.TotalTokens);
            json.WriteEndObject();
        }

        json.WriteEndObject();

        json.WritePropertyName("slowest_spans");
        json.WriteStartArray();
        foreach (SlowSpanStats span in stats.SlowestSpans)
        {
            json.WriteStartObject();
            json.WritePropertyName("name");
            json.WriteValue(span.Name);
            json.WritePropertyName("count");
            json.WriteValue(span.Count);
            json.WritePropertyName("total_self_time_ms");
            SummaryJson.WriteNumber(json, span.TotalSelfTimeMs);
            json.WritePropertyName("p95_duration_ms");
            json.WriteValue(span.P95DurationMs);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WritePropertyName("critical_path_share");
        json.WriteStartObject();
        foreach (KeyValuePair<string, double> share in stats.CriticalPathShare)
        {
            json.WritePropertyName(share.Key);
            SummaryJson.WriteNumber(json, share.Value);
        }

        json.WriteEndObject();

        json.WritePropertyName("unreadable");
        json.WriteStartArray();
        foreach (UnreadableInput input in unreadable)
        {
            json.WriteStartObject();
            json.WritePropertyName("path");
            json.WriteValue(input.Path);
            json.WritePropertyName("reason");
            json.WriteValue(input.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
