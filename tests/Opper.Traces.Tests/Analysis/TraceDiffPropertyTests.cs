using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using NUnit.Framework;
using Opper.Models;

namespace Opper.Traces.Tests.Analysis;

/// <summary>
/// Properties of <see cref="TraceDiff"/> over the example trace and seeded random traces (with
/// repeated and odd names, missing durations, models, tokens, errors, orphans and cycles): a trace
/// diffed with a copy of itself has no changes; swapping the arguments negates every delta and
/// swaps added and removed; renaming a leaf is one removal plus one addition.
/// </summary>
[TestFixture]
public class TraceDiffPropertyTests
{
    private const int TracesPerSeed = 300;
    private static readonly string?[] Names = { "llm", "llm", "search", "tool", null, "", "a/b", "100%", "fetch\npage" };
    private static readonly string?[] Types = { "generation", "call", "tool", null };
    private static readonly string?[] Models = { "openai/gpt-4o-mini", "anthropic/claude-3-5-sonnet", null };

    private static IEnumerable<int> Seeds() => new[] { 1, 2, 3 };

    [Test]
    public void TheExampleDiffedWithACopyHasNoChanges() => AssertNoChanges(TraceDiffTests.Sample());

    [TestCaseSource(nameof(Seeds))]
    public void ARandomTraceDiffedWithACopyHasNoChanges(int seed)
    {
        var rng = new Random(seed);
        for (int t = 0; t < TracesPerSeed; t++)
        {
            AssertNoChanges(RandomTrace(rng, rng.Next(0, 80)));
        }
    }

    [TestCaseSource(nameof(Seeds))]
    public void SwappingTheArgumentsNegatesEveryDelta(int seed)
    {
        var rng = new Random(seed);
        for (int t = 0; t < TracesPerSeed; t++)
        {
            GetTraceResponse a = RandomTrace(rng, rng.Next(0, 80));
            GetTraceResponse b = Mutate(rng, Copy(a));
            AssertAntisymmetric(TraceDiff.Compare(a, b), TraceDiff.Compare(b, a));
        }

        GetTraceResponse sample = TraceDiffTests.Sample();
        GetTraceResponse changed = Mutate(rng, TraceDiffTests.Sample());
        AssertAntisymmetric(TraceDiff.Compare(sample, changed), TraceDiff.Compare(changed, sample));
    }

    [TestCaseSource(nameof(Seeds))]
    public void RenamingALeafIsOneRemovedPlusOneAdded(int seed)
    {
        var rng = new Random(seed);
        int checkedTraces = 0;
        for (int t = 0; t < TracesPerSeed; t++)
        {
            GetTraceResponse before = t == 0 ? TraceDiffTests.Sample() : RandomTrace(rng, rng.Next(1, 80));
            // A leaf that is the last of its name among its siblings: renaming an earlier one would
            // shift the sibling numbers (k) of the later ones, re-pairing their subtrees.
            SpanTree beforeTree = before.BuildTree();
            SpanNode[] leaves = beforeTree.Walk().Where(n => n.Children.Count == 0 && IsLastOfItsName(beforeTree, n)).ToArray();
            if (leaves.Length == 0)
            {
                continue;
            }

            GetTraceResponse after = Copy(before);
            int position = leaves[rng.Next(leaves.Length)].Index;
            after.Spans![position]!.Name = "renamed-" + t;

            TraceDiff diff = TraceDiff.Compare(before, after);

            int spans = before.BuildTree().Count;
            Assert.That(diff.Removed, Has.Count.EqualTo(1), "trace " + t);
            Assert.That(diff.Added, Has.Count.EqualTo(1), "trace " + t);
            Assert.That(diff.Added[0].Key, Does.EndWith("/renamed-" + t + "#0").Or.EqualTo("renamed-" + t + "#0"));
            Assert.That(diff.Added[0].Node.Index, Is.EqualTo(position));
            Assert.That(diff.Matched, Has.Count.EqualTo(spans - 1));
            checkedTraces++;
        }

        Assert.That(checkedTraces, Is.GreaterThan(TracesPerSeed / 2));
    }

