using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Opper.Models;

namespace Opper.Traces.Benchmarks;

/// <summary>
/// Seeded, realistic traces: uuid ids, ISO 8601 times with microseconds and <c>Z</c>, span trees up to
/// depth 8, inputs and outputs of 200–2,000 characters, metrics, nulls and nested meta objects. The same
/// size and seed always give the same bytes.
/// </summary>
internal static class TraceGenerator
{
    public const string TraceId = "7f3e2a91-4c5d-4b8e-9a1f-2d6c8e0b5a37";

    private const int Seed = 20241107;
    private const int MaxDepth = 8;

    private static readonly DateTime s_start = new(2024, 11, 7, 5, 31, 56, DateTimeKind.Utc);

    private static readonly ConcurrentDictionary<int, long> s_sizes = new();

    private static readonly string[] s_types = { "generation", "generation", "generation", "tool", "tool", "call", "call", "retrieval", "guardrail", "" };
    private static readonly string[] s_models = { "openai/gpt-4o-mini", "openai/gpt-4o", "anthropic/claude-3-5-sonnet", "mistral/mistral-large", "gcp/gemini-1.5-pro" };
    private static readonly string[] s_names = { "research_assistant", "plan_research", "web_search", "fetch_page", "summarize_sources", "summarize", "merge_notes", "write_answer", "check_facts", "rank_results" };
    private static readonly string[] s_dimensions = { "latency", "relevance", "faithfulness", "cost", "toxicity" };
    private static readonly string[] s_words =
    {
        "the", "model", "research", "électrique", "vehicle", "battery", "range", "charging", "network", "software", "update", "market",
        "adoption", "price", "margin", "\"quoted\"", "source", "analysis", "perspective", "2012", "85 kWh", "Supercharger", "naïve",
        "日本語", "🚀", "data\\path", "line\nbreak", "tab\tseparated", "summary:", "→", "result", "evidence", "cited", "weight",
    };

    /// <summary>One span of the plan both the JSON and the object forms are made from.</summary>
    private readonly record struct PlannedSpan(
        string Id,
        int Parent,
        int Depth,
        DateTime Start,
        long? DurationMs,
        string Type,
        string Name,
        bool HasError,
        int MetaKind,
        bool HasData,
        string? Model,
        long? Tokens,
        int Metrics,
        long? Score);

