using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using Opper.Models;

namespace Opper.Traces.Report.Tests;

/// <summary>Traces made for the report's tests.</summary>
internal static class TestTraces
{
    /// <summary>A name and an input that would break a page that pasted them in as markup.</summary>
    public const string HostileName = "</script><img src=x onerror=alert(1)><!--";

    public const string HostileInput = "<script>alert('input')</script> & </SCRIPT > <!-- \u2028 \"quoted\"";

    private static readonly DateTimeOffset Start = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Everything the tree reports as a problem, in one trace: an orphan, a parent cycle, spans
    /// without an id (null and empty), a duplicate id, a span without timing, a negative duration,
    /// several errors, and text that must stay text.
    /// </summary>
    public static GetTraceResponse Awkward()
    {
        var spans = new List<SpanSchema>
        {
            Span("root", null, "call", 0, 4000),
            Span("plan", "root", "generation", 10, 900, model: "openai/gpt-4o", tokens: 1500),
            Span("search", "root", "tool", 950, 2000, error: "HTTP 503 from the search backend"),
            Span("retry", "search", "http", 1000, 300, error: "connection reset"),
            Span("answer", "root", "generation", 3000, 990, model: "anthropic/claude-3-5-sonnet", tokens: 2400),
            Span("hostile", "root", "custom-step", 3100, 100, name: HostileName, input: HostileInput),
            Span("lost", "no-such-span", "tool", 200, 400, error: "orphaned and failed"),
            Span("cycle-a", "cycle-b", "function", 300, 50),
            Span("cycle-b", "cycle-a", "function", 320, 20),
            Span(null, "root", "cache", 15, 2),
            Span(string.Empty, "root", "cache", 16, 3),
            Span("plan", "root", "generation", 2000, 100),
            Span("untimed", "root", null, null, null),
            Span("negative", "root", "tool", 3500, -5),
            Span("otel-chat", "root", "generation", 3200, 500),
        };
        spans[^1].Meta = new JObject
        {
            ["gen_ai.request.model"] = "gpt-4.1",
            ["gen_ai.usage.input_tokens"] = 100,
            ["gen_ai.usage.output_tokens"] = 50,
        };
        spans[1].Metrics = new List<SpanMetricData>
        {
            new SpanMetricData { Id = "m1", Dimension = "faithfulness", Value = 0.75, Comment = "judge", CreatedAt = Start },
        };

        return new GetTraceResponse
        {
            Id = "awkward-trace",
            Name = "awkward <trace> & co",
            StartTime = Start,
            DurationMs = 4000,
            Status = "error",
            Spans = spans,
        };
    }

    /// <summary>
    /// A trace of <paramref name="count"/> spans: one root, steps of ten calls, each with a
    /// generation and tool calls below it; every 997th span has an error.
    /// </summary>
    public static GetTraceResponse Large(int count)
    {
        var spans = new List<SpanSchema>(count) { Span("s0", null, "call", 0, count) };
        string? step = null;
        string? call = null;
        for (int i = 1; i < count; i++)
        {
            string id = "s" + i;
            string? error = i % 997 == 0 ? "failure " + i : null;
            SpanSchema span;
            if (i % 50 == 1)
            {
                span = Span(id, "s0", "call", i, 50, error: error);
                step = id;
            }
            else if (i % 10 == 2)
            {
                span = Span(id, step, "generation", i, 9, model: i % 20 == 2 ? "openai/gpt-4o-mini" : "anthropic/claude-3-5-haiku", tokens: 100 + (i % 900), error: error);
                call = id;
            }
            else
            {
                span = Span(id, call ?? step, i % 3 == 0 ? "http" : "tool", i, 1, error: error);
            }

            spans.Add(span);
        }

        return new GetTraceResponse
        {
            Id = "large-trace",
            Name = "large trace of " + count + " spans",
            StartTime = Start,
            DurationMs = count,
            Status = "success",
            Spans = spans,
        };
    }

    private static SpanSchema Span(
        string? id, string? parent, string? type, long? startMs, long? durationMs,
        string? name = null, string? error = null, string? model = null, long? tokens = null, string? input = null)
    {
        var span = new SpanSchema
        {
            Id = id,
            ParentId = parent,
            Type = type,
            Name = name ?? id ?? "no-id",
            StartTime = startMs is { } at ? Start.AddMilliseconds(at) : null,
            DurationMs = durationMs,
            Error = error,
            Meta = new JObject { ["note"] = "<b>meta</b>" },
        };
        if (model is not null || tokens is not null || input is not null)
        {
            span.Data = new SpanData { Model = model, TotalTokens = tokens, Input = input, Output = "done" };
        }

        return span;
    }
}