    private static bool IsLastOfItsName(SpanTree tree, SpanNode node)
    {
        IReadOnlyList<SpanNode> siblings = node.Parent?.Children ?? tree.Roots;
        string name = string.IsNullOrEmpty(node.Span.Name) ? "(unnamed)" : node.Span.Name!;
        return siblings.Last(s => (string.IsNullOrEmpty(s.Span.Name) ? "(unnamed)" : s.Span.Name) == name) == node;
    }

    private static void AssertNoChanges(GetTraceResponse trace)
    {
        TraceDiff diff = TraceDiff.Compare(trace, Copy(trace));
        SpanTree tree = trace.BuildTree();
        Assert.That(diff.Added, Is.Empty);
        Assert.That(diff.Removed, Is.Empty);
        Assert.That(diff.Matched, Has.Count.EqualTo(tree.Count));
        Assert.That(diff.HasChanges, Is.False);
        foreach (SpanPair pair in diff.Matched)
        {
            Assert.That(pair.HasChanges, Is.False, pair.Key);
            Assert.That(pair.After.Index, Is.EqualTo(pair.Before.Index), pair.Key);
        }

        Assert.That(diff.Matched.Select(p => p.Key), Is.Unique);
        Assert.That(diff.TokensDelta, Is.Zero);
        Assert.That(diff.ByType.Values.All(d => d.CountDelta == 0 && d.DurationDeltaMs == 0), Is.True);
        Assert.That(diff.ByModel.Values.All(d => d.CallsDelta == 0 && d.TokensDelta == 0 && d.DurationDeltaMs == 0), Is.True);
    }

    private static void AssertAntisymmetric(TraceDiff forward, TraceDiff backward)
    {
        Assert.That(backward.Added.Select(a => a.Key), Is.EquivalentTo(forward.Removed.Select(r => r.Key)));
        Assert.That(backward.Removed.Select(r => r.Key), Is.EquivalentTo(forward.Added.Select(a => a.Key)));
        Assert.That(backward.Added.Select(a => a.Node.Index), Is.EquivalentTo(forward.Removed.Select(r => r.Node.Index)));
        Dictionary<string, SpanPair> back = backward.Matched.ToDictionary(p => p.Key);
        Assert.That(back.Keys, Is.EquivalentTo(forward.Matched.Select(p => p.Key)));
        foreach (SpanPair pair in forward.Matched)
        {
            SpanPair other = back[pair.Key];
            Assert.That(other.Before.Index, Is.EqualTo(pair.After.Index), pair.Key);
            Assert.That(other.DurationDeltaMs, Is.EqualTo(-pair.DurationDeltaMs), pair.Key);
            Assert.That(other.TokensDelta, Is.EqualTo(-pair.TokensDelta), pair.Key);
            Assert.That(other.ModelChanged, Is.EqualTo(pair.ModelChanged), pair.Key);
            Assert.That(other.ErrorAppeared, Is.EqualTo(pair.ErrorResolved), pair.Key);
            Assert.That(other.ErrorResolved, Is.EqualTo(pair.ErrorAppeared), pair.Key);
        }

        Assert.That(backward.DurationDeltaMs, Is.EqualTo(-forward.DurationDeltaMs));
        Assert.That(backward.TokensDelta, Is.EqualTo(-forward.TokensDelta));
        Assert.That(backward.HasChanges, Is.EqualTo(forward.HasChanges));
        Assert.That(backward.ByType.Keys, Is.EqualTo(forward.ByType.Keys));
        foreach (KeyValuePair<string, TypeDelta> type in forward.ByType)
        {
            TypeDelta other = backward.ByType[type.Key];
            Assert.That(other.CountDelta, Is.EqualTo(-type.Value.CountDelta), type.Key);
            Assert.That(other.DurationDeltaMs, Is.EqualTo(-type.Value.DurationDeltaMs), type.Key);
            Assert.That(other.CountBefore, Is.EqualTo(type.Value.CountAfter), type.Key);
        }

        Assert.That(backward.ByModel.Keys, Is.EqualTo(forward.ByModel.Keys));
        foreach (KeyValuePair<string, ModelDelta> model in forward.ByModel)
        {
            ModelDelta other = backward.ByModel[model.Key];
            Assert.That(other.CallsDelta, Is.EqualTo(-model.Value.CallsDelta), model.Key);
            Assert.That(other.TokensDelta, Is.EqualTo(-model.Value.TokensDelta), model.Key);
            Assert.That(other.DurationDeltaMs, Is.EqualTo(-model.Value.DurationDeltaMs), model.Key);
        }
    }

