using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using NUnit.Framework;
using Opper.Models;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

[TestFixture]
public class TraceDiffTests
{
    private const string Root = "research_assistant_1731000000#0";

    internal static GetTraceResponse Sample() =>
        JsonConvert.DeserializeObject<GetTraceResponse>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "examples", "GetTraceResponse.research-assistant.json")))!;

    [Test]
    public void KeysAreNamePathsWithSiblingOrdinals()
    {
        TraceDiff diff = TraceDiff.Compare(Sample(), Sample());
        string[] keys = diff.Matched.Select(p => p.Key).ToArray();
        Assert.That(keys, Does.Contain(Root));
        Assert.That(keys, Does.Contain(Root + "/web_search#0/fetch_page#0/extract_main_content#0"));
        Assert.That(keys, Does.Contain(Root + "/web_search#0/fetch_page#2"));
        Assert.That(keys, Does.Contain(Root + "/summarize_sources#0/summarize_source#1"));
        Assert.That(keys, Has.Length.EqualTo(17));
        Assert.That(keys, Is.Unique);
    }

    [Test]
    public void NamesAreEscapedAndUnnamedSpansHaveAName()
    {
        GetTraceResponse trace = Trace(
            Span("r", start: 0, duration: 10, name: "a/b%c"),
            Span("x", parent: "r", start: 1, duration: 1, name: ""),
            Span("y", parent: "r", start: 2, duration: 1, name: null),
            Span("z", start: 20, duration: 1, name: "a/b%c"));
        trace.Spans![2].Name = null;

        string[] keys = TraceDiff.Compare(trace, trace).Matched.Select(p => p.Key).ToArray();

        Assert.That(keys, Is.EqualTo(new[] { "a%2Fb%25c#0", "a%2Fb%25c#0/(unnamed)#0", "a%2Fb%25c#0/(unnamed)#1", "a%2Fb%25c#1" }));
    }

    [Test]
    public void PairsCarryDurationTokenModelAndErrorChanges()
    {
        GetTraceResponse before = Sample();
        GetTraceResponse after = Sample();
        SpanSchema failedFetch = after.Spans!.Single(s => s.Id!.StartsWith("71d0ef83", StringComparison.Ordinal));
        failedFetch.Error = null;
        failedFetch.DurationMs = 904;
        SpanSchema draft = after.Spans!.Single(s => s.Name == "draft_answer");
        draft.Data!.Model = "anthropic/claude-3-5-sonnet";
        draft.Data.TotalTokens = 3000;
        SpanSchema plan = after.Spans!.Single(s => s.Name == "plan_research");
        plan.Error = "rate limited";
        after.DurationMs = 18000;

        TraceDiff diff = TraceDiff.Compare(before, after);

        Assert.That(diff.Added, Is.Empty);
        Assert.That(diff.Removed, Is.Empty);
        Assert.That(diff.HasChanges, Is.True);
        SpanPair fetch = diff.Matched.Single(p => p.Key == Root + "/web_search#0/fetch_page#1");
        Assert.That(fetch.DurationDeltaMs, Is.EqualTo(904 - 5004));
        Assert.That(fetch.ErrorResolved, Is.True);
        Assert.That(fetch.ErrorAppeared, Is.False);
        Assert.That(fetch.TokensDelta, Is.Null);
        Assert.That(fetch.Before.Span.Id, Is.EqualTo(fetch.After.Span.Id));

        SpanPair changed = diff.Matched.Single(p => p.Key == Root + "/draft_answer#0");
        Assert.That(changed.ModelChanged, Is.True);
        Assert.That(changed.TokensDelta, Is.EqualTo(3000 - 2962));
        Assert.That(changed.DurationDeltaMs, Is.EqualTo(0));
        Assert.That(diff.Matched.Single(p => p.Key == Root + "/plan_research#0").ErrorAppeared, Is.True);
        Assert.That(diff.Matched.Count(p => p.HasChanges), Is.EqualTo(3));

        Assert.That(diff.DurationDeltaMs, Is.EqualTo(18000 - 18734));
        Assert.That(diff.TokensDelta, Is.EqualTo(38));
        Assert.That(diff.ByType["tool"].DurationDeltaMs, Is.EqualTo(904 - 5004));
        Assert.That(diff.ByType["tool"].CountDelta, Is.Zero);
        Assert.That(diff.ByType["cache"].DurationDeltaMs, Is.Zero);
        Assert.That(diff.ByModel["openai/gpt-4o-mini"].CallsDelta, Is.EqualTo(-1));
        Assert.That(diff.ByModel["openai/gpt-4o-mini"].TokensDelta, Is.EqualTo(-2962));
        Assert.That(diff.ByModel["openai/gpt-4o-mini"].DurationDeltaMs, Is.EqualTo(-2950));
        Assert.That(diff.ByModel["anthropic/claude-3-5-sonnet"].CallsAfter, Is.EqualTo(2));
        Assert.That(diff.ByModel["anthropic/claude-3-5-sonnet"].TokensDelta, Is.EqualTo(3000));
    }

    [Test]
    public void AddedAndRemovedSubtrees()
    {
        GetTraceResponse before = Sample();
        GetTraceResponse after = Sample();
        // The second fetch goes away with nothing below it; the first fetch's subtree is replaced.
        after.Spans!.Remove(after.Spans!.Single(s => s.Id!.StartsWith("71d0ef83", StringComparison.Ordinal)));
        after.Spans!.Single(s => s.Name == "extract_main_content").Name = "extract_text";
        after.Spans!.Add(Span("new", parent: before.Spans![0].Id, start: 0, duration: 5, name: "retry", type: "tool"));

        TraceDiff diff = TraceDiff.Compare(before, after);

        // fetch_page#2 of before (948 ms) is now fetch_page#1: matched by position among same-named siblings.
        Assert.That(diff.Removed.Select(r => r.Key), Is.EquivalentTo(new[]
        {
            Root + "/web_search#0/fetch_page#0/extract_main_content#0",
            Root + "/web_search#0/fetch_page#2",
        }));
        Assert.That(diff.Added.Select(a => a.Key), Is.EquivalentTo(new[]
        {
            Root + "/web_search#0/fetch_page#0/extract_text#0",
            Root + "/retry#0",
        }));
        Assert.That(diff.Matched.Single(p => p.Key == Root + "/web_search#0/fetch_page#1").DurationDeltaMs, Is.EqualTo(948 - 5004));
        Assert.That(diff.Added.Single(a => a.Key.EndsWith("retry#0", StringComparison.Ordinal)).Node.Span.Id, Is.EqualTo("new"));
        Assert.That(diff.ByType["tool"].CountDelta, Is.Zero);
        Assert.That(diff.ByType["function"].CountAfter, Is.EqualTo(1));
    }

    [Test]
    public void ModelAndTokensFoundOnlyInMetaCount()
    {
        SpanSchema Exported(string model, long input, long output)
        {
            SpanSchema span = Span("g", start: 0, duration: 10, name: "chat", type: "generation");
            span.Meta = new Newtonsoft.Json.Linq.JObject
            {
                ["gen_ai.request.model"] = model,
                ["gen_ai.usage.input_tokens"] = input,
                ["gen_ai.usage.output_tokens"] = output,
            };
            return span;
        }

        TraceDiff diff = TraceDiff.Compare(Trace(Exported("gpt-4o", 100, 20)), Trace(Exported("gpt-4o-mini", 100, 50)));

        SpanPair pair = diff.Matched.Single();
        Assert.That(pair.ModelChanged, Is.True);
        Assert.That(pair.TokensDelta, Is.EqualTo(30));
        Assert.That(diff.TokensDelta, Is.EqualTo(30));
        Assert.That(diff.ByModel.Keys, Is.EqualTo(new[] { "gpt-4o", "gpt-4o-mini" }));
        Assert.That(diff.ByModel["gpt-4o"].TokensDelta, Is.EqualTo(-120));

        TraceStatistics stats = TraceStatistics.From(new[] { Trace(Exported("gpt-4o", 100, 20)) });
        Assert.That(stats.ByModel["gpt-4o"].TotalTokens, Is.EqualTo(120));
        Assert.That(stats.ByTraceName["(unnamed)"].TotalTokens, Is.EqualTo(120));
    }

    [Test]
    public void UnknownDurationsGiveNullDeltas()
    {
        GetTraceResponse before = Trace(Span("a", start: 0, duration: null, name: "a"));
        GetTraceResponse after = Trace(Span("a", start: 0, duration: 10, name: "a"));
        TraceDiff diff = TraceDiff.Compare(before, after);
        Assert.That(diff.Matched.Single().DurationDeltaMs, Is.Null);
        Assert.That(diff.DurationDeltaMs, Is.Null);
        Assert.That(diff.HasChanges, Is.False);
    }

    [Test]
    public void EmptyTracesAndNullArguments()
    {
        TraceDiff diff = TraceDiff.Compare(new GetTraceResponse(), Trace());
        Assert.That(diff.Matched, Is.Empty);
        Assert.That(diff.ByType, Is.Empty);
        Assert.That(diff.HasChanges, Is.False);
        Assert.Throws<ArgumentNullException>(() => TraceDiff.Compare(null!, Trace()));
        Assert.Throws<ArgumentNullException>(() => TraceDiff.Compare(Trace(), null!));
    }

    [Test]
    public void AMillionSpanChainDiffsWithoutSpellingEveryKey()
    {
        const int n = 1_000_000;
        var spans = new SpanSchema?[n];
        for (int i = 0; i < n; i++)
        {
            spans[i] = new SpanSchema { Id = "s" + i, ParentId = i == 0 ? null : "s" + (i - 1), Name = "step", DurationMs = 1 };
        }

        GetTraceResponse before = Trace(spans);
        GetTraceResponse after = Trace(spans);
        after.Spans = after.Spans!.Take(n - 1).ToList();

        TraceDiff diff = TraceDiff.Compare(before, after);

        Assert.That(diff.Matched, Has.Count.EqualTo(n - 1));
        Assert.That(diff.Removed.Single().Node.Span.Id, Is.EqualTo("s" + (n - 1)));
        Assert.That(diff.Matched[2].Key, Is.EqualTo("step#0/step#0/step#0"));
    }
}
