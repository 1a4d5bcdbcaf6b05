using System.Text.Json;

namespace Opper.Traces.Cli.Mcp;

/// <summary>The output schema of <c>get_trace_summary</c>: the document of <c>opper-traces summary --json</c>.</summary>
internal static class SummarySchema
{
    private const string Stats = """{"type":"object","properties":{"count":{"type":"integer"},"mean":{"type":["number","null"]},"min":{"type":["number","null"]},"max":{"type":["number","null"]}},"required":["count","mean","min","max"]}""";

    /// <summary>The schema.</summary>
    public static JsonElement Schema { get; } = CompactJson.Element("""
        {
          "type": "object",
          "properties": {
            "trace_id": {"type": ["string", "null"]},
            "span_count": {"type": "integer"},
            "root_count": {"type": "integer"},
            "orphan_count": {"type": "integer"},
            "max_depth": {"type": "integer"},
            "total_tokens": {"type": "integer", "description": "Sum of the spans' tokens."},
            "generation_time_ms": {"type": "integer", "description": "Sum of the durations of generation spans, in ms."},
            "generation_share": {"type": ["number", "null"], "description": "generation_time_ms over the trace's duration, a fraction (0.5 = half); can exceed 1 when generations overlap."},
            "generation_wall_time_ms": {"type": ["number", "null"], "description": "Wall-clock time during which a generation ran, overlaps counted once, in ms."},
            "generation_wall_share": {"type": ["number", "null"], "description": "generation_wall_time_ms over the trace's duration, a fraction."},
            "average_call_duration_ms": {"type": ["number", "null"]},
            "by_type": {
              "type": "object",
              "description": "Per span type: count and duration statistics in ms (null when no span of the type has a known duration).",
              "additionalProperties": {
                "type": "object",
                "properties": {
                  "count": {"type": "integer"},
                  "total_duration_ms": {"type": "integer"},
                  "average_duration_ms": {"type": ["number", "null"]},
                  "min_duration_ms": {"type": ["integer", "null"]},
                  "max_duration_ms": {"type": ["integer", "null"]},
                  "p50_duration_ms": {"type": ["integer", "null"]},
                  "p95_duration_ms": {"type": ["integer", "null"]}
                },
                "required": ["count", "total_duration_ms", "average_duration_ms", "min_duration_ms", "max_duration_ms", "p50_duration_ms", "p95_duration_ms"]
              }
            },
            "by_model": {
              "type": "object",
              "description": "Per model: calls, tokens and total duration in ms.",
              "additionalProperties": {
                "type": "object",
                "properties": {
                  "calls": {"type": "integer"},
                  "total_tokens": {"type": "integer"},
                  "total_duration_ms": {"type": "integer"}
                },
                "required": ["calls", "total_tokens", "total_duration_ms"]
              }
            },
            "errors": {"description": "Ids of the spans with an error, in tree order.", "type": "array", "items": {"type": ["string", "null"]}},
            "critical_path": {"description": "Span ids from the root that ends last down to the leaf that ends last.", "type": "array", "items": {"type": ["string", "null"]}},
            "metrics": {"type": "object", "description": "Per metric dimension: count, mean, min, max.", "additionalProperties": STATS},
            "scores": STATS
          },
          "required": ["trace_id", "span_count", "root_count", "orphan_count", "max_depth", "total_tokens", "generation_time_ms", "generation_share", "generation_wall_time_ms", "generation_wall_share", "average_call_duration_ms", "by_type", "by_model", "errors", "critical_path", "metrics", "scores"]
        }
        """.Replace("STATS", Stats, System.StringComparison.Ordinal));
}
