using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using NUnit.Framework;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

/// <summary><c>tree.Summarize()</c> gives what <c>trace.Summarize()</c> gives, from the tree already built.</summary>
[TestFixture]
public class TreeSummarizeTests
{
    private static readonly JsonSerializerSettings FigureSettings = new() { ContractResolver = new SpansByIdentity(), Formatting = Formatting.Indented };

    /// <summary>
    /// Every public figure of a summary as text, so that two summaries compare field by field;
    /// the error spans are written by identity (the same span objects, not equal copies).
    /// </summary>
    internal static string Figures(TraceSummary summary) => JsonConvert.SerializeObject(summary, FigureSettings);

    private static IEnumerable<TestCaseData> Fixtures()
    {
        yield return new TestCaseData(Examples.Read<GetTraceResponse>("GetTraceResponse.research-assistant.json")).SetName("research-assistant example");
        yield return new TestCaseData(SummaryTests.Sample()).SetName("summary sample");
        yield return new TestCaseData(ModelAndTokensTests.MixedTrace()).SetName("model and tokens in meta");
        yield return new TestCaseData(new GetTraceResponse { Id = "empty" }).SetName("no spans");
        yield return new TestCaseData(Trace(Span(null, start: 0, duration: 5), Span("a", "a", start: 1, duration: 2), Span("b", "nowhere"))).SetName("bad data");
    }

    [TestCaseSource(nameof(Fixtures))]
    public void SameAsTraceSummarize(GetTraceResponse trace)
    {
        SpanTree tree = trace.BuildTree();
        string expected = Figures(trace.Summarize());
        Assert.That(Figures(tree.Summarize()), Is.EqualTo(expected));

        // Twice from the same tree: nothing is consumed.
        Assert.That(Figures(tree.Summarize()), Is.EqualTo(expected));
    }

    [Test]
    public void SeededRandomTraces()
    {
        var rng = new System.Random(7);
        for (int t = 0; t < 200; t++)
        {
            var spans = new List<SpanSchema>();
            int n = rng.Next(0, 60);
            for (int i = 0; i < n; i++)
            {
                SpanSchema span = Span(
                    rng.NextDouble() < 0.1 ? null : "s" + rng.Next(n),
                    rng.NextDouble() < 0.3 ? null : "s" + rng.Next(n + 3),
                    rng.NextDouble() < 0.1 ? null : rng.Next(1000),
                    rng.NextDouble() < 0.1 ? null : rng.Next(-5, 300),
                    type: rng.NextDouble() < 0.5 ? "generation" : "call");
                span.Data = new SpanData { Model = "m" + rng.Next(3), TotalTokens = rng.Next(100) };
                span.Error = rng.NextDouble() < 0.1 ? "e" : null;
                spans.Add(span);
            }

            var trace = new GetTraceResponse { Id = "t" + t, Spans = spans, DurationMs = rng.Next(0, 2000) };
            Assert.That(Figures(trace.BuildTree().Summarize()), Is.EqualTo(Figures(trace.Summarize())), "trace " + t);
        }
    }

    [Test]
    public void ReadsTheTraceFieldsWhenCalled()
    {
        GetTraceResponse trace = SummaryTests.Sample();
        SpanTree tree = trace.BuildTree();
        trace.DurationMs = 400;
        trace.Id = "renamed";
        TraceSummary summary = tree.Summarize();
        Assert.That(summary.TraceId, Is.EqualTo("renamed"));
        Assert.That(summary.GenerationShare, Is.EqualTo(summary.GenerationTimeMs / 400d));
    }

    [Test]
    public void TreeFromSpansHasNoTraceFields()
    {
        GetTraceResponse trace = SummaryTests.Sample();
        TraceSummary fromTrace = trace.Summarize();
        TraceSummary fromSpans = SpanTree.FromSpans(trace.Spans).Summarize();

        Assert.That(fromSpans.TraceId, Is.EqualTo(""));
        Assert.That(fromSpans.GenerationShare, Is.Null);
        Assert.That(fromSpans.GenerationWallShare, Is.Null);
        Assert.That(fromTrace.GenerationShare, Is.Not.Null);

        // Everything that comes from the spans is the same.
        Assert.That(fromSpans.SpanCount, Is.EqualTo(fromTrace.SpanCount));
        Assert.That(fromSpans.TotalTokens, Is.EqualTo(fromTrace.TotalTokens));
        Assert.That(fromSpans.CriticalPath, Is.EqualTo(fromTrace.CriticalPath));
        Assert.That(fromSpans.GenerationTimeMs, Is.EqualTo(fromTrace.GenerationTimeMs));
        Assert.That(fromSpans.GenerationWallTimeMs, Is.EqualTo(fromTrace.GenerationWallTimeMs));
        Assert.That(JsonConvert.SerializeObject(fromSpans.ByType), Is.EqualTo(JsonConvert.SerializeObject(fromTrace.ByType)));
        Assert.That(JsonConvert.SerializeObject(fromSpans.ByModel), Is.EqualTo(JsonConvert.SerializeObject(fromTrace.ByModel)));
        Assert.That(fromSpans.Errors, Is.EqualTo(fromTrace.Errors));
    }

    [Test]
    public void CriticalPathGivesNullForASpanWithoutId()
    {
        TraceSummary summary = Trace(Span(null, start: 0, duration: 10), Span("", start: 0, duration: 5)).Summarize();
        Assert.That(summary.CriticalPath, Is.EqualTo(new string?[] { null }));

        TraceSummary empty = Trace(Span("", start: 0, duration: 10)).Summarize();
        Assert.That(empty.CriticalPath, Is.EqualTo(new[] { "" }));

        SpanSchema child = Span(null, "r", start: 1, duration: 5);
        Assert.That(Trace(Span("r", start: 0, duration: 10), child).Summarize().CriticalPath, Is.EqualTo(new[] { "r", null }));
    }

    [Test]
    public void EveryFigureTakesPartInTheComparison()
    {
        // The comparison above is only as good as the text it compares: a change in any field shows.
        string a = Figures(SummaryTests.Sample().Summarize());
        GetTraceResponse other = SummaryTests.Sample();
        other.Spans![0].Score = 9;
        Assert.That(Figures(other.Summarize()), Is.Not.EqualTo(a));
        Assert.That(a, Does.Contain("\"CriticalPath\"").And.Contain("\"ByModel\"").And.Contain("\"Metrics\"").And.Contain("\"GenerationWallShare\""));
    }

    private sealed class SpansByIdentity : DefaultContractResolver
    {
        protected override JsonContract CreateContract(System.Type objectType)
        {
            JsonContract contract = base.CreateContract(objectType);
            if (objectType == typeof(SpanSchema))
            {
                contract.Converter = new IdentityConverter();
            }

            return contract;
        }
    }

    private sealed class IdentityConverter : JsonConverter
    {
        public override bool CanConvert(System.Type objectType) => objectType == typeof(SpanSchema);

        public override object ReadJson(JsonReader reader, System.Type objectType, object? existingValue, JsonSerializer serializer) =>
            throw new System.NotSupportedException();

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
            writer.WriteValue(((SpanSchema)value!).Id + "#" + RuntimeHelpers.GetHashCode(value));
    }
}
