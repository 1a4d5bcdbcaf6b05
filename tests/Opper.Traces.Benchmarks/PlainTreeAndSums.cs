using System;
using System.Collections.Generic;
using Opper.Models;

namespace Opper.Traces.Benchmarks;

/// <summary>
/// The baseline for <see cref="AnalysisBenchmarks"/>: the tree and the summary's sums written the
/// straightforward way, as an application would for its own use: a dictionary from id to a node
/// object with a list of children, children sorted by start, a walk with a stack, and the same
/// figures as <see cref="TraceSummary"/> (tokens and calls per model, durations and nearest-rank
/// percentiles per type, generation time and wall time, call average, errors in walk order,
/// metrics, scores, critical path). It skips what the SDK adds on top (problems, cycle repair,
/// self time of every span, duplicate ids, nodes that can be reached from many threads), so it
/// is the cost of the figures themselves.
/// </summary>
internal static class PlainTreeAndSums
{
    private sealed class Node
    {
        public Node(SpanSchema span, int index)
        {
            Span = span;
            Index = index;
            if (span.DurationMs is { } reported)
            {
                Duration = reported >= 0 ? reported : null;
            }
            else if (span.StartTime is { } s && span.EndTime is { } e && e >= s)
            {
                Duration = (e.UtcTicks - s.UtcTicks) / TimeSpan.TicksPerMillisecond;
            }

            StartTicks = span.StartTime?.UtcTicks ?? long.MaxValue;
            EndTicks = span.StartTime is not null && Duration is { } d ? StartTicks + (d * TimeSpan.TicksPerMillisecond) : long.MinValue;
        }

        public SpanSchema Span { get; }

        public int Index { get; }

        public long? Duration { get; }

        public long StartTicks { get; }

        public long EndTicks { get; }

        public List<Node> Children { get; } = new();

        public int Depth { get; set; }
    }

    /// <summary>The figures, reduced to one number so that nothing is optimised away.</summary>
    public static long Run(GetTraceResponse trace)
    {
        IList<SpanSchema> spans = trace.Spans!;
        var nodes = new List<Node>(spans.Count);
        var byId = new Dictionary<string, Node>(spans.Count);
        for (int i = 0; i < spans.Count; i++)
        {
            var node = new Node(spans[i], i);
            nodes.Add(node);
            if (!string.IsNullOrEmpty(node.Span.Id))
            {
                byId.TryAdd(node.Span.Id!, node);
            }
        }

        var roots = new List<Node>();
        foreach (Node node in nodes)
        {
            if (!string.IsNullOrEmpty(node.Span.ParentId) && byId.TryGetValue(node.Span.ParentId!, out Node? parent))
            {
                parent.Children.Add(node);
            }
            else
            {
                roots.Add(node);
            }
        }

        Comparison<Node> byStart = (a, b) => a.StartTicks != b.StartTicks ? a.StartTicks.CompareTo(b.StartTicks) : a.Index.CompareTo(b.Index);
        roots.Sort(byStart);
        var walk = new List<Node>(nodes.Count);
        var stack = new Stack<Node>();
        for (int r = roots.Count - 1; r >= 0; r--)
        {
            stack.Push(roots[r]);
        }

        int maxDepth = 0;
        while (stack.Count > 0)
        {
            Node node = stack.Pop();
            walk.Add(node);
            maxDepth = Math.Max(maxDepth, node.Depth);
            node.Children.Sort(byStart);
            for (int c = node.Children.Count - 1; c >= 0; c--)
            {
                node.Children[c].Depth = node.Depth + 1;
                stack.Push(node.Children[c]);
            }
        }

        long tokens = 0;
        long generationTime = 0;
        long callSum = 0;
        int callCount = 0;
        long scoreSum = 0;
        int scoreCount = 0;
        var byType = new Dictionary<string, List<long>>();
        var typeCounts = new Dictionary<string, int>();
        var byModel = new Dictionary<string, (int Calls, long Tokens, long Duration)>();
        var metrics = new Dictionary<string, (int Count, double Sum, double Min, double Max)>();
        var generations = new List<(long Start, long End)>();
        var errors = new List<SpanSchema>();
        foreach (Node node in walk)
        {
            SpanSchema span = node.Span;
            long? spanTokens = span.Data?.TotalTokens;
            tokens += spanTokens ?? 0;
            string type = string.IsNullOrEmpty(span.Type) ? "unknown" : span.Type!;
            typeCounts[type] = typeCounts.TryGetValue(type, out int count) ? count + 1 : 1;
            if (!byType.TryGetValue(type, out List<long>? durations))
            {
                byType[type] = durations = new List<long>();
            }

            if (node.Duration is { } duration)
            {
                durations.Add(duration);
            }

            if (!string.IsNullOrEmpty(span.Data?.Model))
            {
                byModel.TryGetValue(span.Data!.Model!, out var usage);
                byModel[span.Data.Model!] = (usage.Calls + 1, usage.Tokens + (spanTokens ?? 0), usage.Duration + (node.Duration ?? 0));
            }

            if (span.Type == "generation")
            {
                generationTime += node.Duration ?? 0;
                if (node.EndTicks != long.MinValue)
                {
                    generations.Add((node.StartTicks, node.EndTicks));
                }
            }
            else if (span.Type == "call" && node.Duration is { } call)
            {
                callSum += call;
                callCount++;
            }

            if (!string.IsNullOrEmpty(span.Error))
            {
                errors.Add(span);
            }

            if (span.Metrics is { } list)
            {
                foreach (SpanMetricData metric in list)
                {
                    metrics.TryGetValue(metric.Dimension, out var m);
                    metrics[metric.Dimension] = m.Count == 0
                        ? (1, metric.Value, metric.Value, metric.Value)
                        : (m.Count + 1, m.Sum + metric.Value, Math.Min(m.Min, metric.Value), Math.Max(m.Max, metric.Value));
                }
            }

            if (span.Score is { } score)
            {
                scoreSum += score;
                scoreCount++;
            }
        }

        long result = tokens + generationTime + maxDepth + roots.Count + errors.Count + metrics.Count + byModel.Count + scoreSum + scoreCount;
        result += callCount == 0 ? 0 : callSum / callCount;
        foreach (List<long> durations in byType.Values)
        {
            durations.Sort();
            if (durations.Count > 0)
            {
                result += durations[0] + durations[^1] + Rank(durations, 50) + Rank(durations, 95) + Rank(durations, 99);
            }
        }

        generations.Sort();
        long wall = 0;
        long openStart = 0;
        long openEnd = long.MinValue;
        foreach ((long start, long end) in generations)
        {
            if (start > openEnd)
            {
                wall += openEnd > openStart ? openEnd - openStart : 0;
                openStart = start;
                openEnd = end;
            }
            else if (end > openEnd)
            {
                openEnd = end;
            }
        }

        wall += openEnd > openStart ? openEnd - openStart : 0;
        result += wall;

        // Critical path: the root that ends last, then the child that ends last, to a leaf.
        Node? current = null;
        foreach (Node root in roots)
        {
            current = current is null || root.EndTicks > current.EndTicks ? root : current;
        }

        var path = new List<string?>();
        while (current is not null)
        {
            path.Add(current.Span.Id);
            Node? next = null;
            foreach (Node child in current.Children)
            {
                next = next is null || child.EndTicks > next.EndTicks ? child : next;
            }

            current = next;
        }

        return result + path.Count;
    }

    private static long Rank(List<long> sorted, int percent) => sorted[(int)Math.Max(1, ((percent * (long)sorted.Count) + 99) / 100) - 1];
}
