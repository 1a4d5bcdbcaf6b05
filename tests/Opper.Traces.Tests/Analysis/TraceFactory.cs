using System;
using System.Collections.Generic;
using Opper.Models;

namespace Opper.Traces.Tests.Analysis;

/// <summary>Small builders for hand-computed traces: times are milliseconds after <see cref="T0"/>.</summary>
internal static class TraceFactory
{
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double ms) => T0.AddTicks((long)Math.Round(ms * TimeSpan.TicksPerMillisecond));

    /// <summary>A span; <paramref name="start"/>/<paramref name="end"/> are ms after T0.</summary>
    public static SpanSchema Span(
        string? id,
        string? parent = null,
        double? start = null,
        long? duration = null,
        string? name = null,
        string? type = null,
        double? end = null) =>
        new SpanSchema
        {
            Id = id,
            ParentId = parent,
            StartTime = start.HasValue ? At(start.Value) : null,
            EndTime = end.HasValue ? At(end.Value) : null,
            DurationMs = duration,
            Name = name ?? id,
            Type = type,
        };

    /// <summary>Sets the span's <c>data</c> and returns the span.</summary>
    public static SpanSchema WithData(SpanSchema span, string? model = null, long? tokens = null, long? dataScore = null)
    {
        span.Data = new SpanData { Model = model, TotalTokens = tokens, Score = dataScore };
        return span;
    }

    public static GetTraceResponse Trace(params SpanSchema?[] spans) =>
        new GetTraceResponse { Id = "trace-1", Spans = new List<SpanSchema>(spans!) };

    public static SpanTree Tree(params SpanSchema?[] spans) => Trace(spans).BuildTree();

    public static List<string?> Ids(IEnumerable<SpanNode> nodes)
    {
        var ids = new List<string?>();
        foreach (SpanNode node in nodes)
        {
            ids.Add(node.Span.Id);
        }

        return ids;
    }
}
