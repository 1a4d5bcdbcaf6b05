using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Opper.Models;

namespace Opper.Traces.Tests.Analysis;

/// <summary>
/// Invariants checked on seeded random traces full of bad data (cycles, orphans, duplicate and
/// missing ids, missing or reversed times, odd offsets, null entries), against brute-force
/// reference computations.
/// </summary>
[TestFixture]
public class PropertyTests
{
    private const int TracesPerSeed = 1000;
    private static readonly string?[] Types = { null, "", "generation", "call", "tool", "unknown", "Generation" };
    private static readonly string?[] Names = { null, "", "llm", "search", "fetch\npage", "tool" };
    private static readonly TimeSpan[] Offsets = { TimeSpan.Zero, TimeSpan.FromHours(-5), TimeSpan.FromHours(2), new TimeSpan(5, 30, 0) };

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void RandomTracesKeepEveryInvariant(int seed)
    {
        var rng = new Random(seed);
        for (int t = 0; t < TracesPerSeed; t++)
        {
            int n = rng.Next(0, 201);
            List<SpanSchema?> spans = RandomSpans(rng, n);
            var trace = new GetTraceResponse { Id = "t" + t, Spans = spans!, DurationMs = rng.Next(-10, 5000) };
            try
            {
                Check(trace, spans, rng);
            }
            catch (Exception)
            {
                TestContext.Out.WriteLine($"seed {seed}, trace {t}, {n} spans");
                throw;
            }
        }
    }

    private static List<SpanSchema?> RandomSpans(Random rng, int n)
    {
        var spans = new List<SpanSchema?>(n);
        DateTimeOffset t0 = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < n; i++)
        {
            if (rng.NextDouble() < 0.02)
            {
                spans.Add(null);
                continue;
            }

            double r = rng.NextDouble();
            string? id = r < 0.05 ? null : r < 0.08 ? "" : r < 0.2 ? "s" + rng.Next(Math.Max(1, i)) : "s" + i;
            r = rng.NextDouble();
            string? parent = r < 0.15 ? null : r < 0.2 ? "" : r < 0.25 ? "missing" + rng.Next(5) : "s" + rng.Next(Math.Max(1, n));
            DateTimeOffset? start = null;
            if (rng.NextDouble() > 0.15)
            {
                start = t0.AddTicks(rng.Next(0, 2000) * 5000L).ToOffset(Offsets[rng.Next(Offsets.Length)]);
            }

            r = rng.NextDouble();
            long? duration = r < 0.3 ? null : r < 0.37 ? -rng.Next(1, 100) : rng.Next(0, 300);
            DateTimeOffset? end = null;
            if (rng.NextDouble() < 0.6)
            {
                end = (start ?? t0).AddTicks(rng.Next(-500, 3000) * 1000L);
            }

            var span = new SpanSchema
            {
                Id = id,
                ParentId = parent,
                StartTime = start,
                EndTime = end,
                DurationMs = duration,
                Name = Names[rng.Next(Names.Length)],
                Type = Types[rng.Next(Types.Length)],
                Error = rng.NextDouble() < 0.1 ? "err" : rng.NextDouble() < 0.1 ? "" : null,
                Score = rng.NextDouble() < 0.2 ? rng.Next(0, 11) : null,
            };
            if (rng.NextDouble() < 0.3)
            {
                span.Data = new SpanData { Model = rng.NextDouble() < 0.3 ? "" : "m" + rng.Next(3), TotalTokens = rng.NextDouble() < 0.8 ? rng.Next(0, 1000) : null };
            }

            if (rng.NextDouble() < 0.2)
            {
                span.Metrics = new List<SpanMetricData> { new SpanMetricData { Dimension = "d" + rng.Next(2), Value = rng.NextDouble() } };
            }

            spans.Add(span);
        }

