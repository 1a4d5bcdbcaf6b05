using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Opper.Models;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

/// <summary>
/// The model and token rule: <c>data</c> first, else the GenAI attributes in <c>meta</c>, the
/// same on the node, in the summary and in the multi-trace statistics.
/// </summary>
[TestFixture]
public class ModelAndTokensTests
{
    /// <summary>A span whose meta is parsed from JSON as the client reads it (dates and numbers as sent).</summary>
    private static SpanSchema WithMeta(SpanSchema span, string metaJson)
    {
        using var reader = new JsonTextReader(new System.IO.StringReader(metaJson)) { DateParseHandling = DateParseHandling.None };
        span.Meta = (JObject)JToken.ReadFrom(reader);
        return span;
    }

    private static SpanNode Node(SpanSchema span) => Tree(span).Walk().Single();

    [Test]
    public void DataComesFirst()
    {
        SpanNode node = Node(WithMeta(
            WithData(Span("a"), "data-model", 7),
            """{"gen_ai.response.model": "meta-model", "gen_ai.usage.input_tokens": 100, "gen_ai.usage.output_tokens": 200}"""));
        Assert.That(node.Model, Is.EqualTo("data-model"));
        Assert.That(node.TotalTokens, Is.EqualTo(7));
    }

    [Test]
    public void ResponseModelBeforeRequestModel()
    {
        Assert.That(Node(WithMeta(Span("a"), """{"gen_ai.request.model": "req", "gen_ai.response.model": "resp"}""")).Model, Is.EqualTo("resp"));
        Assert.That(Node(WithMeta(Span("a"), """{"gen_ai.request.model": "req"}""")).Model, Is.EqualTo("req"));
        Assert.That(Node(WithMeta(Span("a"), """{"other": "x"}""")).Model, Is.Null);
        Assert.That(Node(Span("a")).Model, Is.Null);
        Assert.That(Node(Span("a")).TotalTokens, Is.Null);
    }

    [Test]
    public void EmptyOrWrongKindModelFallsThrough()
    {
        Assert.That(Node(WithMeta(WithData(Span("a"), "", null), """{"gen_ai.response.model": "", "gen_ai.request.model": "req"}""")).Model, Is.EqualTo("req"));
        Assert.That(Node(WithMeta(Span("a"), """{"gen_ai.response.model": 12, "gen_ai.request.model": null}""")).Model, Is.Null);
        Assert.That(Node(WithMeta(Span("a"), """{"gen_ai.response.model": {"name": "x"}, "gen_ai.request.model": ["y"]}""")).Model, Is.Null);
        Assert.That(Node(WithMeta(Span("a"), """{"gen_ai.response.model": ""}""")).Model, Is.Null);
    }

    [Test]
    public void TokensFromMetaAddInputAndOutput()
    {
        Assert.That(Node(WithMeta(Span("a"), """{"gen_ai.usage.input_tokens": 100, "gen_ai.usage.output_tokens": 23}""")).TotalTokens, Is.EqualTo(123));
        Assert.That(Node(WithMeta(Span("a"), """{"gen_ai.usage.input_tokens": 100}""")).TotalTokens, Is.EqualTo(100));
        Assert.That(Node(WithMeta(Span("a"), """{"gen_ai.usage.output_tokens": 23}""")).TotalTokens, Is.EqualTo(23));
        Assert.That(Node(WithMeta(WithData(Span("a"), "m", null), """{"gen_ai.usage.output_tokens": 5}""")).TotalTokens, Is.EqualTo(5));
    }

    [TestCase("\"100\"", null)]
    [TestCase("\"abc\"", null)]
    [TestCase("true", null)]
    [TestCase("null", null)]
    [TestCase("{}", null)]
    [TestCase("[1]", null)]
    [TestCase("\"2024-01-01T00:00:00Z\"", null)]
    [TestCase("12.0", 12L)]
    [TestCase("12.9", 12L)]
    [TestCase("-3", -3L)]
    [TestCase("1e300", long.MaxValue)]
    [TestCase("-1e300", long.MinValue)]
    [TestCase("99999999999999999999999999", long.MaxValue)]
    [TestCase("-99999999999999999999999999", long.MinValue)]
    [TestCase("9223372036854775807", long.MaxValue)]
    public void OddTokenValuesNeverThrow(string value, long? expected)
    {
        SpanSchema span = WithMeta(Span("a"), "{\"gen_ai.usage.input_tokens\": " + value + "}");
        Assert.That(Node(span).TotalTokens, Is.EqualTo(expected));

        // Beside a valid count, a value that is not a number is left out, not an error.
        SpanSchema both = WithMeta(Span("b"), "{\"gen_ai.usage.input_tokens\": " + value + ", \"gen_ai.usage.output_tokens\": 4}");
        Assert.That(Node(both).TotalTokens, Is.EqualTo(expected.HasValue ? Saturating(expected.Value, 4) : 4));
    }

    [Test]
    public void HugeCountsSaturateWhenAdded()
    {
        SpanSchema span = WithMeta(Span("a"), """{"gen_ai.usage.input_tokens": 9223372036854775807, "gen_ai.usage.output_tokens": 10}""");
        Assert.That(Node(span).TotalTokens, Is.EqualTo(long.MaxValue));
    }

