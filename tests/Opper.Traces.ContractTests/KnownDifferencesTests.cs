using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Models;
using Opper.Traces.ContractTests.Infrastructure;
using Raw31 = Opper.Traces.ContractTests.NSwagRaw31;

namespace Opper.Traces.ContractTests;

/// <summary>
/// Where NSwag 14.7.1 gets this spec wrong, so the differential tests cannot use it as the oracle.
/// Each test states NSwag's behaviour in a comment and asserts what our client does.
/// </summary>
[TestFixture]
public class KnownDifferencesTests
{
    private const string TraceId = "7f3e2a91-4c5d-4b8e-9a1f-2d6c8e0b5a37";

    private static JToken Example(string name) => Json.Parse(File.ReadAllText(OpenApiDocument.SpecPath("examples/" + name + ".json")));

    private static async Task<JToken> SentBody(Func<OpperClient, Task> call, int status = 200, string response = "{}")
    {
        var result = await Exchange.Ours(async c => { await call(c); return null; }, new CannedResponse(status, response));
        Assert.That(result.Error, Is.Null, () => "our client failed: " + result.Error);
        return Json.Parse(result.Request!.Body!);
    }

    private static async Task<ExchangeResult> Read(Func<OpperClient, Task<object?>> call, string body, int status = 200, string contentType = "application/json") =>
        await Exchange.Ours(call, new CannedResponse(status, body, contentType));

