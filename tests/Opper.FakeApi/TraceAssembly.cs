using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Opper.FakeApi;

/// <summary>Builds a GetTraceResponse from stored spans, the way the API presents a trace.</summary>
internal static class TraceAssembly
{
    /// <summary>
    /// The trace: spans as SpanSchema in insertion order; name, input, output and status from the
    /// root span (the first without a parent, else the first); the earliest start, the latest end,
    /// the duration between them; total_tokens the sum of the spans' <c>data.total_tokens</c>.
    /// </summary>
    public static JObject Build(string traceId, IEnumerable<JObject> storedSpans)
    {
        var spans = storedSpans.Select(SpanSchema).ToList();
        var root = spans.FirstOrDefault(s => s["parent_id"]?.Type is null or JTokenType.Null) ?? spans.FirstOrDefault();
        var starts = spans.Select(s => (Text: FakeJson.String(s, "start_time"), Time: FakeJson.Time(s, "start_time"))).Where(t => t.Time is not null).ToList();
        var ends = spans.Select(s => (Text: FakeJson.String(s, "end_time"), Time: FakeJson.Time(s, "end_time"))).Where(t => t.Time is not null).ToList();
        var first = starts.Count == 0 ? default : starts.MinBy(t => t.Time);
        var last = ends.Count == 0 ? default : ends.MaxBy(t => t.Time);
        var tokens = spans.Select(s => FakeJson.Long(s["data"]?["total_tokens"])).Where(t => t is not null).ToList();

        return new JObject
        {
            ["id"] = traceId,
            ["start_time"] = first.Text,
            ["end_time"] = last.Text,
            ["duration_ms"] = first.Time is { } from && last.Time is { } to ? (long)(to - from).TotalMilliseconds : null,
            ["status"] = root is null ? null : Status(root),
            ["name"] = root?["name"]?.DeepClone(),
            ["input"] = root?["data"]?["input"]?.DeepClone(),
            ["output"] = root?["data"]?["output"]?.DeepClone(),
            ["total_tokens"] = tokens.Count == 0 ? null : tokens.Sum(),
            ["spans"] = new JArray(spans),
        };
    }

    /// <summary>
    /// A stored span as SpanSchema. Fields a test seeded in SpanSchema's shape (<c>data</c>,
    /// <c>metrics</c>, <c>duration_ms</c>) are kept; otherwise <c>data.input</c>/<c>data.output</c>
    /// come from the span's input and output as text, and the duration from its times.
    /// </summary>
    public static JObject SpanSchema(JObject stored)
    {
        var data = stored["data"] as JObject is { } seeded ? (JObject)seeded.DeepClone() : new JObject();
        if (data["input"] is null)
        {
            data["input"] = FakeJson.AsText(stored["input"]);
        }

        if (data["output"] is null)
        {
            data["output"] = FakeJson.AsText(stored["output"]);
        }

        var duration = FakeJson.Long(stored["duration_ms"]) ??
            (FakeJson.Time(stored, "start_time") is { } start && FakeJson.Time(stored, "end_time") is { } end ? (long)(end - start).TotalMilliseconds : null);
        var span = new JObject
        {
            ["id"] = Copy(stored, "id"),
            ["name"] = Copy(stored, "name"),
            ["start_time"] = Copy(stored, "start_time"),
            ["type"] = Copy(stored, "type"),
            ["parent_id"] = Copy(stored, "parent_id"),
            ["end_time"] = Copy(stored, "end_time"),
            ["duration_ms"] = duration,
            ["error"] = Copy(stored, "error"),
            ["meta"] = Copy(stored, "meta"),
            ["data"] = data,
            ["metrics"] = stored["metrics"] is JArray metrics ? metrics.DeepClone() : new JArray(),
            ["score"] = Copy(stored, "score"),
        };
        if (stored["status"] is { Type: JTokenType.String } status)
        {
            span.AddAnnotation(new SeededStatus((string)status!));
        }

        return span;
    }

    /// <summary>The root span's explicit <c>status</c> when a test seeded one, else "error" when it has an error, else "success".</summary>
    private static string Status(JObject root) =>
        root.Annotation<SeededStatus>()?.Value ?? (root["error"] is { Type: not JTokenType.Null } ? "error" : "success");

    private static JToken Copy(JObject stored, string name) =>
        stored.TryGetValue(name, StringComparison.Ordinal, out var value) ? value.DeepClone() : JValue.CreateNull();

    private sealed record SeededStatus(string Value);
}
