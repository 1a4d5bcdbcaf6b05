using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Models;
using Opper.Models.Serialization;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Reliability;

/// <summary>
/// JSON nested 100,000 levels deep — at the top, and inside the free-form <c>meta</c>,
/// <c>input</c>, <c>output</c> and unknown fields — ends in a clear MaxDepth error on every
/// path, never a stack overflow (which would take the whole test host down).
/// </summary>
[TestFixture]
public class DeepNestingTests
{
    private const int Depth = 100_000;

    private static string Nested(bool objects)
    {
        var text = new StringBuilder(Depth * 6);
        for (var i = 0; i < Depth; i++)
        {
            text.Append(objects ? "{\"a\":" : "[");
        }

        text.Append("1");
        text.Append(objects ? '}' : ']', Depth);
        return text.ToString();
    }

    /// <summary>
    /// A span (<c>GetSpanResponse</c>, whose <c>input</c> and <c>output</c> are free-form) or a
    /// trace, with one free-form value replaced by 100,000 levels of nesting.
    /// </summary>
    private static string With(string where, bool objects)
    {
        const string marker = "\"__deep__\"";
        JObject root;
        switch (where)
        {
            case "top":
                // The whole body: an object whose one unknown field nests on and on (an array
                // at the top is refused at its first token, before any depth).
                return Nested(objects: true);
            case "spans[1].meta":
                root = (JObject)Examples.Json("GetTraceResponse.research-assistant.json");
                root["spans"]![1]!["meta"] = new JObject { ["deep"] = "__deep__" };
                break;
            case "spans[1].unknown":
                root = (JObject)Examples.Json("GetTraceResponse.research-assistant.json");
                root["spans"]![1]!["added_by_a_newer_server"] = "__deep__";
                break;
            case "meta":
                root = (JObject)Examples.Json("GetSpanResponse.with-feedback.json");
                root["meta"] = new JObject { ["deep"] = "__deep__" };
                break;
            default:
                root = (JObject)Examples.Json("GetSpanResponse.with-feedback.json");
                root[where] = "__deep__";
                break;
        }

        return root.ToString(Formatting.None).Replace(marker, Nested(objects), StringComparison.Ordinal);
    }

    private static bool IsTrace(string where) => where.StartsWith("spans", StringComparison.Ordinal);

    private static object ReadWithJsonConvert(string where, string json) =>
        IsTrace(where) ? JsonConvert.DeserializeObject<GetTraceResponse>(json)! : JsonConvert.DeserializeObject<GetSpanResponse>(json)!;

    public static IEnumerable<TestCaseData> Places()
    {
        foreach (var where in new[] { "top", "meta", "input", "output", "spans[1].meta", "spans[1].unknown" })
        {
            if (where != "top")
            {
                yield return new TestCaseData(where, false).SetArgDisplayNames(where, "arrays");
            }

            yield return new TestCaseData(where, true).SetArgDisplayNames(where, "objects");
        }
    }

    [TestCaseSource(nameof(Places))]
    public void Json_convert_stops_at_its_max_depth(string where, bool objects)
    {
        var json = With(where, objects);

        var ex = Assert.Catch<JsonException>(() => ReadWithJsonConvert(where, json))!;

        Assert.That(ex.Message, Does.Contain("MaxDepth"));
    }

    [Test]
    public void A_caller_who_turns_off_json_net_max_depth_still_gets_a_limit()
    {
        // Reading 100,000 levels would succeed without a limit, and writing the value back would
        // then overflow the stack inside Newtonsoft's recursive writer and kill the process.
        var json = With("meta", objects: true);
        var settings = new JsonSerializerSettings { MaxDepth = null };

        var ex = Assert.Catch<JsonException>(() => JsonConvert.DeserializeObject<GetSpanResponse>(json, settings))!;

        Assert.That(ex.Message, Does.Contain("MaxDepth of 256"));
        Assert.That(JsonConvert.DeserializeObject<GetSpanResponse>(Examples.Text("GetSpanResponse.with-feedback.json"), settings)!.Id, Is.EqualTo(Wire.RootSpanId), "the reader is usable as before");
    }

    [TestCaseSource(nameof(Places))]
    public void The_runtime_reader_stops_at_its_max_depth(string where, bool objects)
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(With(where, objects)));

        var ex = Assert.Catch<JsonException>(() =>
        {
            if (IsTrace(where))
            {
                OpperJson.Deserialize(stream, GetTraceResponseJsonConverter.Read);
            }
            else
            {
                OpperJson.Deserialize(stream, GetSpanResponseJsonConverter.Read);
            }
        })!;

        Assert.That(ex.Message, Does.Contain("MaxDepth of 256"));
    }

    [TestCaseSource(nameof(Places))]
    public void The_client_reports_a_serialization_error_naming_max_depth(string where, bool objects)
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, With(where, objects));

        var ex = Assert.ThrowsAsync<OpperSerializationException>(() => IsTrace(where) ? api.Client.Traces.GetAsync(Wire.TraceId) : api.Client.Spans.GetAsync(Wire.RootSpanId))!;

        Assert.That(ex.Message, Does.Contain("MaxDepth of 256").And.Contain(IsTrace(where) ? "GET /traces/{trace_id}" : "GET /spans/{span_id}"));
    }

    [Test]
    public void The_clients_max_json_depth_is_the_limit_it_applies()
    {
        using var api = new MockApi(o => o.MaxJsonDepth = 8);
        api.Reply(HttpStatusCode.OK, With("spans[1].meta", objects: true));

        var ex = Assert.ThrowsAsync<OpperSerializationException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.Message, Does.Contain("MaxDepth of 8"));
        Assert.That(ex.Path, Does.StartWith("spans[1].meta.deep"));
    }

    [Test]
    public void A_deep_error_body_still_gives_the_status_exception()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.UnprocessableEntity, "{\"type\":\"RequestValidationError\",\"detail\":" + Nested(objects: false) + "}");

        var ex = Assert.ThrowsAsync<OpperValidationException>(() => api.Client.Spans.GetAsync(Wire.RootSpanId))!;

        Assert.That(ex.StatusCode, Is.EqualTo(422));
        Assert.That(ex.Message, Does.Contain("422"));
        Assert.That(ex.Message.Length, Is.LessThan(2000), "the message quotes a bounded part of the body");
        Assert.That(ex.ResponseBody.Length, Is.LessThanOrEqualTo(64 * 1024), "the kept body is bounded");
    }

    [Test]
    public async Task Json_nested_just_under_the_limit_is_read_and_kept_exactly()
    {
        // 250 levels inside meta (span + meta + 250 < 256): accepted, and written back unchanged.
        const string marker = "\"__deep__\"";
        var inner = new string('[', 250) + "\"x\"" + new string(']', 250);
        var trace = (JObject)Examples.Json("GetTraceResponse.research-assistant.json");
        trace["spans"]![1]!["meta"] = new JObject { ["deep"] = "__deep__" };
        var json = trace.ToString(Formatting.None).Replace(marker, inner, StringComparison.Ordinal);
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, json);

        var read = await api.Client.Traces.GetAsync(Wire.TraceId);

        Assert.That(read.Spans![1].Meta!["deep"]!.ToString(Formatting.None), Is.EqualTo(inner));
    }
}
