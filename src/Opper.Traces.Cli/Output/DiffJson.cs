using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;

namespace Opper.Traces.Cli.Output;

/// <summary>
/// A <see cref="TraceDiff"/> as JSON with the snake_case keys of the public contract; the
/// document of <c>diff --json</c>. Matched spans come largest duration change first.
/// </summary>
internal static class DiffJson
{
    /// <summary>Writes the document, indented, followed by a line break.</summary>
    public static void Write(TextWriter output, TraceDiff diff) => SummaryJson.WriteDocument(output, json => Write(json, diff));

    /// <summary>Writes the document as one JSON object.</summary>
    public static void Write(JsonWriter json, TraceDiff diff)
    {
        json.WriteStartObject();
        json.WritePropertyName("matched");
        json.WriteStartArray();
        foreach (SpanPair pair in DiffText.LargestChangesFirst(diff.Matched))
        {
            json.WriteStartObject();
            json.WritePropertyName("key");
            json.WriteValue(pair.Key);
            json.WritePropertyName("before_id");
            json.WriteValue(pair.Before.Span.Id);
            json.WritePropertyName("after_id");
            json.WriteValue(pair.After.Span.Id);
            json.WritePropertyName("duration_delta_ms");
            json.WriteValue(pair.DurationDeltaMs);
            json.WritePropertyName("tokens_delta");
            json.WriteValue(pair.TokensDelta);
            json.WritePropertyName("model_changed");
            json.WriteValue(pair.ModelChanged);
            json.WritePropertyName("error_appeared");
            json.WriteValue(pair.ErrorAppeared);
            json.WritePropertyName("error_resolved");
            json.WriteValue(pair.ErrorResolved);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("added");
        WriteSpans(json, diff.Added);
        json.WritePropertyName("removed");
        WriteSpans(json, diff.Removed);
        json.WritePropertyName("duration_delta_ms");
        json.WriteValue(diff.DurationDeltaMs);
        json.WritePropertyName("tokens_delta");
        json.WriteValue(diff.TokensDelta);

        json.WritePropertyName("by_type");
        json.WriteStartObject();
        foreach (KeyValuePair<string, TypeDelta> type in diff.ByType)
        {
            json.WritePropertyName(type.Key);
            json.WriteStartObject();
            json.WritePropertyName("count_before");
            json.WriteValue(type.Value.CountBefore);
            json.WritePropertyName("count_after");
            json.WriteValue(type.Value.CountAfter);
            json.WritePropertyName("count_delta");
            json.WriteValue(type.Value.CountDelta);
            json.WritePropertyName("total_duration_ms_before");
            json.WriteValue(type.Value.TotalDurationMsBefore);
            json.WritePropertyName("total_duration_ms_after");
            json.WriteValue(type.Value.TotalDurationMsAfter);
            json.WritePropertyName("duration_delta_ms");
            json.WriteValue(type.Value.DurationDeltaMs);
            json.WriteEndObject();
        }

        json.WriteEndObject();

        json.WritePropertyName("by_model");
        json.WriteStartObject();
        foreach (KeyValuePair<string, ModelDelta> model in diff.ByModel)
        {
            json.WritePropertyName(model.Key);
            json.WriteStartObject();
            json.WritePropertyName("calls_before");
            json.WriteValue(model.Value.CallsBefore);
            json.WritePropertyName("calls_after");
            json.WriteValue(model.Value.CallsAfter);
            json.WritePropertyName("calls_delta");
            json.WriteValue(model.Value.CallsDelta);
            json.WritePropertyName("tokens_before");
            json.WriteValue(model.Value.TokensBefore);
            json.WritePropertyName("tokens_after");
            json.WriteValue(model.Value.TokensAfter);
            json.WritePropertyName("tokens_delta");
            json.WriteValue(model.Value.TokensDelta);
            json.WritePropertyName("total_duration_ms_before");
            json.WriteValue(model.Value.TotalDurationMsBefore);
            json.WritePropertyName("total_duration_ms_after");
            json.WriteValue(model.Value.TotalDurationMsAfter);
            json.WritePropertyName("duration_delta_ms");
            json.WriteValue(model.Value.DurationDeltaMs);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSpans(JsonWriter json, IReadOnlyList<UnmatchedSpan> spans)
    {
        json.WriteStartArray();
        foreach (UnmatchedSpan span in spans)
        {
            json.WriteStartObject();
            json.WritePropertyName("key");
            json.WriteValue(span.Key);
            json.WritePropertyName("span_id");
            json.WriteValue(span.Node.Span.Id);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
