using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.Tests.Otlp;

/// <summary>The validator itself catches each kind of encoding mistake, so that its silence on the export means something.</summary>
public class OtlpJsonValidatorTests
{
    private static readonly (string Name, Action<JObject> Break)[] Mistakes =
    {
        ("upper-case trace id", d => Span(d)["traceId"] = ((string)Span(d)["traceId"]!).ToUpperInvariant().Replace('0', 'A')),
        ("short span id", d => Span(d)["spanId"] = "abc"),
        ("all-zero span id", d => Span(d)["spanId"] = "0000000000000000"),
        ("base64 trace id", d => Span(d)["traceId"] = "W47/95gDgQPSabYzgT/GDA=="),
        ("time as a number", d => Span(d)["startTimeUnixNano"] = 1L),
        ("end before start", d => Span(d)["endTimeUnixNano"] = "1"),
        ("enum as a name", d => Span(d)["kind"] = "SPAN_KIND_CLIENT"),
        ("status code as a name", d => Span(d)["status"] = new JObject { ["code"] = "STATUS_CODE_ERROR" }),
        ("snake_case field", d => Span(d)["start_time_unix_nano"] = "1"),
        ("unknown field", d => Span(d)["duration"] = 5),
        ("bare attribute value", d => ((JArray)Span(d)["attributes"]!)[0]!["value"] = "text"),
        ("two AnyValue fields", d => ((JArray)Span(d)["attributes"]!)[0]!["value"] = new JObject { ["stringValue"] = "a", ["boolValue"] = true }),
        ("intValue as a number", d => ((JArray)Span(d)["attributes"]!)[0]!["value"] = new JObject { ["intValue"] = 5 }),
        ("repeated attribute key", d => ((JArray)Span(d)["attributes"]!).Add(((JArray)Span(d)["attributes"]!)[0]!.DeepClone())),
        ("spans not an array", d => d["resourceSpans"]![0]!["scopeSpans"]![0]!["spans"] = new JObject()),
    };

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach ((string name, Action<JObject> _) in Mistakes)
        {
            yield return new TestCaseData(name).SetName("{m}(" + name + ")");
        }
    }

    [Test]
    public void A_written_trace_is_valid_before_it_is_broken()
    {
        Assert.That(OtlpJsonValidator.Validate(Document()), Is.Empty);
    }

    [TestCaseSource(nameof(Cases))]
    public void Each_encoding_mistake_is_reported(string mistake)
    {
        JObject document = Document();
        Array.Find(Mistakes, m => m.Name == mistake).Break(document);

        Assert.That(OtlpJsonValidator.Validate(document), Is.Not.Empty);
    }

    private static JObject Document() => (JObject)OtlpRoundTripTests.Parse(OtlpFixtures.Simple().ToOtlpJson());

    private static JObject Span(JObject document) => (JObject)document["resourceSpans"]![0]!["scopeSpans"]![0]!["spans"]![0]!;
}
