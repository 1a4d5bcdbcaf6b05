using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Opper.Models;

namespace Opper.Traces.Cli.Output.Html;

/// <summary>
/// The data of the HTML report as one JSON document, written into a
/// <c>&lt;script type="application/json"&gt;</c> element. Every <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c> in a string is written as a <c>\u</c> escape, so no text of a trace can close the
/// element or start markup. Span rows are arrays, in walk order, to keep 20,000 spans small.
/// </summary>
internal static class ReportData
{
    /// <summary>The most characters of a name the report keeps.</summary>
    private const int NameChars = 300;

    /// <summary>
    /// Characters of free text (input, output, instructions, error, meta) the report holds in all:
    /// each text of a span keeps its share of this (about three texts per span), between
    /// <see cref="MinPreviewChars"/> and <see cref="MaxPreviewChars"/>. A small trace keeps 2,000
    /// characters of each text, 20,000 spans keep 266, so the page stays a few megabytes.
    /// </summary>
    private const int PreviewBudget = 16_000_000;

    /// <summary>The most characters kept of one text.</summary>
    private const int MaxPreviewChars = 2_000;

    /// <summary>The fewest characters kept of one text, however many spans there are.</summary>
    private const int MinPreviewChars = 200;

    /// <summary>Flag of a span row: the span is on the critical path.</summary>
    private const int CriticalFlag = 1;

    /// <summary>Flag of a span row: the span has an error.</summary>
    private const int ErrorFlag = 2;

    /// <summary>Flag of a span row: the span's parent is not in the trace.</summary>
    private const int OrphanFlag = 4;

