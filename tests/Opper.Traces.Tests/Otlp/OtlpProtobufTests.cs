using System;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf;
using Newtonsoft.Json.Linq;
using Opper.Models;
using Opper.Traces.Tests.Otlp.Proto;

namespace Opper.Traces.Tests.Otlp;

/// <summary>
/// The export parsed by Google.Protobuf's JSON parser (proto3 JSON mapping, unknown fields
/// refused) over the OTLP trace schema: a parser that shares nothing with the SDK.
/// </summary>
public class OtlpProtobufTests
{
    private static readonly JsonParser Strict = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    [TestCaseSource(typeof(OtlpFixtures), nameof(OtlpFixtures.All))]
    public void Google_protobuf_parses_the_export_and_sees_the_same_spans(string name)
    {
        GetTraceResponse trace = OtlpFixtures.Get(name);
        string json = trace.ToOtlpJson();

        ExportTraceServiceRequest request = Strict.Parse<ExportTraceServiceRequest>(json);

        List<SpanSchema> spans = (trace.Spans ?? new List<SpanSchema>()).Where(s => s is not null).ToList();
        Span[] parsed = request.ResourceSpans.SelectMany(r => r.ScopeSpans).SelectMany(s => s.Spans).ToArray();
        Assert.That(request.ResourceSpans.Single().ScopeSpans.Single().Scope.Name, Is.EqualTo("Opper.Traces"));
        Assert.That(parsed.Select(s => s.Name), Is.EqualTo(spans.Select(s => s.Name ?? string.Empty)));
        foreach ((Span span, SpanSchema original) in parsed.Zip(spans))
        {
            Assert.That(span.EndTimeUnixNano, Is.GreaterThanOrEqualTo(span.StartTimeUnixNano));
            Assert.That(span.Kind, Is.EqualTo(original.Type == "generation" ? Span.Types.SpanKind.Client : Span.Types.SpanKind.Internal));
            Assert.That(span.Status.Code, Is.EqualTo(string.IsNullOrEmpty(original.Error) ? Status.Types.StatusCode.Unset : Status.Types.StatusCode.Error));
            Assert.That(span.Attributes.Select(a => a.Key).Distinct().Count(), Is.EqualTo(span.Attributes.Count));
            if (original.Id is not null)
            {
                Assert.That(span.Attributes.Single(a => a.Key == "opper.span.id").Value.StringValue, Is.EqualTo(original.Id));
            }

            if (original.DurationMs is >= 0 && original.StartTime is not null)
            {
                Assert.That(span.Attributes.Single(a => a.Key == "opper.duration_ms").Value.IntValue, Is.EqualTo(original.DurationMs));
            }
        }
    }

    [Test]
    public void Every_attribute_value_kind_parses_to_its_protobuf_case()
    {
        Span llm = Strict.Parse<ExportTraceServiceRequest>(OtlpFixtures.Simple().ToOtlpJson())
            .ResourceSpans[0].ScopeSpans[0].Spans[1];
        Dictionary<string, AnyValue> attributes = llm.Attributes.ToDictionary(a => a.Key, a => a.Value);

        Assert.Multiple(() =>
        {
            Assert.That(attributes["opper.usage.total_tokens"].IntValue, Is.EqualTo(42));
            Assert.That(attributes["temperature"].DoubleValue, Is.EqualTo(0.2));
            Assert.That(attributes["cached"].ValueCase, Is.EqualTo(AnyValue.ValueOneofCase.BoolValue));
            Assert.That(attributes["opper.tags"].ArrayValue.Values.Select(v => v.StringValue), Is.EqualTo(new[] { "math", "quick" }));
            Assert.That(attributes["nested"].KvlistValue.Values.Single().Value.ArrayValue.Values, Has.Count.EqualTo(3));
            Assert.That(attributes["nothing"].ValueCase, Is.EqualTo(AnyValue.ValueOneofCase.None));
            Assert.That(llm.Events.Single().Attributes.Single(a => a.Key == "opper.metric.value").Value.DoubleValue, Is.EqualTo(0.75));
        });
    }

    [Test]
    public void The_strict_parser_refuses_what_otlp_json_does_not_allow()
    {
        string json = OtlpFixtures.Simple().ToOtlpJson();
        JObject snake = JObject.Parse(json);
        ((JObject)snake["resourceSpans"]![0]!["scopeSpans"]![0]!["spans"]![0]!).Add("start_time", "1");

        Assert.Throws<InvalidProtocolBufferException>(() => Strict.Parse<ExportTraceServiceRequest>(snake.ToString()));
        Assert.Throws<InvalidProtocolBufferException>(() => Strict.Parse<ExportTraceServiceRequest>(json.Replace("\"kind\":3", "\"kind\":\"CLIENT\"", StringComparison.Ordinal)));
    }
}