    /// <summary>A trace whose spans mostly form a tree (parents earlier in the list), with some bad data.</summary>
    private static GetTraceResponse RandomTrace(Random rng, int n)
    {
        DateTimeOffset t0 = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var spans = new List<SpanSchema>(n);
        for (int i = 0; i < n; i++)
        {
            double r = rng.NextDouble();
            string? parent = i == 0 || r < 0.1 ? null : r < 0.13 ? "missing" : r < 0.15 ? "s" + rng.Next(n) : "s" + rng.Next(i);
            var span = new SpanSchema
            {
                Id = rng.NextDouble() < 0.03 ? null : "s" + i,
                ParentId = parent,
                Name = Names[rng.Next(Names.Length)],
                Type = Types[rng.Next(Types.Length)],
                StartTime = rng.NextDouble() < 0.1 ? null : t0.AddMilliseconds(rng.Next(0, 5000)),
                DurationMs = rng.NextDouble() < 0.1 ? null : rng.Next(0, 3000),
                Error = rng.NextDouble() < 0.1 ? "boom" : null,
            };
            if (rng.NextDouble() < 0.5)
            {
                span.Data = new SpanData
                {
                    Model = Models[rng.Next(Models.Length)],
                    TotalTokens = rng.NextDouble() < 0.3 ? null : rng.Next(0, 5000),
                };
            }

            spans.Add(span);
        }

        return new GetTraceResponse
        {
            Id = "t",
            Name = "random",
            Spans = spans,
            DurationMs = rng.NextDouble() < 0.1 ? null : rng.Next(0, 10000),
        };
    }

    /// <summary>Changes durations, models, tokens and errors, drops some spans and adds others.</summary>
    private static GetTraceResponse Mutate(Random rng, GetTraceResponse trace)
    {
        var spans = trace.Spans!.ToList();
        for (int i = spans.Count - 1; i >= 0; i--)
        {
            SpanSchema span = spans[i];
            double r = rng.NextDouble();
            if (r < 0.1)
            {
                spans.RemoveAt(i);
                continue;
            }

            if (r < 0.3)
            {
                span.DurationMs = rng.NextDouble() < 0.1 ? null : rng.Next(0, 3000);
            }

            if (rng.NextDouble() < 0.1)
            {
                span.Error = span.Error is null ? "new failure" : null;
            }

            if (rng.NextDouble() < 0.1)
            {
                span.Data ??= new SpanData();
                span.Data.Model = Models[rng.Next(Models.Length)];
                span.Data.TotalTokens = rng.NextDouble() < 0.3 ? null : rng.Next(0, 5000);
            }

            if (rng.NextDouble() < 0.05)
            {
                span.Name = Names[rng.Next(Names.Length)];
            }
        }

        int extra = rng.Next(0, 5);
        for (int i = 0; i < extra; i++)
        {
            spans.Add(new SpanSchema
            {
                Id = "added" + i,
                ParentId = spans.Count > 0 && rng.NextDouble() < 0.8 ? spans[rng.Next(spans.Count)].Id : null,
                Name = Names[rng.Next(Names.Length)],
                DurationMs = rng.Next(0, 100),
                Type = Types[rng.Next(Types.Length)],
            });
        }

        trace.Spans = spans;
        trace.DurationMs = rng.NextDouble() < 0.1 ? null : rng.Next(0, 10000);
        return trace;
    }

    private static GetTraceResponse Copy(GetTraceResponse trace) =>
        JsonConvert.DeserializeObject<GetTraceResponse>(JsonConvert.SerializeObject(trace))!;
}