        return spans;
    }

    private static long? RefDuration(SpanSchema s, out bool invalid)
    {
        invalid = false;
        if (s.DurationMs.HasValue)
        {
            invalid = s.DurationMs.Value < 0;
            return invalid ? null : s.DurationMs;
        }

        if (s.StartTime.HasValue && s.EndTime.HasValue)
        {
            TimeSpan d = s.EndTime.Value - s.StartTime.Value;
            if (d < TimeSpan.Zero)
            {
                invalid = true;
                return null;
            }

            return (long)Math.Floor(d.TotalMilliseconds);
        }

        return null;
    }

    private static double Ms(DateTimeOffset t) => (t.UtcTicks - new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks) / 10000.0;

    private static int RefCompareByStart(SpanNode a, SpanNode b)
    {
        if (a.Span.StartTime.HasValue != b.Span.StartTime.HasValue)
        {
            return a.Span.StartTime.HasValue ? -1 : 1;
        }

        if (a.Span.StartTime.HasValue)
        {
            int c = a.Span.StartTime!.Value.CompareTo(b.Span.StartTime!.Value); // DateTimeOffset compares instants
            if (c != 0)
            {
                return c;
            }
        }

        return a.Index.CompareTo(b.Index);
    }

    private static SpanNode? RefBest(IEnumerable<SpanNode> nodes)
    {
        var withInterval = nodes.Where(x => x.HasInterval).ToList();
        if (withInterval.Count > 0)
        {
            return withInterval
                .OrderByDescending(x => Ms(x.Span.StartTime!.Value) + x.DurationMs!.Value)
                .ThenByDescending(x => x.DurationMs!.Value)
                .ThenBy(x => x.Index)
                .First();
        }

        return nodes.OrderBy(x => x.Index).FirstOrDefault();
    }

    private static void Check(GetTraceResponse trace, List<SpanSchema?> spans, Random rng)
    {
        SpanTree tree = trace.BuildTree();
        var input = new List<(SpanSchema Span, int Index)>();
        for (int i = 0; i < spans.Count; i++)
        {
            if (spans[i] is not null)
            {
                input.Add((spans[i]!, i));
            }
        }

        int n = input.Count;

        // Walk: every span exactly once; count.
        List<SpanNode> walk = tree.Walk().ToList();
        Assert.That(walk, Has.Count.EqualTo(n));
        Assert.That(tree.Count, Is.EqualTo(n));
        var seen = new HashSet<SpanSchema>(ReferenceEqualityComparer.Instance);
        foreach (SpanNode node in walk)
        {
            Assert.That(seen.Add(node.Span), Is.True, "span yielded twice");
        }

        Assert.That(seen.SetEquals(input.Select(x => x.Span)), Is.True);
        var nodeOf = new Dictionary<SpanSchema, SpanNode>(ReferenceEqualityComparer.Instance);
        foreach (SpanNode node in walk)
        {
            nodeOf.Add(node.Span, node);
        }


        // Reference owners and parents.
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < n; k++)
        {
            string? id = input[k].Span.Id;
            if (!string.IsNullOrEmpty(id))
            {
                if (!owner.ContainsKey(id))
                {
                    owner[id] = k;
                }

                uses[id] = uses.GetValueOrDefault(id) + 1;
            }
        }

        var refParent = new int[n];
        var isOrphan = new bool[n];
        for (int k = 0; k < n; k++)
        {
            string? p = input[k].Span.ParentId;
            refParent[k] = -1;
            if (!string.IsNullOrEmpty(p))
            {
                if (owner.TryGetValue(p, out int o))
                {
                    refParent[k] = o;
                }
                else
                {
                    isOrphan[k] = true;
                }
            }
        }

        // Brute-force cycles: k is on a cycle when following parents returns to k.
        var cycleMembersByFirst = new Dictionary<int, List<int>>();
        var onCycle = new bool[n];
        for (int k = 0; k < n; k++)
        {
            int j = refParent[k];
            for (int step = 0; step < n && j >= 0 && j != k; step++)
            {
                j = refParent[j];
            }

            onCycle[k] = j == k;
        }

        for (int k = 0; k < n; k++)
        {
            if (!onCycle[k])
            {
                continue;
            }

            var members = new List<int> { k };
            for (int j = refParent[k]; j != k; j = refParent[j])
            {
                members.Add(j);
            }

            members.Sort();
            if (members[0] == k)
            {
                cycleMembersByFirst[k] = members;
            }
        }

        // Parents, depth, children order, find.
        for (int k = 0; k < n; k++)
        {
            SpanNode node = nodeOf[input[k].Span];
            Assert.That(node.Index, Is.EqualTo(input[k].Index));
            int expected = cycleMembersByFirst.ContainsKey(k) ? -1 : refParent[k];
            if (expected < 0)
            {
                Assert.That(node.Parent, Is.Null);
                Assert.That(node.Depth, Is.Zero);
            }
            else
            {
                Assert.That(node.Parent, Is.SameAs(nodeOf[input[expected].Span]));
                Assert.That(node.Depth, Is.EqualTo(node.Parent!.Depth + 1));
                Assert.That(node.Parent.Children, Does.Contain(node));
            }

            for (int c = 0; c + 1 < node.Children.Count; c++)
            {
                Assert.That(RefCompareByStart(node.Children[c], node.Children[c + 1]), Is.LessThan(0));
            }

            foreach (SpanNode child in node.Children)
            {
                Assert.That(child.Parent, Is.SameAs(node));
            }

            Assert.That(node.Ancestors().Count(), Is.EqualTo(node.Depth));
            Assert.That(node.Descendants().Count(), Is.EqualTo(node.DescendantCount));

            long? duration = RefDuration(input[k].Span, out _);
            Assert.That(node.DurationMs, Is.EqualTo(duration));
            Assert.That(node.HasInterval, Is.EqualTo(duration.HasValue && input[k].Span.StartTime.HasValue));

            // Self time against a double-precision reference.
            if (!node.HasInterval)
            {
                Assert.That(node.SelfTimeMs, Is.Null);
            }
            else
            {
                double s = Ms(node.Span.StartTime!.Value);
                double e = s + node.DurationMs!.Value;
                var pieces = node.Children.Where(x => x.HasInterval)
                    .Select(x => (Lo: Math.Max(s, Ms(x.Span.StartTime!.Value)), Hi: Math.Min(e, Ms(x.Span.StartTime!.Value) + x.DurationMs!.Value)))
                    .Where(x => x.Hi > x.Lo)
                    .OrderBy(x => x.Lo)
                    .ToList();
                double union = 0, curLo = double.NaN, curHi = double.NaN;
                foreach (var piece in pieces)
                {
                    if (double.IsNaN(curLo) || piece.Lo > curHi)
                    {
                        union += double.IsNaN(curLo) ? 0 : curHi - curLo;
                        curLo = piece.Lo;
                        curHi = piece.Hi;
                    }
                    else
                    {
                        curHi = Math.Max(curHi, piece.Hi);
                    }
                }

                union += double.IsNaN(curLo) ? 0 : curHi - curLo;
                double self = Math.Max(0, node.DurationMs.Value - union);
                Assert.That(node.SelfTimeMs, Is.EqualTo(self).Within(1e-6));
                Assert.That(node.SelfTimeMs, Is.InRange(0d, (double)node.DurationMs.Value));
            }
        }

        foreach (var pair in owner)
        {
            Assert.That(tree.Find(pair.Key), Is.SameAs(nodeOf[input[pair.Value].Span]));
        }

        // Walk is the pre-order over roots.
        var roots = walk.Where(x => x.Parent is null).ToList();
        roots.Sort(RefCompareByStart);
        Assert.That(tree.Roots, Is.EqualTo(roots));
        var expectedWalk = new List<SpanNode>();
        var stack = new Stack<SpanNode>(Enumerable.Reverse(roots));
        while (stack.Count > 0)
        {
            SpanNode x = stack.Pop();
            expectedWalk.Add(x);
            for (int c = x.Children.Count - 1; c >= 0; c--)
            {
                stack.Push(x.Children[c]);
            }
        }

        Assert.That(walk, Is.EqualTo(expectedWalk));
        Assert.That(tree.MaxDepth, Is.EqualTo(n == 0 ? 0 : walk.Max(x => x.Depth)));

        // Problems: exactly the expected list, in order.
        var expectedProblems = new List<string>();
        for (int k = 0; k < n; k++)
        {
            SpanSchema s = input[k].Span;
            string ids = string.IsNullOrEmpty(s.Id) ? "" : s.Id;
            if (isOrphan[k])
            {
                expectedProblems.Add("Orphan:" + ids);
            }

            if (cycleMembersByFirst.TryGetValue(k, out List<int>? members))
            {
                expectedProblems.Add("Cycle:" + string.Join(",", members.Select(m => input[m].Span.Id)));
            }

            if (!string.IsNullOrEmpty(s.Id) && owner[s.Id] == k && uses[s.Id] > 1)
            {
                expectedProblems.Add("DuplicateId:" + s.Id);
            }

            if (string.IsNullOrEmpty(s.Id))
            {
                expectedProblems.Add("MissingId:");
            }

            RefDuration(s, out bool invalid);
            if (invalid)
            {
                expectedProblems.Add("InvalidDuration:" + ids);
            }
        }

        Assert.That(tree.Problems.Select(p => p.Kind + ":" + string.Join(",", p.SpanIds)), Is.EqualTo(expectedProblems));
        Assert.That(tree.Problems.All(p => p.Message.Length > 0 && p.Message.IndexOf('\n') < 0), Is.True);
        Assert.That(tree.Orphans.Count, Is.EqualTo(isOrphan.Count(x => x)));

        // Critical path: a root-to-leaf chain of best choices.
        IReadOnlyList<SpanNode> path = tree.CriticalPath();
        if (n == 0)
        {
            Assert.That(path, Is.Empty);
        }
        else
        {
            Assert.That(path[0], Is.SameAs(RefBest(tree.Roots)));
            for (int i = 1; i < path.Count; i++)
            {
                Assert.That(path[i].Parent, Is.SameAs(path[i - 1]));
                Assert.That(path[i], Is.SameAs(RefBest(path[i - 1].Children)));
            }

            Assert.That(path[path.Count - 1].Children, Is.Empty);
        }

        // Render: one line per span; a depth-limited render shows the right lines.
        string text = tree.Render();
        Assert.That(n == 0 ? 0 : text.Split('\n').Length, Is.EqualTo(n));
        int maxDepth = rng.Next(0, 4);
        int shown = walk.Count(x => x.Depth <= maxDepth);
        int more = walk.Count(x => x.Depth == maxDepth && x.Children.Count > 0);
        string limited = tree.Render(maxDepth);
        Assert.That(n == 0 ? 0 : limited.Split('\n').Length, Is.EqualTo(shown + more));

        // Summary.
        TraceSummary summary = trace.Summarize();
        Assert.That(summary.SpanCount, Is.EqualTo(n));
        Assert.That(summary.ByType.Values.Sum(x => x.Count), Is.EqualTo(n));
        Assert.That(summary.ByType.Values.Sum(x => x.KnownDurationCount), Is.EqualTo(walk.Count(x => x.DurationMs.HasValue)));
        Assert.That(summary.RootCount, Is.EqualTo(tree.Roots.Count));
        Assert.That(summary.OrphanCount, Is.EqualTo(tree.Orphans.Count));
        Assert.That(summary.MaxDepth, Is.EqualTo(tree.MaxDepth));
        Assert.That(summary.CriticalPath, Is.EqualTo(path.Select(x => x.Span.Id)));
        Assert.That(TreeSummarizeTests.Figures(tree.Summarize()), Is.EqualTo(TreeSummarizeTests.Figures(summary)));
        Assert.That(summary.Errors, Is.EqualTo(walk.Where(x => !string.IsNullOrEmpty(x.Span.Error)).Select(x => x.Span)));
        Assert.That(summary.TotalTokens, Is.EqualTo(input.Sum(x => x.Span.Data?.TotalTokens ?? 0)));
        Assert.That(summary.GenerationWallTimeMs, Is.LessThanOrEqualTo(summary.GenerationTimeMs + 1e-9));
        Assert.That(summary.GenerationTimeMs, Is.EqualTo(walk.Where(x => x.Span.Type == "generation").Sum(x => x.DurationMs ?? 0)));
        Assert.That(summary.ByModel.Values.Sum(x => x.Calls), Is.EqualTo(input.Count(x => !string.IsNullOrEmpty(x.Span.Data?.Model))));
        Assert.That(summary.Scores.Count, Is.EqualTo(input.Count(x => x.Span.Score.HasValue)));
        Assert.That(summary.Metrics.Values.Sum(x => x.Count), Is.EqualTo(input.Sum(x => x.Span.Metrics?.Count ?? 0)));
        foreach (DurationStats stats in summary.ByType.Values)
        {
            if (stats.KnownDurationCount > 0)
            {
                Assert.That(stats.MinDurationMs!.Value, Is.LessThanOrEqualTo(stats.P50DurationMs!.Value));
                Assert.That(stats.P50DurationMs!.Value, Is.LessThanOrEqualTo(stats.P95DurationMs!.Value));
                Assert.That(stats.P95DurationMs!.Value, Is.LessThanOrEqualTo(stats.P99DurationMs!.Value));
                Assert.That(stats.P99DurationMs!.Value, Is.LessThanOrEqualTo(stats.MaxDurationMs!.Value));
            }
        }
    }
}
