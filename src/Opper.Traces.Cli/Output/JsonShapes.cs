using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;

namespace Opper.Traces.Cli.Output;

/// <summary>
/// The shapes every <c>--json</c> document of the tool is built from: the document itself, named
/// values, objects keyed by name, arrays, numbers JSON can hold, and the groups of statistics that
/// several documents share. Unknown values are JSON null.
/// </summary>
internal static class JsonShapes
{
    /// <summary>
    /// Writes one JSON document the way every <c>--json</c> output is written: indented, the
    /// writer left open, a line break after it.
    /// </summary>
    public static void WriteDocument(TextWriter output, Action<JsonWriter> write)
    {
        using (var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false })
        {
            write(json);
        }

        output.WriteLine();
    }

    /// <summary>Writes <c>"name": value</c>.</summary>
    public static void Property(this JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    /// <summary>Writes <c>"name": value</c>, null when unknown.</summary>
    public static void Property(this JsonWriter json, string name, long? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    /// <summary>Writes <c>"name": true|false</c>.</summary>
    public static void Property(this JsonWriter json, string name, bool value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    /// <summary>Writes <c>"name": number</c> with <see cref="WriteNumber"/>.</summary>
    public static void NumberProperty(this JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        json.WriteNumber(value);
    }

    /// <summary>A number, or null when unknown; JSON has no NaN or infinity, so those are null too.</summary>
    public static void WriteNumber(this JsonWriter json, double? value)
    {
        if (value is { } number && !double.IsNaN(number) && !double.IsInfinity(number))
        {
            json.WriteValue(number);
        }
        else
        {
            json.WriteNull();
        }
    }

    /// <summary>Writes <c>"name": {key: value, ...}</c>, each value written by <paramref name="writeValue"/>.</summary>
    public static void Map<T>(this JsonWriter json, string name, IEnumerable<KeyValuePair<string, T>> entries, Action<JsonWriter, T> writeValue)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        foreach (KeyValuePair<string, T> entry in entries)
        {
            json.WritePropertyName(entry.Key);
            writeValue(json, entry.Value);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes <c>"name": [item, ...]</c>, each item written by <paramref name="writeItem"/>.</summary>
    public static void Array<T>(this JsonWriter json, string name, IEnumerable<T> items, Action<JsonWriter, T> writeItem)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (T item in items)
        {
            writeItem(json, item);
        }

        json.WriteEndArray();
    }

    /// <summary>Writes <c>{...}</c>, its properties written by <paramref name="writeProperties"/>.</summary>
    public static void Object<T>(this JsonWriter json, T value, Action<JsonWriter, T> writeProperties)
    {
        json.WriteStartObject();
        writeProperties(json, value);
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes <c>{count, total_duration_ms, average_duration_ms, min_duration_ms, max_duration_ms,
    /// p50_duration_ms, p95_duration_ms}</c>, the shape of every group of durations.
    /// </summary>
    public static void WriteDurationStats(JsonWriter json, DurationStats stats) => json.Object(stats, static (json, stats) =>
    {
        json.Property("count", stats.Count);
        json.Property("total_duration_ms", stats.TotalDurationMs);
        json.NumberProperty("average_duration_ms", stats.AverageDurationMs);
        json.Property("min_duration_ms", stats.MinDurationMs);
        json.Property("max_duration_ms", stats.MaxDurationMs);
        json.Property("p50_duration_ms", stats.P50DurationMs);
        json.Property("p95_duration_ms", stats.P95DurationMs);
    });

    /// <summary>Writes <c>"name": {key: {count, total_duration_ms, ...}}</c>, one <see cref="WriteDurationStats"/> per key.</summary>
    public static void DurationGroups(this JsonWriter json, string name, IReadOnlyDictionary<string, DurationStats> groups) =>
        json.Map(name, groups, WriteDurationStats);

    /// <summary>Writes <c>"name": {model: {calls, total_tokens, total_duration_ms}}</c>.</summary>
    public static void Models(this JsonWriter json, string name, IReadOnlyDictionary<string, ModelStats> models) =>
        json.Map(name, models, static (json, model) => json.Object(model, static (json, model) =>
        {
            json.Property("calls", model.Calls);
            json.Property("total_tokens", model.TotalTokens);
            json.Property("total_duration_ms", model.TotalDurationMs);
        }));

    /// <summary>Writes <c>{count, mean, min, max}</c>, the shape of metrics and scores alike.</summary>
    public static void WriteStats(JsonWriter json, int count, double? mean, double? min, double? max)
    {
        json.WriteStartObject();
        json.Property("count", count);
        json.NumberProperty("mean", mean);
        json.NumberProperty("min", min);
        json.NumberProperty("max", max);
        json.WriteEndObject();
    }
}
