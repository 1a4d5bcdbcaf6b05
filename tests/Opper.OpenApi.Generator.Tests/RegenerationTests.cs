using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Opper.OpenApi.Generator.Tests.Infrastructure;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>A newer spec regenerates the SDK: new fields and operations appear, nothing else moves.</summary>
[TestFixture]
public class RegenerationTests
{
    [Test]
    public void A_new_property_and_a_new_operation_appear_in_the_generated_code()
    {
        var spec = JObject.Parse(File.ReadAllText(TestPaths.RealSpec));
        var span = (JObject)spec["components"]!["schemas"]!["SpanSchema"]!;
        ((JObject)span["properties"]!).Add("cost_usd", JObject.Parse("""{ "anyOf": [ { "type": "number" }, { "type": "null" } ], "description": "What the span cost." }"""));
        ((JObject)spec["paths"]!).Add("/spans/{span_id}/archive", JObject.Parse("""
            {
              "post": {
                "tags": [ "spans" ],
                "summary": "Archive Span",
                "operationId": "archive_span_spans__span_id__archive_post",
                "parameters": [ { "name": "span_id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } } ],
                "responses": { "200": { "description": "Archived", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/GetSpanResponse" } } } } }
              }
            }
            """));

        var before = GeneratorHarness.Run(File.ReadAllText(TestPaths.RealSpec), "opper.openapi.json", GeneratorOptions.Opper);
        var after = GeneratorHarness.Run(spec.ToString(), "opper.openapi.json", GeneratorOptions.Opper).AssertClean();

        Assert.That(after.PropertyType("Opper.Models.SpanSchema", "CostUsd"), Is.EqualTo("double?"));
        Assert.That(after.JsonName("Opper.Models.SpanSchema", "CostUsd"), Is.EqualTo("cost_usd"));
        Assert.That(after.Parameters("Opper.SpansClient", "ArchiveAsync"), Is.EqualTo("string spanId"));
        Assert.That(after.ReturnType("Opper.SpansClient", "ArchiveAsync"), Is.EqualTo("Task<GetSpanResponse>"));

        // Everything else is generated exactly as before.
        var changed = after.Sources.Where(pair => !before.Sources.TryGetValue(pair.Key, out var old) || old != pair.Value).Select(pair => pair.Key).OrderBy(k => k).ToArray();
        Assert.That(changed, Is.EqualTo(new[] { "opper.Models.SpanSchema.g.cs", "opper.Runtime.Defaults.g.cs", "opper.SpansClient.g.cs" }));
    }
}
