using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using Opper.Models;

namespace Opper.Traces.Cli.Output;

/// <summary>
/// Writes a trace in the Chrome trace-event format (JSON object form), which Perfetto
/// (ui.perfetto.dev) and chrome://tracing open: one complete event (<c>"ph": "X"</c>) per span
/// that has an interval, <c>ts</c>/<c>dur</c> in microseconds from the earliest start,
/// <c>pid</c> 1 and <c>tid</c> the span's depth in the tree.
/// </summary>
internal static class ChromeTrace
{
    /// <summary>What was written.</summary>
    public readonly record struct Result(int Exported, int Skipped);

    /// <summary>Writes the trace; spans without an interval (no start or no known duration) are skipped and counted.</summary>
    public static Result Write(TextWriter output, GetTraceResponse trace)
    {
        SpanTree tree = trace.BuildTree();
        var shown = new List<SpanNode>();
        long originTicks = long.MaxValue;
        int maxDepth = -1;
        foreach (SpanNode node in tree.Walk())
        {
            if (node.HasInterval)
            {
                shown.Add(node);
                originTicks = Math.Min(originTicks, node.StartTime!.Value.UtcTicks);
                maxDepth = Math.Max(maxDepth, node.Depth);
            }
        }

        int skipped = tree.Count - shown.Count;
        using (var json = new JsonTextWriter(output) { Formatting = Formatting.None, CloseOutput = false })
        {
            json.WriteStartObject();
            json.WritePropertyName("traceEvents");
            json.WriteStartArray();

            WriteMetadata(json, "process_name", 0, "name", "Trace " + Text.Name(trace.Name));
            for (int depth = 0; depth <= maxDepth; depth++)
            {
                WriteMetadata(json, "thread_name", depth, "name", "depth " + depth.ToString(System.Globalization.CultureInfo.InvariantCulture));
                WriteMetadata(json, "thread_sort_index", depth, "sort_index", depth);
            }

            foreach (SpanNode node in shown)
            {
                SpanSchema span = node.Span;
                json.WriteStartObject();
                json.WritePropertyName("name");
                json.WriteValue(string.IsNullOrEmpty(span.Name) ? "(unnamed)" : span.Name);
                json.WritePropertyName("cat");
                json.WriteValue(string.IsNullOrEmpty(span.Type) ? "unknown" : span.Type);
                json.WritePropertyName("ph");
                json.WriteValue("X");
                json.WritePropertyName("ts");
                WriteMicroseconds(json, node.StartTime!.Value.UtcTicks - originTicks);
                json.WritePropertyName("dur");
                WriteDuration(json, node.DurationMs!.Value);
                json.WritePropertyName("pid");
                json.WriteValue(1);
                json.WritePropertyName("tid");
                json.WriteValue(node.Depth);
                json.WritePropertyName("args");
                json.WriteStartObject();
                json.WritePropertyName("id");
                json.WriteValue(span.Id);
                json.WritePropertyName("parent_id");
                json.WriteValue(span.ParentId);
                json.WritePropertyName("model");
                json.WriteValue(span.Data?.Model);
                json.WritePropertyName("tokens");
                json.WriteValue(span.Data?.TotalTokens);
                json.WritePropertyName("error");
                json.WriteValue(span.Error);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WritePropertyName("displayTimeUnit");
            json.WriteValue("ms");

            // Free-form metadata that viewers show in their info panel.
            json.WritePropertyName("otherData");
            json.WriteStartObject();
            json.WritePropertyName("trace_id");
            json.WriteValue(trace.Id);
            json.WritePropertyName("trace_name");
            json.WriteValue(trace.Name);
            json.WritePropertyName("span_count");
            json.WriteValue(tree.Count);
            json.WritePropertyName("exported_spans");
            json.WriteValue(shown.Count);
            json.WritePropertyName("skipped_spans");
            json.WriteValue(skipped);
            json.WriteEndObject();

            json.WriteEndObject();
        }

        output.WriteLine();
        return new Result(shown.Count, skipped);
    }

    /// <summary>A metadata event (<c>"ph": "M"</c>) with one argument.</summary>
    private static void WriteMetadata(JsonWriter json, string name, int tid, string argName, object argValue)
    {
        json.WriteStartObject();
        json.WritePropertyName("name");
        json.WriteValue(name);
        json.WritePropertyName("ph");
        json.WriteValue("M");
        json.WritePropertyName("pid");
        json.WriteValue(1);
        json.WritePropertyName("tid");
        json.WriteValue(tid);
        json.WritePropertyName("args");
        json.WriteStartObject();
        json.WritePropertyName(argName);
        json.WriteValue(argValue);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Milliseconds as microseconds, exactly (a decimal only when a long cannot hold them).</summary>
    private static void WriteDuration(JsonWriter json, long milliseconds)
    {
        if (milliseconds <= long.MaxValue / 1000)
        {
            json.WriteValue(milliseconds * 1000);
        }
        else
        {
            json.WriteValue(milliseconds * 1000m);
        }
    }

    /// <summary>Ticks (100 ns) as microseconds: whole numbers stay integers, the rest keep their tenth.</summary>
    private static void WriteMicroseconds(JsonWriter json, long ticks)
    {
        if (ticks % 10 == 0)
        {
            json.WriteValue(ticks / 10);
        }
        else
        {
            json.WriteValue(ticks / 10m);
        }
    }
}
