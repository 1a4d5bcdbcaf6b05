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
    public static void Write(TextWriter output, TraceDiff diff) => JsonShapes.WriteDocument(output, json => Write(json, diff));

    /// <summary>Writes the document as one JSON object.</summary>
    public static void Write(JsonWriter json, TraceDiff diff) => json.Object(diff, static (json, diff) =>
    {
        json.Array("matched", DiffText.LargestChangesFirst(diff.Matched), static (json, pair) => json.Object(pair, static (json, pair) =>
        {
            json.Property("key", pair.Key);
            json.Property("before_id", pair.Before.Span.Id);
            json.Property("after_id", pair.After.Span.Id);
            json.Property("duration_delta_ms", pair.DurationDeltaMs);
            json.Property("tokens_delta", pair.TokensDelta);
            json.Property("model_changed", pair.ModelChanged);
            json.Property("error_appeared", pair.ErrorAppeared);
            json.Property("error_resolved", pair.ErrorResolved);
        }));
        json.Array("added", diff.Added, WriteUnmatched);
        json.Array("removed", diff.Removed, WriteUnmatched);
        json.Property("duration_delta_ms", diff.DurationDeltaMs);
        json.Property("tokens_delta", diff.TokensDelta);
        json.Map("by_type", diff.ByType, static (json, type) => json.Object(type, static (json, type) =>
        {
            json.Property("count_before", type.CountBefore);
            json.Property("count_after", type.CountAfter);
            json.Property("count_delta", type.CountDelta);
            json.Property("total_duration_ms_before", type.TotalDurationMsBefore);
            json.Property("total_duration_ms_after", type.TotalDurationMsAfter);
            json.Property("duration_delta_ms", type.DurationDeltaMs);
        }));
        json.Map("by_model", diff.ByModel, static (json, model) => json.Object(model, static (json, model) =>
        {
            json.Property("calls_before", model.CallsBefore);
            json.Property("calls_after", model.CallsAfter);
            json.Property("calls_delta", model.CallsDelta);
            json.Property("tokens_before", model.TokensBefore);
            json.Property("tokens_after", model.TokensAfter);
            json.Property("tokens_delta", model.TokensDelta);
            json.Property("total_duration_ms_before", model.TotalDurationMsBefore);
            json.Property("total_duration_ms_after", model.TotalDurationMsAfter);
            json.Property("duration_delta_ms", model.DurationDeltaMs);
        }));
    });

    private static void WriteUnmatched(JsonWriter json, UnmatchedSpan span) => json.Object(span, static (json, span) =>
    {
        json.Property("key", span.Key);
        json.Property("span_id", span.Node.Span.Id);
    });
}