    /// <summary>The trace as UTF-8 JSON, the way the API sends it.</summary>
    public static byte[] Json(int spans)
    {
        var random = new Random(Seed + spans);
        var plan = Plan(spans, random);
        using var stream = new MemoryStream(spans * 2600);
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var root = plan[0];
            writer.WriteStartObject();
            writer.WriteString("id", TraceId);
            writer.WriteString("start_time", Timestamp(root.Start));
            WriteEnd(writer, root);
            writer.WriteNumber("duration_ms", root.DurationMs ?? 0);
            writer.WriteString("status", "success");
            writer.WriteString("name", root.Name);
            writer.WriteString("input", Text(random, 200, 2000));
            writer.WriteString("output", Text(random, 200, 2000));
            long tokens = 0;
            foreach (var span in plan)
            {
                tokens += span.Tokens ?? 0;
            }

            writer.WriteNumber("total_tokens", tokens);
            writer.WriteStartArray("spans");
            foreach (var span in plan)
            {
                WriteSpan(writer, span, plan, random);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var bytes = stream.ToArray();
        s_sizes[spans] = bytes.Length;
        return bytes;
    }

    /// <summary>The size of <see cref="Json(int)"/> in bytes.</summary>
    public static long Size(int spans) => s_sizes.TryGetValue(spans, out var size) ? size : Json(spans).LongLength;

    /// <summary>The trace as our DTOs, with short texts: for the analysis benchmarks, where texts play no part.</summary>
    public static GetTraceResponse Objects(int spans)
    {
        var random = new Random(Seed + spans);
        var plan = Plan(spans, random);
        var list = new List<SpanSchema>(spans);
        foreach (var span in plan)
        {
            var schema = new SpanSchema
            {
                Id = span.Id,
                Name = span.Name,
                Type = span.Type,
                ParentId = span.Parent < 0 ? null : plan[span.Parent].Id,
                StartTime = new DateTimeOffset(span.Start),
                EndTime = span.DurationMs is { } duration ? new DateTimeOffset(span.Start.AddMilliseconds(duration)) : null,
                DurationMs = span.DurationMs,
                Error = span.HasError ? "TimeoutError: the page did not answer in time" : null,
                Score = span.Score,
                Data = span.HasData ? new SpanData { Model = span.Model, TotalTokens = span.Tokens, Input = "input", Output = "output" } : null,
                Metrics = new List<SpanMetricData>(),
            };
            for (var m = 0; m < span.Metrics; m++)
            {
                schema.Metrics.Add(new SpanMetricData
                {
                    Id = span.Id + "-m" + m,
                    Dimension = s_dimensions[m % s_dimensions.Length],
                    Value = (span.Start.Ticks % 1000) / 1000.0,
                    CreatedAt = new DateTimeOffset(span.Start),
                });
            }

            list.Add(schema);
        }

        return new GetTraceResponse { Id = TraceId, DurationMs = plan[0].DurationMs, StartTime = new DateTimeOffset(plan[0].Start), Spans = list };
    }

    private static PlannedSpan[] Plan(int count, Random random)
    {
        var plan = new PlannedSpan[count];
        for (var i = 0; i < count; i++)
        {
            int parent;
            int depth;
            DateTime start;
            if (i == 0)
            {
                parent = -1;
                depth = 0;
                start = s_start;
            }
            else
            {
                // A recent span is the parent, so that the tree is deep and bushy; never deeper than 8.
                parent = i - 1 - random.Next(Math.Min(i, 16));
                while (plan[parent].Depth >= MaxDepth)
                {
                    parent = plan[parent].Parent;
                }

                depth = plan[parent].Depth + 1;
                start = plan[parent].Start.AddTicks(random.Next(0, 20_000_000) + (random.Next(1000) * 10));
            }

            var type = s_types[random.Next(s_types.Length)];
            var generation = type == "generation";
            plan[i] = new PlannedSpan(
                Uuid(random),
                parent,
                depth,
                start,
                random.Next(20) == 0 && i > 0 ? null : (i == 0 ? 600_000 + random.Next(60_000) : random.Next(1, 30_000)),
                type,
                s_names[random.Next(s_names.Length)] + (random.Next(4) == 0 ? "_" + i.ToString(CultureInfo.InvariantCulture) : string.Empty),
                random.Next(33) == 0,
                random.Next(10),
                random.Next(7) != 0,
                generation ? s_models[random.Next(s_models.Length)] : null,
                generation ? random.Next(200, 8000) : null,
                random.Next(5) == 0 ? random.Next(1, 4) : 0,
                random.Next(10) == 0 ? random.Next(0, 11) : null);
        }

        return plan;
    }

    private static void WriteSpan(Utf8JsonWriter writer, PlannedSpan span, PlannedSpan[] plan, Random random)
    {
        writer.WriteStartObject();
        writer.WriteString("id", span.Id);
        writer.WriteString("name", span.Name);
        writer.WriteString("start_time", Timestamp(span.Start));
        writer.WriteString("type", span.Type);
        if (span.Parent < 0)
        {
            writer.WriteNull("parent_id");
        }
        else
        {
            writer.WriteString("parent_id", plan[span.Parent].Id);
        }

        WriteEnd(writer, span);
        if (span.DurationMs is { } duration)
        {
            writer.WriteNumber("duration_ms", duration);
        }
        else
        {
            writer.WriteNull("duration_ms");
        }

        if (span.HasError)
        {
            writer.WriteString("error", "TimeoutError: GET https://example.org/page timed out after 5000 ms");
        }
        else
        {
            writer.WriteNull("error");
        }

        WriteMeta(writer, span, random);
        if (span.HasData)
        {
            writer.WriteStartObject("data");
            writer.WriteString("input", Text(random, 200, 2000));
            writer.WriteString("output", Text(random, 200, 2000));
            WriteNullable(writer, "total_tokens", span.Tokens);
            WriteNullable(writer, "model", span.Model);
            WriteNullable(writer, "instructions", span.Model is null ? null : "Answer with sources; keep numbers exact.");
            WriteNullable(writer, "function", random.Next(3) == 0 ? "research_assistant_1731000000" : null);
            if (random.Next(2) == 0)
            {
                writer.WriteStartArray("tags");
                writer.WriteStringValue("automotive");
                writer.WriteStringValue("detailed");
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNull("tags");
            }

            WriteNullable(writer, "score", random.Next(4) == 0 ? random.Next(0, 11) : null);
            WriteNullable(writer, "generation_id", span.Model is null ? null : Uuid(random));
            WriteNullable(writer, "observations", random.Next(5) == 0 ? Text(random, 50, 300) : null);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("data");
        }

        writer.WriteStartArray("metrics");
        for (var m = 0; m < span.Metrics; m++)
        {
            writer.WriteStartObject();
            writer.WriteString("id", Uuid(random));
            writer.WriteString("dimension", s_dimensions[random.Next(s_dimensions.Length)]);
            writer.WriteNumber("value", Math.Round(random.NextDouble(), 4));
            writer.WriteString("created_at", Timestamp(span.Start.AddSeconds(random.Next(1, 3600))));
            WriteNullable(writer, "comment", random.Next(4) == 0 ? "Expert feedback" : null);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteNullable(writer, "score", span.Score);
        writer.WriteEndObject();
    }

    private static void WriteMeta(Utf8JsonWriter writer, PlannedSpan span, Random random)
    {
        switch (span.MetaKind)
        {
            case < 3:
                writer.WriteNull("meta");
                return;
            case < 6:
                writer.WriteStartObject("meta");
                writer.WriteString("provider", span.Model is null ? "internal" : span.Model.Split('/')[0]);
                writer.WriteStartObject("usage");
                writer.WriteNumber("input_tokens", random.Next(100, 5000));
                writer.WriteNumber("output_tokens", random.Next(10, 2000));
                writer.WriteEndObject();
                writer.WriteString("requested_at", Timestamp(span.Start));
                writer.WriteEndObject();
                return;
            default:
                writer.WriteStartObject("meta");
                writer.WriteString("url", "https://example.org/articles/" + random.Next(100_000).ToString(CultureInfo.InvariantCulture));
                writer.WriteStartObject("http");
                writer.WriteNumber("status", random.Next(10) == 0 ? 504 : 200);
                writer.WriteNumber("bytes", random.Next(1000, 90_000));
                writer.WriteStartObject("headers");
                writer.WriteString("content-type", "text/html; charset=UTF-8");
                writer.WriteString("last-modified", Timestamp(span.Start.AddDays(-random.Next(1, 400))));
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteStartArray("attempts");
                for (var a = random.Next(0, 3); a > 0; a--)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("n", a);
                    writer.WriteString("error", "timeout");
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteNumber("account_sequence", 12345678901234567890UL);
                writer.WriteStartObject("empty");
                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
        }
    }

    private static void WriteEnd(Utf8JsonWriter writer, PlannedSpan span)
    {
        if (span.DurationMs is { } duration)
        {
            writer.WriteString("end_time", Timestamp(span.Start.AddMilliseconds(duration).AddTicks(span.Start.Ticks % 10_000)));
        }
        else
        {
            writer.WriteNull("end_time");
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    private static string Timestamp(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Uuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    private static string Text(Random random, int min, int max)
    {
        var length = random.Next(min, max + 1);
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(s_words[random.Next(s_words.Length)]).Append(random.Next(12) == 0 ? ". " : " ");
        }

        // Never cut a surrogate pair in two.
        return text.ToString(0, char.IsHighSurrogate(text[length - 1]) ? length - 1 : length);
    }
}
