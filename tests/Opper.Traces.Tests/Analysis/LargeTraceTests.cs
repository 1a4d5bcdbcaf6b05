using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Opper.Models;

namespace Opper.Traces.Tests.Analysis;

/// <summary>Huge traces: nothing may recurse or go quadratic. Counts are asserted, never times.</summary>
[TestFixture]
[NonParallelizable]
public class LargeTraceTests
{
    private const int ChainLength = 1_000_000;
    private const int FlatWidth = 200_000;
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static GetTraceResponse Chain(bool reversedInput, bool closeTheLoop)
    {
        var spans = new List<SpanSchema>(ChainLength);
        for (int i = 0; i < ChainLength; i++)
        {
            int k = reversedInput ? ChainLength - 1 - i : i;
            string? parent = k == 0 ? (closeTheLoop ? "s" + (ChainLength - 1) : null) : "s" + (k - 1);
            spans.Add(new SpanSchema
            {
                Id = "s" + k,
                ParentId = parent,
                Name = "step",
                Type = k % 2 == 0 ? "generation" : "call",
                StartTime = T0.AddMilliseconds(k),
                DurationMs = 2L * (ChainLength - k),
            });
        }

        return new GetTraceResponse { Id = "chain", DurationMs = 2L * ChainLength, Spans = spans };
    }

    [Test]
    public void MillionSpanChain()
    {
        GetTraceResponse trace = Chain(reversedInput: false, closeTheLoop: false);
        SpanTree tree = trace.BuildTree();
        Assert.That(tree.Count, Is.EqualTo(ChainLength));
        Assert.That(tree.Roots, Has.Count.EqualTo(1));
        Assert.That(tree.Problems, Is.Empty);
        Assert.That(tree.MaxDepth, Is.EqualTo(ChainLength - 1));
        Assert.That(tree.Walk().Count(), Is.EqualTo(ChainLength));
        Assert.That(tree.Roots[0].DescendantCount, Is.EqualTo(ChainLength - 1));
        Assert.That(tree.Roots[0].Descendants().Count(), Is.EqualTo(ChainLength - 1));
        Assert.That(tree.Find("s999999")!.Ancestors().Count(), Is.EqualTo(ChainLength - 1));
        Assert.That(tree.CriticalPath(), Has.Count.EqualTo(ChainLength));
        // s0 is [0, 2M], its child s1 is [1, 2M - 1]: 2 ms of self time.
        Assert.That(tree.Roots[0].SelfTimeMs, Is.EqualTo(2d));

        string limited = tree.Render(2);
        Assert.That(limited.Split('\n'), Has.Length.EqualTo(4));
        Assert.That(limited, Does.EndWith("      └─ … 999997 more spans"));

        string full = tree.Render();
        Assert.That(full.Count(c => c == '\n'), Is.EqualTo(ChainLength - 1));

        TraceSummary summary = trace.Summarize();
        Assert.That(summary.SpanCount, Is.EqualTo(ChainLength));
        Assert.That(summary.MaxDepth, Is.EqualTo(ChainLength - 1));
        Assert.That(summary.CriticalPath, Has.Count.EqualTo(ChainLength));
        Assert.That(summary.ByType["generation"].Count + summary.ByType["call"].Count, Is.EqualTo(ChainLength));
        Assert.That(summary.GenerationWallTimeMs, Is.EqualTo(2d * ChainLength));
    }

    [Test]
    public void MillionSpanChainListedChildFirst()
    {
        SpanTree tree = Chain(reversedInput: true, closeTheLoop: false).BuildTree();
        Assert.That(tree.Count, Is.EqualTo(ChainLength));
        Assert.That(tree.MaxDepth, Is.EqualTo(ChainLength - 1));
        Assert.That(tree.Roots.Single().Span.Id, Is.EqualTo("s0"));
        Assert.That(tree.Walk().Select(n => n.Depth).Last(), Is.EqualTo(ChainLength - 1));
    }