    // NSwag on the OpenAPI 3.1 document as it is: every `anyOf: [X, {"type": "null"}]` becomes an empty
    // class (Start_time4, Spans, ...), so reading any trace throws ("Error converting value ... to type
    // Start_time4"). That is why NSwag.targets gives NSwag the document with those anyOf renamed oneOf.
    // The first assertion records NSwag's failure (when an NSwag release fixes it, the workaround can go);
    // the rest check that our client, which reads the 3.1 document itself, gets every field.
    [Test]
    public void OpenApi31NullableAnyOf()
    {
        var example = Example("GetTraceResponse.research-assistant");
        Assert.That(() => JsonConvert.DeserializeObject<Raw31.GetTraceResponse>(Json.Text(example), Exchange.NSwagSettings), Throws.InstanceOf<JsonSerializationException>());

        var trace = JsonConvert.DeserializeObject<GetTraceResponse>(Json.Text(example))!;
        Assert.Multiple(() =>
        {
            Assert.That(trace.StartTime, Is.EqualTo(DateTimeOffset.Parse((string)example["start_time"]!, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(trace.DurationMs, Is.EqualTo((long)example["duration_ms"]!));
            Assert.That(trace.Spans, Has.Count.EqualTo(((JArray)example["spans"]!).Count));
            Assert.That(trace.Spans!.Count(s => s.Data is null), Is.EqualTo(((JArray)example["spans"]!).Count(s => s["data"]!.Type == JTokenType.Null)));
            Assert.That(trace.Spans!.Select(s => s.ParentId), Is.EqualTo(((JArray)example["spans"]!).Select(s => (string?)s["parent_id"])));
        });
    }

    // `model` is anyOf [Model, string, object, array]: NSwag makes TModel an empty class, so a request
    // with "model": "openai/gpt-4o-mini" cannot even be built ("Error converting value ... to type TModel")
    // and such a response cannot be read. Ours keeps the JSON and says which alternative it is.
    [Test]
    public async Task ModelUnion()
    {
        var request = Example("CreateFunctionRequest.research-assistant");
        var sent = await SentBody(c => c.Functions.CreateAsync(JsonConvert.DeserializeObject<CreateFunctionRequest>(Json.Text(request))!), 201, Json.Text(Example("CreateFunctionResponse.research-assistant")));
        Assert.That(sent["model"], Is.EqualTo(new JValue("openai/gpt-4o-mini")));

        var asString = JsonConvert.DeserializeObject<CreateFunctionResponse>(Json.Text(Example("CreateFunctionResponse.research-assistant")))!;
        var asObject = JsonConvert.DeserializeObject<CreateFunctionResponse>(Json.Text(Example("CreateFunctionResponse.model-object")))!;
        Assert.Multiple(() =>
        {
            Assert.That(asString.Model!.IsString, Is.True);
            Assert.That(asString.Model.AsString(), Is.EqualTo("openai/gpt-4o-mini"));
            Assert.That(asObject.Model!.IsModel, Is.True);
            Assert.That(JToken.DeepEquals(asObject.Model.Json, Example("CreateFunctionResponse.model-object")["model"]), Is.True);
        });
    }

    // The spec's `integer` has no format; NSwag maps it to int, so a duration over 24.8 days or a token
    // count over 2^31 throws "JSON integer 3000000000 is too large or small for an Int32". Ours uses long.
    [Test]
    public async Task IntegersBeyondInt32()
    {
        var body = new JObject
        {
            ["id"] = TraceId,
            ["duration_ms"] = 3_000_000_000L,
            ["total_tokens"] = 9_000_000_000_000L,
            ["spans"] = new JArray(new JObject { ["id"] = "s", ["duration_ms"] = 4_000_000_000L, ["score"] = 5_000_000_000L }),
        };
        var result = await Read(async c => await c.Traces.GetAsync(TraceId), Json.Text(body));

        var trace = (GetTraceResponse)result.Value!;
        Assert.Multiple(() =>
        {
            Assert.That(trace.DurationMs, Is.EqualTo(3_000_000_000L));
            Assert.That(trace.TotalTokens, Is.EqualTo(9_000_000_000_000L));
            Assert.That(trace.Spans![0].DurationMs, Is.EqualTo(4_000_000_000L));
            Assert.That(trace.Spans[0].Score, Is.EqualTo(5_000_000_000L));
        });
    }

    // NSwag reads with Newtonsoft's default DateParseHandling.DateTime: inside free-form JSON (meta, input,
    // unknown fields) "2024-11-07T05:31:56.123450+02:00" becomes a DateTime, converted to the machine's
    // time zone and written back as "2024-11-07T03:31:56.12345+00:00". Ours keeps the string as sent.
    [Test]
    public async Task DateLikeStringsInFreeFormJson()
    {
        const string WithOffset = "2024-11-07T05:31:56.123450+02:00";
        var body = new JObject
        {
            ["id"] = TraceId,
            ["spans"] = new JArray(new JObject
            {
                ["id"] = "s",
                ["meta"] = new JObject { ["at"] = WithOffset, ["day"] = "2024-11-07", ["nested"] = new JArray(WithOffset) },
                ["x_future_field"] = WithOffset,
            }),
        };
        var result = await Read(async c => await c.Traces.GetAsync(TraceId), Json.Text(body));

        var span = ((GetTraceResponse)result.Value!).Spans![0];
        Assert.Multiple(() =>
        {
            Assert.That(span.Meta!["at"]!.Type, Is.EqualTo(JTokenType.String));
            Assert.That((string?)span.Meta["at"], Is.EqualTo(WithOffset));
            Assert.That((string?)span.Meta["day"], Is.EqualTo("2024-11-07"));
            Assert.That((string?)span.Meta["nested"]![0], Is.EqualTo(WithOffset));
            Assert.That(span.AdditionalProperties["x_future_field"]!.Type, Is.EqualTo(JTokenType.String));
            Assert.That(Json.Text(Json.Parse(JsonConvert.SerializeObject(span))), Is.EqualTo(Json.Text(body["spans"]![0]!)));
        });
    }

    // NSwag writes optional properties with NullValueHandling.Ignore and cannot tell "not set" from
    // "set to null": UpdateSpanRequest { Name = "x", Error = null } goes out as {"name":"x"}, so a PATCH
    // can never clear a field. Ours sends exactly what the caller set, explicit nulls included.
    [Test]
    public async Task PatchSendsOnlyWhatWasSet()
    {
        var span = await SentBody(c => c.Spans.UpdateAsync("span-1", new UpdateSpanRequest { Name = "renamed", Error = null }), 200, Json.Text(Example("UpdateSpanResponse.basic")));
        var metric = await SentBody(c => c.SpanMetrics.UpdateAsync("span-1", "metric-1", new UpdateSpanMetricRequest { Comment = null }), 200, Json.Text(Example("UpdateSpanMetricResponse.basic")));
        var untouched = await SentBody(c => c.Spans.UpdateAsync("span-1", new UpdateSpanRequest()), 200, Json.Text(Example("UpdateSpanResponse.basic")));

        Assert.Multiple(() =>
        {
            Assert.That(Json.Text(span), Is.EqualTo("{\"name\":\"renamed\",\"error\":null}"));
            Assert.That(Json.Text(metric), Is.EqualTo("{\"comment\":null}"));
            Assert.That(Json.Text(untouched), Is.EqualTo("{}"));
        });
    }

    // NSwag initialises properties with the spec's defaults, so a configuration with one key set goes out
    // with all five dotted keys (few_shot.count 3, max_attempts 5, ...), and a response without
    // `observer_enabled` reads as true. Ours sends only what was set; reading, it applies the same default.
    [Test]
    public async Task DefaultsAreNotInvented()
    {
        var request = new JObject
        {
            ["name"] = "f",
            ["instructions"] = "i",
            ["configuration"] = new JObject { ["invocation.cache.ttl"] = 60 },
        };
        var sent = await SentBody(c => c.Functions.CreateAsync(JsonConvert.DeserializeObject<CreateFunctionRequest>(Json.Text(request))!), 201, Json.Text(Example("CreateFunctionResponse.research-assistant")));
        Assert.That(Json.Text(sent), Is.EqualTo(Json.Text(request)));

        var response = (JObject)Example("CreateFunctionResponse.research-assistant");
        response.Remove("observer_enabled");
        Assert.That(JsonConvert.DeserializeObject<CreateFunctionResponse>(Json.Text(response))!.ObserverEnabled, Is.True);
    }

    // Ids with `format: uuid` are System.Guid in NSwag: a path id that is not a uuid cannot be passed, and a
    // response id that is not one throws ("Error converting value "trace-abc" to type System.Guid").
    // API.md makes ids strings; ours sends any id, escaped, and reads any id.
    [Test]
    public async Task IdsAreStrings()
    {
        var result = await Read(async c => await c.Traces.GetAsync("trace/é 1?#"), "{\"id\":\"trace-abc\",\"spans\":[]}");

        Assert.That(result.Error, Is.Null);
        Assert.Multiple(() =>
        {
            Assert.That(result.Request!.Path, Is.EqualTo("/v2/traces/trace%2F%C3%A9%201%3F%23"));
            Assert.That(((GetTraceResponse)result.Value!).Id, Is.EqualTo("trace-abc"));
        });
    }

    // The spec has no enums (a span's `type`, a trace's `status` are plain strings), so "unknown enum
    // values" cannot differ between the clients today. This fails when an enum is added, so that the
    // comparison of unknown values gets written then; and it checks that an unforeseen status is kept.
    [Test]
    public async Task UnknownValuesOfStringFields()
    {
        Assert.That(OpenApiDocument.Document.SelectTokens("$..enum"), Is.Empty, "the spec now has enums: compare unknown enum values between the clients");

        var result = await Read(async c => await c.Traces.GetAsync(TraceId), "{\"id\":\"" + TraceId + "\",\"status\":\"paused-by-operator\",\"spans\":[{\"type\":\"retrieval-v2\"}]}");
        var trace = (GetTraceResponse)result.Value!;
        Assert.Multiple(() =>
        {
            Assert.That(trace.Status, Is.EqualTo("paused-by-operator"));
            Assert.That(trace.Spans![0].Type, Is.EqualTo("retrieval-v2"));
        });
    }

    // NSwag's error DTOs mark `detail` Required.Always, so {"detail": null} cannot be read and the caller gets
    // a plain ApiException "Could not deserialize the response body" instead of ApiException<NotFoundError>.
    // Ours still throws the 404 exception with what it could read.
    [Test]
    public async Task ErrorBodyWithNullDetail()
    {
        var result = await Read(async c => await c.Traces.GetAsync(TraceId), "{\"type\":\"NotFoundError\",\"message\":\"Trace not found\",\"detail\":null}", 404);

        Assert.That(result.Error, Is.InstanceOf<OpperNotFoundException>());
        var error = (OpperNotFoundException)result.Error!;
        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(404));
            Assert.That(error.ErrorType, Is.EqualTo("NotFoundError"));
            Assert.That(error.ErrorMessage, Is.EqualTo("Trace not found"));
            Assert.That(error.Detail is null || error.Detail.Type == JTokenType.Null, Is.True);
        });
    }

