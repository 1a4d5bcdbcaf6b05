using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Opper.OpenApi.Generator.Tests.Infrastructure;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>
/// Every <c>style</c>/<c>explode</c> combination the OpenAPI specification defines for path,
/// query and header parameters, each sending exactly the spelling of the specification's "Style
/// Examples" table: a parameter <c>color</c> holding <c>"blue"</c>, <c>["blue", "black", "brown"]</c>
/// or <c>{ "R": 100, "G": 200, "B": 150 }</c>.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class ParameterStyleTests
{
    private static readonly string[] Shapes = { "string", "array", "object" };

    /// <summary>(location, style, explode, shape) → what the table says is sent.</summary>
    private static readonly (string In, string Style, bool Explode, string Shape, string Expected)[] Table =
    {
        ("path", "matrix", false, "string", ";color=blue"),
        ("path", "matrix", false, "array", ";color=blue,black,brown"),
        ("path", "matrix", false, "object", ";color=R,100,G,200,B,150"),
        ("path", "matrix", true, "string", ";color=blue"),
        ("path", "matrix", true, "array", ";color=blue;color=black;color=brown"),
        ("path", "matrix", true, "object", ";R=100;G=200;B=150"),
        ("path", "label", false, "string", ".blue"),
        ("path", "label", false, "array", ".blue,black,brown"),
        ("path", "label", false, "object", ".R,100,G,200,B,150"),
        ("path", "label", true, "string", ".blue"),
        ("path", "label", true, "array", ".blue.black.brown"),
        ("path", "label", true, "object", ".R=100.G=200.B=150"),
        ("path", "simple", false, "string", "blue"),
        ("path", "simple", false, "array", "blue,black,brown"),
        ("path", "simple", false, "object", "R,100,G,200,B,150"),
        ("path", "simple", true, "string", "blue"),
        ("path", "simple", true, "array", "blue,black,brown"),
        ("path", "simple", true, "object", "R=100,G=200,B=150"),
        ("query", "form", false, "string", "?color=blue"),
        ("query", "form", false, "array", "?color=blue,black,brown"),
        ("query", "form", false, "object", "?color=R,100,G,200,B,150"),
        ("query", "form", true, "string", "?color=blue"),
        ("query", "form", true, "array", "?color=blue&color=black&color=brown"),
        ("query", "form", true, "object", "?R=100&G=200&B=150"),
        ("query", "spaceDelimited", false, "array", "?color=blue%20black%20brown"),
        ("query", "spaceDelimited", false, "object", "?color=R%20100%20G%20200%20B%20150"),
        ("query", "pipeDelimited", false, "array", "?color=blue%7Cblack%7Cbrown"),
        ("query", "pipeDelimited", false, "object", "?color=R%7C100%7CG%7C200%7CB%7C150"),
        ("query", "deepObject", true, "object", "?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
        ("header", "simple", false, "string", "blue"),
        ("header", "simple", false, "array", "blue,black,brown"),
        ("header", "simple", false, "object", "R,100,G,200,B,150"),
        ("header", "simple", true, "string", "blue"),
        ("header", "simple", true, "array", "blue,black,brown"),
        ("header", "simple", true, "object", "R=100,G=200,B=150"),
    };

    /// <summary>One spec with an operation per combination, generated and compiled once for all tests.</summary>
    private static readonly Lazy<GenerationResult> Generated = new(() => GeneratorHarness.Run(Spec()).AssertClean());

    public static IEnumerable<TestCaseData> Combinations() => Table.Select(row =>
        new TestCaseData(row.In, row.Style, row.Explode, row.Shape, row.Expected).SetName($"{row.In} {row.Style} explode={row.Explode.ToString().ToLowerInvariant()} {row.Shape}"));

    private static string OperationId(string where, string style, bool explode, string shape) =>
        $"{where}_{style}_{(explode ? "exploded" : "flat")}_{shape}";

    private static string Spec()
    {
        var paths = new StringBuilder();
        foreach (var (where, style, explode, shape, _) in Table)
        {
            var id = OperationId(where, style, explode, shape);
            var schema = shape switch
            {
                "string" => """{ "type": "string" }""",
                "array" => """{ "type": "array", "items": { "type": "string" } }""",
                _ => """{ "$ref": "#/components/schemas/Color" }""",
            };
            var path = where == "path" ? $"/{id}/{{color}}" : $"/{id}";
            paths.Append(paths.Length == 0 ? string.Empty : ",\n").Append($$"""
                "{{path}}": { "get": {
                  "operationId": "{{id}}",
                  "parameters": [ { "name": "color", "in": "{{where}}", "required": true, "style": "{{style}}", "explode": {{explode.ToString().ToLowerInvariant()}}, "schema": {{schema}} } ],
                  "responses": { "204": { "description": "done" } } } }
                """);
        }

        return SpecBuilder.Document(
            """{ "Color": { "type": "object", "properties": { "R": { "type": "integer" }, "G": { "type": "integer" }, "B": { "type": "integer" } } } }""",
            "{" + paths + "}");
    }

    private static object? Value(GenerationResult result, string shape)
    {
        switch (shape)
        {
            case "string":
                return "blue";
            case "array":
                return new List<string> { "blue", "black", "brown" };
            default:
                var color = Activator.CreateInstance(result.Type("Acme.Models.Color"))!;
                Reflect.Set(color, "R", 100L);
                Reflect.Set(color, "G", 200L);
                Reflect.Set(color, "B", 150L);
                return color;
        }
    }

    private static async Task<CapturedRequest> SendAsync(GenerationResult result, string method, object? value)
    {
        var probe = new ClientProbe(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        await ClientProbe.InvokeAsync(probe.CreateClient(result), method, new Dictionary<string, object?> { ["color"] = value });
        return probe.Requests.Single();
    }

    [TestCaseSource(nameof(Combinations))]
    public async Task Sends_the_specification_example(string where, string style, bool explode, string shape, string expected)
    {
        var result = Generated.Value;
        var id = OperationId(where, style, explode, shape);
        var method = string.Concat(id.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1))) + "Async";
        var request = await SendAsync(result, method, Value(result, shape));

        switch (where)
        {
            case "path":
                Assert.That(request.Uri.AbsoluteUri, Is.EqualTo($"https://api.acme.test/v1/{id}/{expected}"));
                break;
            case "query":
                Assert.That(request.Uri.AbsoluteUri, Is.EqualTo($"https://api.acme.test/v1/{id}{expected}"));
                break;
            default:
                Assert.That(request.Uri.Query, Is.Empty);
                Assert.That(request.Headers["color"], Is.EqualTo(expected));
                break;
        }
    }

    [Test]
    public void Every_defined_combination_is_covered()
    {
        // Path: matrix, label, simple; header: simple; each exploded or not, for each shape.
        // Query: form likewise; space- and pipe-delimited for arrays and objects; deepObject for objects.
        Assert.That(Table.Select(r => (r.In, r.Style, r.Explode, r.Shape)).Distinct().Count(), Is.EqualTo(Table.Length));
        Assert.That(Table.Count(r => r.In == "path"), Is.EqualTo(3 * 2 * Shapes.Length));
        Assert.That(Table.Count(r => r.In == "header"), Is.EqualTo(2 * Shapes.Length));
        Assert.That(Table.Count(r => r.In == "query"), Is.EqualTo((2 * Shapes.Length) + 2 + 2 + 1));
    }

    [Test]
    public async Task Values_are_escaped_and_delimiters_are_not()
    {
        var result = Generated.Value;
        var request = await SendAsync(result, "QueryFormFlatArrayAsync", new List<string> { "a,b", "c d", "é&" });
        Assert.That(request.Uri.Query, Is.EqualTo("?color=a%2Cb,c%20d,%C3%A9%26"));

        request = await SendAsync(result, "PathLabelExplodedArrayAsync", new List<string> { "a.b", "c/d", ".." });
        Assert.That(request.Uri.OriginalString, Is.EqualTo("https://api.acme.test/v1/path_label_exploded_array/.a.b.c%2Fd.%2E%2E"), "a lone '..' item cannot move up the path");

        request = await SendAsync(result, "QueryDeepObjectExplodedObjectAsync", Value(result, "object"));
        Assert.That(request.Uri.Query, Does.StartWith("?color%5BR%5D=100&"));
    }

    [Test]
    public async Task Empty_lists_follow_the_table_and_an_empty_path_segment_is_refused()
    {
        var result = Generated.Value;
        Assert.That((await SendAsync(result, "PathMatrixFlatArrayAsync", new List<string>())).Uri.AbsolutePath, Is.EqualTo("/v1/path_matrix_flat_array/;color"));
        Assert.That((await SendAsync(result, "QueryFormFlatArrayAsync", new List<string>())).Uri.Query, Is.EqualTo("?color="));
        Assert.That((await SendAsync(result, "QueryFormExplodedArrayAsync", new List<string>())).Uri.Query, Is.Empty);
        var error = Assert.ThrowsAsync<System.Reflection.TargetInvocationException>(() => SendAsync(result, "PathSimpleFlatArrayAsync", new List<string>()));
        Assert.That(error!.InnerException, Is.InstanceOf<ArgumentException>());
    }

    [Test]
    public void Parameter_types_are_lists_and_generated_classes()
    {
        var result = Generated.Value;
        Assert.That(result.Parameters("Acme.AcmeClient", "PathMatrixExplodedArrayAsync"), Is.EqualTo("IList<string> color"));
        Assert.That(result.Parameters("Acme.AcmeClient", "HeaderSimpleFlatObjectAsync"), Is.EqualTo("Color color"));
        Assert.That(result.Parameters("Acme.AcmeClient", "QueryDeepObjectExplodedObjectAsync"), Is.EqualTo("Color color"));
    }

    [Test]
    public async Task A_style_the_location_does_not_allow_is_reported_and_the_default_used()
    {
        var result = GeneratorHarness.Run(SpecBuilder.Paths("""
            {
              "/items": {
                "get": {
                  "operationId": "listItems",
                  "parameters": [
                    { "name": "ids", "in": "query", "style": "matrix", "schema": { "type": "array", "items": { "type": "integer" } } },
                    { "name": "tags", "in": "header", "style": "deepObject", "schema": { "type": "array", "items": { "type": "string" } } },
                    { "name": "range", "in": "query", "style": "deepObject", "explode": true, "schema": { "type": "array", "items": { "type": "string" } } }
                  ],
                  "responses": { "204": { "description": "ok" } }
                }
              }
            }
            """));
        result.AssertCompiles();
        Assert.That(result.Diagnostics("OPENAPI003").Select(d => d.GetMessage()), Is.EqualTo(new[]
        {
            "The style 'matrix' of the query parameter 'ids' is not supported; the default style (form) is used",
            "The style 'deepObject' of the header parameter 'tags' is not supported; the default style (simple) is used",
        }), "deepObject on a list has no spelling in the specification: sent as a form parameter without a warning (Stripe's 'expand')");
        Assert.That(result.Diagnostics("OPENAPI003").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1), Is.EqualTo(new[] { 10, 11 }), "each points at its style");

        var probe = new ClientProbe(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        await ClientProbe.InvokeAsync(probe.CreateClient(result), "ListItemsAsync", new Dictionary<string, object?>
        {
            ["ids"] = new List<long> { 1, 2 },
            ["tags"] = new List<string> { "x", "y" },
            ["range"] = new List<string> { "a" },
        });
        var request = probe.Requests.Single();
        Assert.That(request.Uri.Query, Is.EqualTo("?ids=1&ids=2&range=a"));
        Assert.That(request.Headers["tags"], Is.EqualTo("x,y"));
    }
}