    /// <summary>Writes the document.</summary>
    public static void Write(TextWriter output, GetTraceResponse trace, SpanTree tree, TraceSummary summary)
    {
        var rows = new List<SpanNode>(tree.Count);
        rows.AddRange(tree.Walk());
        var rowOf = new Dictionary<SpanNode, int>(rows.Count, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < rows.Count; i++)
        {
            rowOf[rows[i]] = i;
        }

        var critical = new HashSet<SpanNode>(tree.CriticalPath(), ReferenceEqualityComparer.Instance);
        var orphans = new HashSet<SpanNode>(tree.Orphans, ReferenceEqualityComparer.Instance);
        Timeline timeline = Timeline.Of(trace, rows);
        int previewChars = Math.Clamp(PreviewBudget / Math.Max(1, rows.Count * 3), MinPreviewChars, MaxPreviewChars);

        using var json = new JsonTextWriter(output)
        {
            Formatting = Formatting.None,
            CloseOutput = false,
            StringEscapeHandling = StringEscapeHandling.EscapeHtml,
        };
        json.WriteStartObject();

        json.WritePropertyName("trace");
        WriteTrace(json, trace, previewChars);

        json.WritePropertyName("summary");
        WriteSummary(json, summary, critical.Count);

        json.WritePropertyName("extentMs");
        json.WriteValue(Round(timeline.ExtentMs));

        json.WritePropertyName("spans");
        json.WriteStartArray();
        foreach (SpanNode node in rows)
        {
            int flags = (critical.Contains(node) ? CriticalFlag : 0)
                | (string.IsNullOrEmpty(node.Span.Error) ? 0 : ErrorFlag)
                | (orphans.Contains(node) ? OrphanFlag : 0);
            WriteRow(json, node, timeline, flags, node.Parent is { } parent ? rowOf[parent] : -1);
        }

        json.WriteEndArray();

        json.WritePropertyName("details");
        json.WriteStartArray();
        foreach (SpanNode node in rows)
        {
            SpanDetails.Write(json, node, previewChars);
        }

        json.WriteEndArray();

        WriteTables(json, summary);

        json.WritePropertyName("problems");
        json.WriteStartArray();
        foreach (TraceProblem problem in tree.Problems)
        {
            json.WriteStartArray();
            json.WriteValue(problem.Kind.ToString());
            json.WriteValue(Text.Preview(problem.Message, 400));
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Text cut to <paramref name="maxChars"/> (never half a surrogate pair); line breaks are kept.</summary>
    internal static string Cut(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        int cut = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return text.Substring(0, cut);
    }

    /// <summary>Writes <c>"name": text</c> cut to <paramref name="maxChars"/>, and <c>"nameLength"</c> when it was cut; nothing when empty.</summary>
    internal static void WritePreview(JsonWriter json, string name, string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        json.WritePropertyName(name);
        json.WriteValue(Cut(text, maxChars));
        if (text.Length > maxChars)
        {
            json.WritePropertyName(name + "Length");
            json.WriteValue(text.Length);
        }
    }

    /// <summary>Milliseconds to the microsecond: enough for a picture, and short.</summary>
    internal static double Round(double milliseconds) => Math.Round(milliseconds, 3, MidpointRounding.AwayFromZero);

    private static void WriteTrace(JsonWriter json, GetTraceResponse trace, int previewChars)
    {
        json.WriteStartObject();
        json.WritePropertyName("id");
        json.WriteValue(trace.Id);
        json.WritePropertyName("name");
        json.WriteValue(string.IsNullOrEmpty(trace.Name) ? null : Text.Name(trace.Name, NameChars));
        json.WritePropertyName("status");
        json.WriteValue(trace.Status);
        json.WritePropertyName("start");
        json.WriteValue(trace.StartTime is { } start ? Text.Instant(start) : null);
        json.WritePropertyName("durationMs");
        json.WriteValue(trace.DurationMs);
        json.WritePropertyName("tokens");
        json.WriteValue(trace.TotalTokens);
        WritePreview(json, "input", trace.Input, previewChars);
        WritePreview(json, "output", trace.Output, previewChars);
        json.WriteEndObject();
    }

    private static void WriteSummary(JsonWriter json, TraceSummary summary, int criticalCount)
    {
        json.WriteStartObject();
        json.WritePropertyName("spanCount");
        json.WriteValue(summary.SpanCount);
        json.WritePropertyName("rootCount");
        json.WriteValue(summary.RootCount);
        json.WritePropertyName("orphanCount");
        json.WriteValue(summary.OrphanCount);
        json.WritePropertyName("maxDepth");
        json.WriteValue(summary.MaxDepth);
        json.WritePropertyName("totalTokens");
        json.WriteValue(summary.TotalTokens);
        json.WritePropertyName("errorCount");
        json.WriteValue(summary.Errors.Count);
        json.WritePropertyName("criticalCount");
        json.WriteValue(criticalCount);
        json.WritePropertyName("generationTimeMs");
        json.WriteValue(summary.GenerationTimeMs);
        json.WritePropertyName("generationShare");
        json.WriteValue(summary.GenerationShare);
        json.WritePropertyName("generationWallTimeMs");
        json.WriteValue(Round(summary.GenerationWallTimeMs));
        json.WritePropertyName("generationWallShare");
        json.WriteValue(summary.GenerationWallShare);
        json.WriteEndObject();
    }

    /// <summary>One span row: <c>[id, name, type, depth, startMs, durationMs, selfMs, model, tokens, flags, parentRow]</c>.</summary>
    private static void WriteRow(JsonWriter json, SpanNode node, Timeline timeline, int flags, int parentRow)
    {
        SpanSchema span = node.Span;
        json.WriteStartArray();
        json.WriteValue(span.Id ?? string.Empty);
        json.WriteValue(Text.Name(span.Name, NameChars));
        json.WriteValue(string.IsNullOrEmpty(span.Type) ? "unknown" : Text.Preview(span.Type, 60));
        json.WriteValue(node.Depth);
        json.WriteValue(node.HasInterval && node.StartTime is { } start ? Round(timeline.OffsetMs(start)) : null);
        json.WriteValue(node.DurationMs);
        json.WriteValue(node.SelfTimeMs is { } self ? Round(self) : null);
        json.WriteValue(node.Model is { } model ? Text.Preview(model, 120) : null);
        json.WriteValue(node.TotalTokens);
        json.WriteValue(flags);
        json.WriteValue(parentRow);
        json.WriteEndArray();
    }

    private static void WriteTables(JsonWriter json, TraceSummary summary)
    {
        json.WritePropertyName("byType");
        json.WriteStartArray();
        foreach (KeyValuePair<string, DurationStats> type in summary.ByType
            .OrderByDescending(t => t.Value.TotalDurationMs).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            DurationStats stats = type.Value;
            json.WriteStartArray();
            json.WriteValue(Text.Preview(type.Key, 60));
            json.WriteValue(stats.Count);
            json.WriteValue(stats.TotalDurationMs);
            json.WriteValue(stats.AverageDurationMs is { } average ? Round(average) : null);
            json.WriteValue(stats.MinDurationMs);
            json.WriteValue(stats.MaxDurationMs);
            json.WriteValue(stats.P50DurationMs);
            json.WriteValue(stats.P95DurationMs);
            json.WriteEndArray();
        }

        json.WriteEndArray();

        json.WritePropertyName("byModel");
        json.WriteStartArray();
        foreach (KeyValuePair<string, ModelStats> model in summary.ByModel
            .OrderByDescending(m => m.Value.TotalTokens).ThenBy(m => m.Key, StringComparer.Ordinal))
        {
            json.WriteStartArray();
            json.WriteValue(Text.Preview(model.Key, 120));
            json.WriteValue(model.Value.Calls);
            json.WriteValue(model.Value.TotalTokens);
            json.WriteValue(model.Value.TotalDurationMs);
            json.WriteEndArray();
        }

        json.WriteEndArray();

        json.WritePropertyName("metrics");
        json.WriteStartArray();
        foreach (KeyValuePair<string, MetricStats> metric in summary.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            json.WriteStartArray();
            json.WriteValue(Text.Preview(metric.Key, 120));
            json.WriteValue(metric.Value.Count);
            json.WriteNumber(metric.Value.Mean);
            json.WriteNumber(metric.Value.Min);
            json.WriteNumber(metric.Value.Max);
            json.WriteEndArray();
        }

        json.WriteEndArray();

        json.WritePropertyName("scores");
        json.WriteStartArray();
        json.WriteValue(summary.Scores.Count);
        json.WriteNumber(summary.Scores.Mean);
        json.WriteNumber(summary.Scores.Min);
        json.WriteNumber(summary.Scores.Max);
        json.WriteEndArray();
    }

    /// <summary>Where the bars go: milliseconds from the earliest start of the trace or a span, up to the latest end.</summary>
    private readonly record struct Timeline(long OriginTicks, double ExtentMs)
    {
        public double OffsetMs(DateTimeOffset start) => (start.UtcTicks - OriginTicks) / (double)TimeSpan.TicksPerMillisecond;

        public static Timeline Of(GetTraceResponse trace, List<SpanNode> rows)
        {
            long origin = trace.StartTime?.UtcTicks ?? long.MaxValue;
            foreach (SpanNode node in rows)
            {
                if (node.HasInterval && node.StartTime is { } start)
                {
                    origin = Math.Min(origin, start.UtcTicks);
                }
            }

            if (origin == long.MaxValue)
            {
                return new Timeline(0, 1);
            }

            var timeline = new Timeline(origin, 0);
            double end = trace.StartTime is { } traceStart && trace.DurationMs is { } traceDuration && traceDuration >= 0
                ? timeline.OffsetMs(traceStart) + traceDuration
                : 0;
            foreach (SpanNode node in rows)
            {
                if (node.HasInterval && node.StartTime is { } start && node.DurationMs is { } duration)
                {
                    end = Math.Max(end, timeline.OffsetMs(start) + duration);
                }
            }

            return new Timeline(origin, end > 0 ? end : 1);
        }
    }
}
