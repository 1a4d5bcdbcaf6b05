using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Otlp;

/// <summary>The traces the OTLP tests send through the mapping: the spec's examples and hand-made ones full of bad data.</summary>
internal static class OtlpFixtures
{
    /// <summary>Every named trace, for <c>TestCaseSource</c>.</summary>
    public static IEnumerable<TestCaseData> All() =>
        Traces().Select(t => new TestCaseData(t.Name).SetName("{m}(" + t.Name + ")"));

    public static GetTraceResponse Get(string name) => Traces().Single(t => t.Name == name).Trace();

    public static IEnumerable<(string Name, Func<GetTraceResponse> Trace)> Traces()
    {
        foreach (string file in Directory.GetFiles(Examples.ExamplesDirectory, "GetTraceResponse.*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            yield return (name, () => Examples.Read<GetTraceResponse>(name));
        }

        yield return ("empty", () => new GetTraceResponse { Id = "empty-trace", Spans = new List<SpanSchema>() });
        yield return ("no-spans-list", () => new GetTraceResponse { Id = "7f3e2a91-4c5d-4b8e-9a1f-2d6c8e0b5a37" });
        yield return ("simple", Simple);
        yield return ("orphans", () => Trace(
            Span("a", start: 0, duration: 100, type: "call"),
            Span("b", "missing-parent", start: 10, duration: 50, type: "generation"),
            Span("c", "b", start: 20, duration: 10, type: "tool"),
            Span("d", "", start: 30, duration: 5)));
        yield return ("cycles", () => Trace(
            Span("a", "c", start: 0, duration: 100, type: "call"),
            Span("b", "a", start: 10, duration: 50, type: "generation"),
            Span("c", "b", start: 20, duration: 10),
            Span("self", "self", start: 5, duration: 1),
            Span("root", start: 0, duration: 200)));
        yield return ("duplicate-ids", () => Trace(
            Span("a", start: 0, duration: 100),
            Span("a", start: 5, duration: 10, type: "generation"),
            Span("b", "a", start: 10, duration: 20),
            Span("a", "b", start: 12, duration: 3)));
        yield return ("null-and-empty-ids", () => Trace(
            Span(null, start: 0, duration: 100, name: "nameless"),
            Span("", start: 1, duration: 10, name: "empty"),
            Span("x", "", start: 2, duration: 5),
            Span(null, "x", start: 3, duration: 1, name: "child of x"),
            null));
        yield return ("unknown-durations", () => Trace(
            Span("root", start: 0, duration: 500, type: "call"),
            Span("negative", "root", start: 10, duration: -5, type: "generation"),
            Span("reversed", "root", start: 100, end: 50, type: "generation"),
            Span("open", "root", start: 200, type: "tool"),
            Span("from-times", "root", start: 300, end: 412.75, type: "generation")));
        yield return ("missing-starts", () =>
        {
            GetTraceResponse trace = Trace(
                Span("root", start: 0, duration: 1000, type: "call"),
                Span("no-start", "root", duration: 300, type: "generation"),
                Span("no-start-no-duration", "root", type: "generation"),
                Span("end-only", "root", end: 40, type: "tool"));
            trace.StartTime = At(0);
            return trace;
        });
        yield return ("missing-starts-no-trace-start", () => Trace(
            Span("a", duration: 10, type: "generation"),
            Span("b", "a", duration: 5)));
        yield return ("non-uuid-trace-id", () =>
        {
            GetTraceResponse trace = Simple();
            trace.Id = "trace #42 / ünïcode";
            return trace;
        });
        yield return ("extreme-instants", () => Trace(
            new SpanSchema { Id = "old", StartTime = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.FromHours(3)), DurationMs = 1000, Type = "call" },
            new SpanSchema { Id = "late", ParentId = "old", StartTime = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), DurationMs = long.MaxValue },
            new SpanSchema { Id = "offset", ParentId = "old", StartTime = new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.FromHours(-9.5)), DurationMs = 7 }));
        yield return ("model-and-tokens-in-meta", () =>
        {
            // As the OpenTelemetry exporter sends spans: the GenAI attributes in meta, no data.
            GetTraceResponse trace = Trace(
                Span("00f067aa0ba902b74bf92f3577b34da6", start: 0, duration: 900, name: "agent", type: "call"),
                Span("53995c3f42cd8ad84bf92f3577b34da6", "00f067aa0ba902b74bf92f3577b34da6", start: 10, duration: 400, name: "chat gpt-4o", type: "generation"),
                Span("a3ce929d0e0e47364bf92f3577b34da6", "00f067aa0ba902b74bf92f3577b34da6", start: 500, duration: 300, name: "chat", type: "generation"));
            trace.Spans![1].Meta = new JObject
            {
                ["gen_ai.operation.name"] = "chat",
                ["gen_ai.request.model"] = "gpt-4o",
                ["gen_ai.response.model"] = "gpt-4o-2024-08-06",
                ["gen_ai.usage.input_tokens"] = 12L,
                ["gen_ai.usage.output_tokens"] = 30L,
            };
            trace.Spans![2].Meta = new JObject { ["gen_ai.request.model"] = "claude-3-5-sonnet", ["gen_ai.usage.output_tokens"] = 5L };
            trace.Spans![2].Data = new SpanData { Model = "anthropic/claude-3-5-sonnet" };
            trace.Spans!.Add(Span("untyped", "00f067aa0ba902b74bf92f3577b34da6", start: 850, duration: 20, name: "untyped chat"));
            trace.Spans![3].Meta = new JObject { ["gen_ai.operation.name"] = "chat" };
            return trace;
        });
        yield return ("random", () => Random(7, 300));
    }

    /// <summary>A trace with a bit of everything the mapping carries.</summary>
    public static GetTraceResponse Simple()
    {
        GetTraceResponse trace = Trace(
            Span("1b4c2d6e-0000-4000-8000-000000000001", start: 0, duration: 1000, name: "agent", type: "call"),
            Span("1b4c2d6e-0000-4000-8000-000000000002", "1b4c2d6e-0000-4000-8000-000000000001", start: 10, duration: 400, name: "llm", type: "generation"),
            Span("1b4c2d6e-0000-4000-8000-000000000003", "1b4c2d6e-0000-4000-8000-000000000001", start: 500, duration: 200, name: "search", type: "tool"));
        trace.Id = "0f7c2a91-4c5d-4b8e-9a1f-2d6c8e0b5a37";
        trace.Name = "agent run";
        trace.StartTime = At(0);
        trace.EndTime = At(1000);
        trace.DurationMs = 1000;
        trace.Status = "completed";
        trace.TotalTokens = 42;
        SpanSchema llm = trace.Spans![1];
        llm.Data = new SpanData
        {
            Model = "openai/gpt-4o-mini",
            TotalTokens = 42,
            Input = "What is 2+2?",
            Output = "4",
            Instructions = "Be brief.",
            Tags = new List<string> { "math", "quick" },
        };
        llm.Score = 7;
        llm.Meta = (JObject)Client.Support.Examples.Parse("{\"temperature\": 0.2, \"retries\": 2, \"cached\": false, \"when\": \"2024-01-01T00:00:00Z\", \"nested\": {\"a\": [1, \"two\", null]}, \"nothing\": null}");
        llm.Metrics = new List<SpanMetricData>
        {
            new SpanMetricData { Id = "m1", Dimension = "accuracy", Value = 0.75, CreatedAt = At(500), Comment = "looks right" },
        };
        trace.Spans[2].Error = "search backend timed out";
        return trace;
    }

    private static string RandomUuid(Random rng)
    {
        var bytes = new byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    /// <summary>A seeded random trace with every kind of bad data the analysis copes with.</summary>
    public static GetTraceResponse Random(int seed, int count)
    {
        var rng = new Random(seed);
        string?[] types = { null, "", "generation", "call", "tool", "Generation" };
        var spans = new List<SpanSchema?>();
        for (int i = 0; i < count; i++)
        {
            if (rng.NextDouble() < 0.02)
            {
                spans.Add(null);
                continue;
            }

            double r = rng.NextDouble();
            string? id = r < 0.05 ? null : r < 0.08 ? "" : r < 0.2 ? "s" + rng.Next(Math.Max(1, i)) : r < 0.6 ? RandomUuid(rng) : "s" + i;
            r = rng.NextDouble();
            string? parent = r < 0.15 ? null : r < 0.2 ? "" : r < 0.25 ? "missing" + rng.Next(5) : spans.Count > 0 && spans[rng.Next(spans.Count)] is { } p ? p.Id : null;
            double? start = rng.NextDouble() < 0.15 ? null : rng.Next(0, 2000);
            r = rng.NextDouble();
            long? duration = r < 0.3 ? null : r < 0.37 ? -rng.Next(1, 100) : rng.Next(0, 300);
            double? end = rng.NextDouble() < 0.6 ? (start ?? 0) + rng.Next(-50, 300) : null;
            SpanSchema span = Span(id, parent, start, duration, name: "span" + i, type: types[rng.Next(types.Length)], end: end);
            if (rng.NextDouble() < 0.3)
            {
                span.Data = new SpanData { Model = rng.NextDouble() < 0.2 ? "" : "vendor/m" + rng.Next(3), TotalTokens = rng.NextDouble() < 0.8 ? rng.Next(0, 1000) : null };
            }

            span.Error = rng.NextDouble() < 0.1 ? "err" + i : null;
            spans.Add(span);
        }

        GetTraceResponse trace = Trace(spans.ToArray());
        trace.StartTime = At(0);
        trace.DurationMs = 2500;
        return trace;
    }
}