    // Both clients fail clearly on a body that is not the promised type; NSwag's message is "Response was
    // null which was not expected" or "Could not deserialize the response body stream as ...GetTraceResponse"
    // without the JSON path. Ours throws OpperSerializationException with the path.
    [Test]
    public async Task UnreadableBodiesNameTheJsonPath()
    {
        var nullBody = await Read(async c => await c.Traces.GetAsync(TraceId), "null");
        var badSpan = await Read(async c => await c.Traces.GetAsync(TraceId), "{\"id\":\"" + TraceId + "\",\"spans\":[{},{\"duration_ms\":\"soon\"}]}");
        var html = await Read(async c => await c.Traces.GetAsync(TraceId), File.ReadAllText(OpenApiDocument.SpecPath("examples/errors/502-bad-gateway.html")), 502, "text/html");

        Assert.Multiple(() =>
        {
            Assert.That(nullBody.Error, Is.InstanceOf<OpperSerializationException>());
            Assert.That(badSpan.Error, Is.InstanceOf<OpperSerializationException>());
            Assert.That(((OpperSerializationException)badSpan.Error!).Path, Is.EqualTo("spans[1].duration_ms"));
            Assert.That(html.Error, Is.InstanceOf<OpperServerException>());
            Assert.That(((OpperApiException)html.Error!).StatusCode, Is.EqualTo(502));
        });
    }
}
