using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>
/// Every example body reads into the type its file name names and writes back as the same JSON
/// through <c>JsonConvert</c> with default settings, fields the SDK does not know included.
/// </summary>
[TestFixture]
public class ExampleRoundTripTests
{
    public static IEnumerable<TestCaseData> ExampleFiles() =>
        Examples.JsonFiles().Select(f => new TestCaseData(f).SetArgDisplayNames(f));

    [Test]
    public void There_is_an_example_for_every_documented_body()
    {
        var components = Examples.JsonFiles().Select(Examples.ComponentOf).ToHashSet();
        var bodies = Examples.Operations()
            .SelectMany(o => o.Operation.SelectTokens("$..['$ref']"))
            .Select(r => ((string)r!).Split('/').Last())
            .Distinct()
            .ToList();

        Assert.That(bodies.Where(b => !components.Contains(b)), Is.Empty, "components used by operations but without an example");
    }

    [Test]
    public void Component_names_become_pascal_case_type_names()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Examples.ModelType("PaginatedResponse_ListTracesResponse_"), Is.EqualTo(typeof(PaginatedResponseListTracesResponse)));
            Assert.That(Examples.ModelType("app__api__public__v2__functions__CallFunctionResponse"), Is.EqualTo(typeof(CallFunctionResponse)));
            Assert.That(Examples.ModelType("GetTraceResponse"), Is.EqualTo(typeof(GetTraceResponse)));
        });
    }

    [TestCaseSource(nameof(ExampleFiles))]
    public void An_example_reads_and_writes_back_unchanged(string file)
    {
        var type = Examples.ModelType(Examples.ComponentOf(file));
        var text = Examples.Text(file);

        var value = JsonConvert.DeserializeObject(text, type);

        Assert.That(value, Is.TypeOf(type));
        JsonAssert.AreEqual(text, JsonConvert.SerializeObject(value), file);
    }

    [TestCaseSource(nameof(ExampleFiles))]
    public void Unknown_fields_survive_a_round_trip(string file)
    {
        var type = Examples.ModelType(Examples.ComponentOf(file));
        var json = (JObject)Examples.Json(file);
        json["x_added_by_a_newer_server"] = new JObject
        {
            ["when"] = "2030-01-02T03:04:05Z",
            ["big"] = new JValue(BigInteger.Parse("123456789012345678901234567890")),
            ["list"] = new JArray(1, 2.5, JValue.CreateNull(), "x"),
        };
        json["x_null"] = JValue.CreateNull();
        var text = json.ToString(Formatting.None);

        var written = JsonConvert.SerializeObject(JsonConvert.DeserializeObject(text, type));

        JsonAssert.AreEqual(text, written, file);
    }

    [Test]
    public void Free_form_meta_keeps_date_looking_strings_and_big_integers_exactly()
    {
        var trace = Examples.Read<GetTraceResponse>("GetTraceResponse.research-assistant.json");
        var meta = trace.Spans![0].Meta!;

        Assert.Multiple(() =>
        {
            Assert.That(meta["requested_at"]!.Type, Is.EqualTo(JTokenType.String));
            Assert.That((string?)meta["requested_at"], Is.EqualTo("2024-11-07T05:31:56Z"));
            Assert.That(meta["billing"]!["account_sequence"]!.Type, Is.EqualTo(JTokenType.Integer));
            Assert.That(((JValue)meta["billing"]!["account_sequence"]!).Value, Is.EqualTo(BigInteger.Parse("12345678901234567890")));
            Assert.That((string?)trace.Spans[5].Meta!["fetched_at"], Is.EqualTo("2024-11-07T05:31:58.823574Z"));
            Assert.That((string?)trace.Spans[5].Meta!["http"]!["headers"]!["last-modified"], Is.EqualTo("2024-11-02T14:08:11Z"));
        });

        var written = JsonConvert.SerializeObject(trace);
        Assert.That(written, Does.Contain("\"requested_at\":\"2024-11-07T05:31:56Z\""));
        Assert.That(written, Does.Contain("\"account_sequence\":12345678901234567890"));
    }

    [Test]
    public void Free_form_values_keep_date_strings_even_when_the_callers_reader_parses_dates()
    {
        var settings = new JsonSerializerSettings { DateParseHandling = DateParseHandling.DateTimeOffset };

        var span = JsonConvert.DeserializeObject<CreateSpanRequest>(
            """{"name":"n","input":"2024-01-02T03:04:05.1234567+02:00","meta":{"at":"2024-01-02T03:04:05Z"}}""", settings)!;

        Assert.That(span.Input!.Type, Is.EqualTo(JTokenType.String));
        Assert.That((string?)span.Input, Is.EqualTo("2024-01-02T03:04:05.1234567+02:00"));
        Assert.That((string?)span.Meta!["at"], Is.EqualTo("2024-01-02T03:04:05Z"));
    }

    [Test]
    public void Timestamps_are_written_as_they_were_read()
    {
        var page = Examples.Read<PaginatedResponseListTracesResponse>("PaginatedResponse_ListTracesResponse_.page-2.json");

        var reread = Examples.Parse(JsonConvert.SerializeObject(page));

        Assert.That((string?)reread["data"]![0]!["start_time"], Is.EqualTo("2024-11-07T05:12:03.500000Z"));
        Assert.That((string?)reread["data"]![0]!["end_time"], Is.EqualTo("2024-11-07T05:12:04.250000Z"));
    }
}