    [Test]
    public void MetaThatIsNotAnObjectOfNumbersNeverThrows()
    {
        var trace = Trace(
            WithMeta(Span("a", type: "generation"), """{"gen_ai.usage": {"input_tokens": 3}, "gen_ai.response.model": [], "gen_ai.usage.input_tokens": "7"}"""),
            WithMeta(Span("b", "a"), """{}"""));
        TraceSummary summary = trace.Summarize();
        Assert.That(summary.TotalTokens, Is.EqualTo(0));
        Assert.That(summary.ByModel, Is.Empty);
    }

    /// <summary>Spans that carry model and tokens only in meta (as exported from OpenTelemetry), mixed with data ones.</summary>
    internal static GetTraceResponse MixedTrace()
    {
        var trace = Trace(
            WithData(Span("root", start: 0, duration: 1000, type: "call"), null, null),
            WithData(Span("d1", "root", start: 10, duration: 100, type: "generation"), "gpt-4o", 50),
            WithMeta(Span("m1", "root", start: 200, duration: 300, type: "generation"),
                """{"gen_ai.response.model": "gpt-4o", "gen_ai.request.model": "gpt-4", "gen_ai.usage.input_tokens": 70, "gen_ai.usage.output_tokens": 30}"""),
            WithMeta(Span("m2", "root", start: 600, duration: 200, type: "generation"),
                """{"gen_ai.request.model": "claude", "gen_ai.usage.output_tokens": 12.0}"""),
            WithMeta(WithData(Span("m3", "m2", start: 610, duration: 20, type: "generation"), "", 5),
                """{"gen_ai.request.model": "claude", "gen_ai.usage.input_tokens": 999}"""),
            WithMeta(Span("tool", "root", start: 900, duration: 10, type: "tool"),
                """{"gen_ai.usage.input_tokens": 8, "gen_ai.usage.output_tokens": "n/a"}"""));
        trace.Id = "mixed";
        trace.DurationMs = 1000;
        return trace;
    }

    [Test]
    public void SummaryCountsMetaSpansLikeDataSpans()
    {
        TraceSummary summary = MixedTrace().Summarize();

        // d1 50 + m1 (70 + 30) + m2 12 + m3 5 (data wins over meta) + tool 8.
        Assert.That(summary.TotalTokens, Is.EqualTo(50 + 100 + 12 + 5 + 8));
        Assert.That(summary.ByModel.Keys, Is.EqualTo(new[] { "claude", "gpt-4o" }));
        Assert.That(summary.ByModel["gpt-4o"].Calls, Is.EqualTo(2));
        Assert.That(summary.ByModel["gpt-4o"].TotalTokens, Is.EqualTo(150));
        Assert.That(summary.ByModel["gpt-4o"].TotalDurationMs, Is.EqualTo(400));
        Assert.That(summary.ByModel["claude"].Calls, Is.EqualTo(2));
        Assert.That(summary.ByModel["claude"].TotalTokens, Is.EqualTo(17));
        Assert.That(summary.ByModel["claude"].TotalDurationMs, Is.EqualTo(220));
    }

    [Test]
    public void NodesAgreeWithTheSummary()
    {
        GetTraceResponse trace = MixedTrace();
        SpanTree tree = trace.BuildTree();
        TraceSummary summary = tree.Summarize();
        Assert.That(summary.TotalTokens, Is.EqualTo(tree.Walk().Sum(n => n.TotalTokens ?? 0)));
        var calls = tree.Walk().Where(n => n.Model is not null).GroupBy(n => n.Model!).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(summary.ByModel.ToDictionary(p => p.Key, p => p.Value.Calls), Is.EqualTo(calls));
        Assert.That(tree.Find("m3")!.Model, Is.EqualTo("claude"));
        Assert.That(tree.Find("m3")!.TotalTokens, Is.EqualTo(5));
        Assert.That(tree.Find("tool")!.Model, Is.Null);
        Assert.That(tree.Find("tool")!.TotalTokens, Is.EqualTo(8));
    }

    [Test]
    public void StatisticsUseTheSameRule()
    {
        GetTraceResponse trace = MixedTrace();
        TraceSummary summary = trace.Summarize();
        TraceStatistics stats = TraceStatistics.From(new[] { trace, MixedTrace() });
        Assert.That(stats.TotalTokens, Is.EqualTo(2 * summary.TotalTokens));
        Assert.That(stats.ByModel.Keys, Is.EqualTo(summary.ByModel.Keys));
        foreach (KeyValuePair<string, ModelStats> pair in summary.ByModel)
        {
            Assert.That(stats.ByModel[pair.Key].Calls, Is.EqualTo(2 * pair.Value.Calls), pair.Key);
            Assert.That(stats.ByModel[pair.Key].TotalTokens, Is.EqualTo(2 * pair.Value.TotalTokens), pair.Key);
            Assert.That(stats.ByModel[pair.Key].TotalDurationMs, Is.EqualTo(2 * pair.Value.TotalDurationMs), pair.Key);
        }
    }

    private static long Saturating(long a, long b)
    {
        long sum = unchecked(a + b);
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? long.MinValue : long.MaxValue) : sum;
    }
}