    [Test]
    public void MillionSpanCycle()
    {
        SpanTree tree = Chain(reversedInput: false, closeTheLoop: true).BuildTree();
        Assert.That(tree.Count, Is.EqualTo(ChainLength));
        Assert.That(tree.Problems, Has.Count.EqualTo(1));
        Assert.That(tree.Problems[0].Kind, Is.EqualTo(TraceProblemKind.Cycle));
        Assert.That(tree.Problems[0].SpanIds, Has.Count.EqualTo(ChainLength));
        Assert.That(tree.Roots.Single().Span.Id, Is.EqualTo("s0"));
        Assert.That(tree.Walk().Count(), Is.EqualTo(ChainLength));
        Assert.That(tree.MaxDepth, Is.EqualTo(ChainLength - 1));
    }

    [Test]
    public void FlatTraceOfTwoHundredThousandSpans()
    {
        var spans = new List<SpanSchema> { new SpanSchema { Id = "root", Name = "root", StartTime = T0, DurationMs = FlatWidth } };
        for (int i = 0; i < FlatWidth; i++)
        {
            // Starts in a scrambled order so that the children really get sorted.
            int slot = (int)((i * 7919L) % FlatWidth);
            spans.Add(new SpanSchema
            {
                Id = "c" + i,
                ParentId = "root",
                Name = "child",
                Type = "generation",
                StartTime = T0.AddMilliseconds(slot),
                DurationMs = 1,
                Data = new SpanData { Model = "m" + (i % 3), TotalTokens = 1 },
            });
        }

        var trace = new GetTraceResponse { Id = "flat", DurationMs = FlatWidth, Spans = spans };
        SpanTree tree = trace.BuildTree();
        Assert.That(tree.Count, Is.EqualTo(FlatWidth + 1));
        Assert.That(tree.MaxDepth, Is.EqualTo(1));
        Assert.That(tree.Roots.Single().Children, Has.Count.EqualTo(FlatWidth));
        Assert.That(tree.Walk().Count(), Is.EqualTo(FlatWidth + 1));
        Assert.That(tree.Roots[0].SelfTimeMs, Is.EqualTo(0d));
        Assert.That(tree.CriticalPath(), Has.Count.EqualTo(2));

        string text = tree.Render();
        Assert.That(text.Count(c => c == '\n'), Is.EqualTo(FlatWidth));
        Assert.That(tree.Render(0), Is.EqualTo("root (200000 ms)\n  └─ … 200000 more spans"));

        TraceSummary summary = trace.Summarize();
        Assert.That(summary.SpanCount, Is.EqualTo(FlatWidth + 1));
        Assert.That(summary.TotalTokens, Is.EqualTo(FlatWidth));
        Assert.That(summary.GenerationTimeMs, Is.EqualTo(FlatWidth));
        Assert.That(summary.GenerationWallTimeMs, Is.EqualTo((double)FlatWidth));
        Assert.That(summary.GenerationShare, Is.EqualTo(1d));
        Assert.That(summary.ByModel.Values.Sum(m => m.Calls), Is.EqualTo(FlatWidth));

        TraceStatistics stats = TraceStatistics.From(new[] { trace, trace });
        Assert.That(stats.BySpanName["child"].Count, Is.EqualTo(2 * FlatWidth));
        Assert.That(stats.BySpanName["child"].P99DurationMs, Is.EqualTo(1));
    }

    [Test]
    public void FlatTraceOfRootsAndOrphans()
    {
        var spans = new List<SpanSchema>();
        for (int i = 0; i < FlatWidth; i++)
        {
            spans.Add(new SpanSchema { Id = i % 10 == 0 ? null : "x" + (i % 1000), ParentId = i % 2 == 0 ? "nowhere" : null, Name = "n" });
        }

        SpanTree tree = new GetTraceResponse { Id = "f", Spans = spans }.BuildTree();
        Assert.That(tree.Count, Is.EqualTo(FlatWidth));
        Assert.That(tree.Roots, Has.Count.EqualTo(FlatWidth));
        Assert.That(tree.Orphans, Has.Count.EqualTo(FlatWidth / 2));
        Assert.That(tree.Walk().Count(), Is.EqualTo(FlatWidth));
    }
}
