using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Models;

namespace Opper.Traces.Tests.Otlp;

/// <summary>Reading OTLP/JSON as OpenTelemetry SDKs and the Collector's file exporter write it.</summary>
public class OtlpReadTests
{
    private const string TraceA = "5b8efff798038103d269b633813fc60c";
    private const string TraceB = "0af7651916cd43dd8448eb211c80319c";

    // Two lines, as the Collector's file exporter writes a batch per line: several resources and
    // scopes, trace A spread over both lines, a parent in another resource, intValue as a string
    // and as a number, every AnyValue kind, unknown fields, and a span whose parent is elsewhere.
    private static readonly string CollectorFile =
        "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"checkout\"}}],\"droppedAttributesCount\":0,\"entityRefs\":[]},"
        + "\"scopeSpans\":[{\"scope\":{\"name\":\"Checkout.Api\",\"version\":\"1.0\"},\"spans\":["
        + Span(TraceA, "1111111111111111", null, "POST /checkout", 2, 1_000_000_000, 1_900_000_000, "{\"key\":\"http.request.method\",\"value\":{\"stringValue\":\"POST\"}}")
        + "],\"schemaUrl\":\"https://opentelemetry.io/schemas/1.24.0\"},"
        + "{\"scope\":{\"name\":\"Experimental.Microsoft.Extensions.AI\"},\"futureField\":{\"x\":[1,2]},\"spans\":["
        + Span(TraceA, "2222222222222222", "1111111111111111", "chat gpt-4o", 3, 1_100_000_000, 1_600_999_999,
            "{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"chat\"}},"
            + "{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":\"gpt-4o\"}},"
            + "{\"key\":\"gen_ai.response.model\",\"value\":{\"stringValue\":\"gpt-4o-2024-08-06\"}},"
            + "{\"key\":\"gen_ai.provider.name\",\"value\":{\"stringValue\":\"openai\"}},"
            + "{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"12\"}},"
            + "{\"key\":\"gen_ai.usage.output_tokens\",\"value\":{\"intValue\":30}},"
            + "{\"key\":\"gen_ai.input.messages\",\"value\":{\"stringValue\":\"[{\\\"role\\\":\\\"user\\\",\\\"parts\\\":[{\\\"type\\\":\\\"text\\\",\\\"content\\\":\\\"hi\\\"}]}]\"}},"
            + "{\"key\":\"gen_ai.request.temperature\",\"value\":{\"doubleValue\":0.5}},"
            + "{\"key\":\"gen_ai.response.finish_reasons\",\"value\":{\"arrayValue\":{\"values\":[{\"stringValue\":\"stop\"}]}}},"
            + "{\"key\":\"stream\",\"value\":{\"boolValue\":false}},"
            + "{\"key\":\"blob\",\"value\":{\"bytesValue\":\"AQID\"}},"
            + "{\"key\":\"labels\",\"value\":{\"kvlistValue\":{\"values\":[{\"key\":\"tier\",\"value\":{\"stringValue\":\"gold\"}},{\"key\":\"n\",\"value\":{\"intValue\":\"-3\"}}]}}},"
            + "{\"key\":\"when\",\"value\":{\"stringValue\":\"2024-05-01T10:00:00Z\"}},"
            + "{\"key\":\"empty\",\"value\":{}}")
        + "]}]}]}\n"
        + "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"search\"}}]},\"scopeSpans\":["
        + "{\"scope\":{\"name\":\"Search\"},\"spans\":["
        + Span(TraceB, "3333333333333333", null, "legacy completion", 3, 5_000_000_000, 5_000_250_000,
            "{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"text_completion\"}},"
            + "{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":\"davinci\"}},"
            + "{\"key\":\"gen_ai.usage.prompt_tokens\",\"value\":{\"intValue\":\"100\"}},"
            + "{\"key\":\"gen_ai.usage.completion_tokens\",\"value\":{\"intValue\":\"20\"}}")
        + "," + Span(TraceA, "4444444444444444", "2222222222222222", "execute_tool get_weather", 1, 1_200_000_000, 1_300_000_000,
            "{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"execute_tool\"}}", "{\"code\":2,\"message\":\"\"}",
            "[{\"timeUnixNano\":\"1250000000\",\"name\":\"exception\",\"attributes\":[{\"key\":\"exception.type\",\"value\":{\"stringValue\":\"System.TimeoutException\"}},{\"key\":\"exception.message\",\"value\":{\"stringValue\":\"no answer\"}}]}]")
        + "," + Span(TraceA, "5555555555555555", "9999999999999999", "callback from another service", 1, 1_700_000_000, 1_650_000_000, string.Empty, "{\"code\":\"STATUS_CODE_ERROR\",\"message\":\"boom\"}")
        + "]}]}]}\n";

    [Test]
    public void A_collector_file_gives_one_trace_per_trace_id_in_order_of_appearance()
    {
        IReadOnlyList<GetTraceResponse> traces = Read(CollectorFile);

        Assert.That(traces.Select(t => t.Id), Is.EqualTo(new[] { "5b8efff7-9803-8103-d269-b633813fc60c", "0af76519-16cd-43dd-8448-eb211c80319c" }));
        GetTraceResponse a = traces[0];
        Assert.That(a.Spans!.Select(s => s.Id), Is.EqualTo(new[] { "1111111111111111", "2222222222222222", "4444444444444444", "5555555555555555" }));
        Assert.That(a.Spans!.Select(s => s.ParentId), Is.EqualTo(new[] { null, "1111111111111111", "2222222222222222", "9999999999999999" }));
        Assert.That(a.Name, Is.EqualTo("POST /checkout"));
        Assert.That(a.DurationMs, Is.EqualTo(900));

        SpanTree tree = a.BuildTree();
        Assert.That(tree.Orphans.Select(n => n.Span.Id), Is.EqualTo(new[] { "5555555555555555" }), "the parent is in another file");
        Assert.That(tree.MaxDepth, Is.EqualTo(2));
    }

    [Test]
    public void GenAI_attributes_give_type_model_tokens_and_content()
    {
        IReadOnlyList<GetTraceResponse> traces = Read(CollectorFile);
        SpanSchema chat = traces[0].Spans![1];
        SpanSchema tool = traces[0].Spans![2];
        SpanSchema legacy = traces[1].Spans![0];

        Assert.Multiple(() =>
        {
            Assert.That(chat.Type, Is.EqualTo("generation"));
            Assert.That(chat.Data!.Model, Is.EqualTo("gpt-4o-2024-08-06"), "the response model first");
            Assert.That(chat.Data!.TotalTokens, Is.EqualTo(42), "12 as a string + 30 as a number");
            Assert.That(chat.Data!.Input, Does.Contain("\"content\":\"hi\""));
            Assert.That(chat.DurationMs, Is.EqualTo(500), "end − start, floored to milliseconds");
            Assert.That(chat.StartTime, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1100)));
            Assert.That(tool.Type, Is.EqualTo("execute_tool"), "another operation keeps its name");
            Assert.That(tool.Error, Is.EqualTo("System.TimeoutException: no answer"), "from the exception event");
            Assert.That(traces[0].Spans![3].Error, Is.EqualTo("boom"));
            Assert.That(traces[0].Spans![3].DurationMs, Is.Null, "an end before the start is no duration");
            Assert.That(legacy.Type, Is.EqualTo("generation"));
            Assert.That(legacy.Data!.Model, Is.EqualTo("davinci"));
            Assert.That(legacy.Data!.TotalTokens, Is.EqualTo(120), "the older prompt/completion token names");
        });

        TraceSummary summary = traces[0].Summarize();
        Assert.That(summary.ByModel["gpt-4o-2024-08-06"].TotalTokens, Is.EqualTo(42));
        Assert.That(summary.ByModel["gpt-4o-2024-08-06"].Calls, Is.EqualTo(1));
        Assert.That(summary.GenerationTimeMs, Is.EqualTo(500));
    }

    [Test]
    public void Other_attributes_become_meta_with_every_value_kind_kept()
    {
        JObject meta = Read(CollectorFile)[0].Spans![1].Meta!;

        Assert.Multiple(() =>
        {
            Assert.That((double)meta["gen_ai.request.temperature"]!, Is.EqualTo(0.5));
            Assert.That(meta["gen_ai.response.finish_reasons"], Is.EqualTo(new JArray("stop")));
            Assert.That(meta["stream"]!.Type, Is.EqualTo(JTokenType.Boolean));
            Assert.That((string?)meta["blob"], Is.EqualTo("AQID"), "bytes stay base64");
            Assert.That(meta["labels"], Is.EqualTo(new JObject { ["tier"] = "gold", ["n"] = -3L }));
            Assert.That(meta["when"]!.Type, Is.EqualTo(JTokenType.String), "date-like strings stay strings");
            Assert.That((string?)meta["when"], Is.EqualTo("2024-05-01T10:00:00Z"));
            Assert.That(meta["empty"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That((string?)meta["gen_ai.request.model"], Is.EqualTo("gpt-4o"));
            Assert.That(meta.ContainsKey("gen_ai.input.messages"), Is.False, "content goes to data.input, once");
        });
    }

    [Test]
    public void A_single_document_legacy_names_and_pretty_printing_are_read()
    {
        string json = "{\n  \"resourceSpans\": [ {\n    \"instrumentationLibrarySpans\": [ {\n      \"instrumentationLibrary\": { \"name\": \"old\" },\n      \"spans\": [ "
            + Span("5B8EFFF798038103D269B633813FC60C", "EEE19B7EC3C1B174", "", "upper-case ids", 1, 1, 2, string.Empty)
            + " ]\n    } ]\n  } ]\n}";

        GetTraceResponse trace = Read(json).Single();

        Assert.That(trace.Id, Is.EqualTo("5b8efff7-9803-8103-d269-b633813fc60c"));
        Assert.That(trace.Spans![0].Id, Is.EqualTo("eee19b7ec3c1b174"));
        Assert.That(trace.Spans![0].ParentId, Is.Null);
    }

    [Test]
    public void In_the_export_scope_the_duration_comes_only_from_opper_duration_ms_and_the_type_falls_back_to_the_operation()
    {
        string json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"scope\":{\"name\":\"Opper.Traces\"},\"spans\":["
            + Span(TraceA, "1111111111111111", null, "hand-made", 3, 1_000_000_000, 2_000_000_000,
                "{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"chat\"}}")
            + "," + Span(TraceA, "2222222222222222", null, "invented start", 1, 1_000_000_000, 1_500_000_000,
                "{\"key\":\"opper.duration_ms\",\"value\":{\"intValue\":\"500\"}},{\"key\":\"opper.start_time_unknown\",\"value\":{\"boolValue\":true}}")
            + "]}]}]}";

        List<SpanSchema> spans = Read(json).Single().Spans!.ToList();

        Assert.That(spans[0].Type, Is.EqualTo("generation"));
        Assert.That(spans[0].DurationMs, Is.Null, "no opper.duration_ms: unknown, whatever the times say");
        Assert.That(spans[0].StartTime, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1)));
        Assert.That(spans[1].StartTime, Is.Null);
        Assert.That(spans[1].DurationMs, Is.EqualTo(500));
        Assert.That(spans[1].Meta, Is.Null, "the export's own attributes are not meta");
    }

    [TestCase("")]
    [TestCase("{}")]
    [TestCase("{\"resourceSpans\":[]}")]
    [TestCase("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[]}]}]}\n{\"resourceSpans\":null}")]
    public void Input_without_spans_is_one_empty_trace(string json)
    {
        GetTraceResponse trace = Read(json).Single();

        Assert.That(trace.Spans, Is.Empty);
        Assert.That(trace.Summarize().SpanCount, Is.EqualTo(0));
    }

    [TestCase("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":{}}]}]}", "resourceSpans[0].scopeSpans[0].spans", "an array (spans)")]
    [TestCase("{\"resourceSpans\":{}}", "resourceSpans", "an array (resourceSpans)")]
    [TestCase("[]", "", "an object (an OTLP ExportTraceServiceRequest)")]
    [TestCase("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"xyz\"}]}]}]}", "resourceSpans[0].scopeSpans[0].spans[0].traceId", "32 hex digits")]
    [TestCase("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"5b8efff798038103d269b633813fc60c\"}]}]}]}", "resourceSpans[0].scopeSpans[0].spans[0]", "no spanId")]
    [TestCase("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"startTimeUnixNano\":\"soon\"}]}]}]}", "resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano", "nanoseconds")]
    [TestCase("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"attributes\":[{\"key\":\"k\",\"value\":{\"intValue\":\"1.5x\"}}]}]}]}]}", "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue", "64-bit integer")]
    [TestCase("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"status\":{\"code\":\"BAD\"}}]}]}]}", "resourceSpans[0].scopeSpans[0].spans[0].status.code", "status code")]
    [TestCase("{\"resourceSpans\":[]}\n{\"resourceSpans\":[{\"resource\":[]}]}", "resourceSpans[0].resource", "line 2")]
    public void A_wrongly_shaped_file_names_the_json_path(string json, string path, string message)
    {
        JsonSerializationException error = Assert.Throws<JsonSerializationException>(() => Read(json))!;

        Assert.That(error.Path, Is.EqualTo(path));
        Assert.That(error.Message, Does.Contain("Path '" + path + "'").And.Contain(message));
    }

    [TestCase("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":", "resourceSpans[0].scopeSpans[0].spans[0].traceId")]
    [TestCase("{\"resourceSpans\":[ nope ]}", "resourceSpans")]
    public void Malformed_json_names_the_json_path(string json, string path)
    {
        JsonException error = Assert.Catch<JsonException>(() => Read(json))!;

        Assert.That(error.Message, Does.Contain(path));
    }

    private static IReadOnlyList<GetTraceResponse> Read(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return OtlpJson.Read(stream);
    }

    private static string Span(string traceId, string spanId, string? parent, string name, int kind, long start, long end, string attributes, string status = "{}", string? events = null) =>
        "{\"traceId\":\"" + traceId + "\",\"spanId\":\"" + spanId + "\"" + (parent is null ? string.Empty : ",\"parentSpanId\":\"" + parent + "\"")
        + ",\"flags\":257,\"name\":\"" + name + "\",\"kind\":" + kind + ",\"startTimeUnixNano\":\"" + start + "\",\"endTimeUnixNano\":\"" + end + "\""
        + ",\"attributes\":[" + attributes + "],\"droppedAttributesCount\":0" + (events is null ? string.Empty : ",\"events\":" + events)
        + ",\"status\":" + status + "}";
}
