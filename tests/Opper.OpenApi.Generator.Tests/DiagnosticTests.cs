using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Opper.OpenApi.Generator.Tests.Infrastructure;
using static Opper.OpenApi.Generator.Tests.Infrastructure.SpecBuilder;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>One test per diagnostic id, and proof that no spec, however broken, crashes the generator.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class DiagnosticTests
{
    private static Diagnostic Single(GenerationResult result, string id)
    {
        Assert.That(result.GeneratorDiagnostics.Select(d => d.Id), Has.Exactly(1).EqualTo(id), string.Join("\n", result.GeneratorDiagnostics.Select(GenerationResult.Describe)));
        return result.GeneratorDiagnostics.Single(d => d.Id == id);
    }

    /// <summary>The 1-based line and column where a diagnostic starts, and the text it points at.</summary>
    private static (int Line, int Column, string Text) Where(Diagnostic diagnostic, string spec)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.That(span.Path, Is.EqualTo("/specs/acme.openapi.json"));
        var text = spec.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
        return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, text);
    }

    [Test]
    public void OPENAPI001_malformed_json_points_at_the_error()
    {
        const string spec = "{\n  \"openapi\": \"3.1.0\",\n  \"info\": { \"title\": \"x\", \"version\": \"1\" },\n  \"paths\": { \"/a\": { } ,, }\n}\n";
        var result = GeneratorHarness.Run(spec);

        var diagnostic = Single(result, "OPENAPI001");
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(Where(diagnostic, spec), Is.EqualTo((4, 25, ",")), "the second comma, where a property name should be");
        Assert.That(result.Sources, Is.Empty, "nothing is generated from a document that cannot be read");
        Assert.That(result.RunResult.Exception, Is.Null);
    }

    [TestCase("{\"openapi\": \"3.1.0\", \"paths\": {", 1, 32, TestName = "OPENAPI001_unexpected_end")]
    [TestCase("{\"openapi\": \"3.1.0\",\n\"info\": {\"title\": \"unterminated}}", 2, 19, TestName = "OPENAPI001_unterminated_string")]
    [TestCase("{\"openapi\": '3.1.0'}", 1, 13, TestName = "OPENAPI001_single_quotes")]
    [TestCase("{\"openapi\": \"3.1.0\"} trailing", 1, 22, TestName = "OPENAPI001_trailing_text")]
    [TestCase("", 1, 1, TestName = "OPENAPI001_empty_file")]
    public void OPENAPI001_positions(string spec, int line, int column)
    {
        var diagnostic = Single(GeneratorHarness.Run(spec), "OPENAPI001");
        var span = diagnostic.Location.GetLineSpan();
        Assert.That((span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1), Is.EqualTo((line, column)), diagnostic.GetMessage());
    }

    [Test]
    public void OPENAPI002_unresolved_ref_falls_back_to_JToken()
    {
        var spec = Document("""
            {
              "Pet": {
                "type": "object",
                "properties": {
                  "owner": { "$ref": "#/components/schemas/Owner" },
                  "remote": { "$ref": "https://example.com/schemas/Remote.json" }
                }
              }
            }
            """);
        var result = GeneratorHarness.Run(spec);

        var diagnostics = result.Diagnostics("OPENAPI002");
        Assert.That(diagnostics, Has.Count.EqualTo(2));
        Assert.That(diagnostics.All(d => d.Severity == DiagnosticSeverity.Warning), Is.True);
        Assert.That(diagnostics[0].GetMessage(), Does.Contain("#/components/schemas/Owner"));
        var (line, _, text) = Where(diagnostics[0], spec);
        Assert.That(text, Is.EqualTo("\"#/components/schemas/Owner\""));
        Assert.That(spec.Split('\n')[line - 1], Does.Contain("\"owner\""));

        result.AssertCompiles();
        Assert.That(result.PropertyType("Acme.Models.Pet", "Owner"), Is.EqualTo("JToken?"));
        Assert.That(result.PropertyType("Acme.Models.Pet", "Remote"), Is.EqualTo("JToken?"));
    }

    [Test]
    public void OPENAPI003_unsupported_construct_is_reported_with_a_fallback()
    {
        var spec = Document(
            """
            {
              "Upload": { "type": "object", "properties": { "file": { "type": "file" } } }
            }
            """,
            """
            {
              "/items": {
                "get": {
                  "operationId": "listItems",
                  "parameters": [
                    { "name": "filter", "in": "query", "schema": { "type": "array", "items": { "type": "object", "properties": { "a": { "type": "string" } } } } },
                    { "name": "session", "in": "cookie", "schema": { "type": "string" } }
                  ],
                  "responses": { "204": { "description": "ok" } }
                }
              }
            }
            """);
        var result = GeneratorHarness.Run(spec);

        var messages = result.Diagnostics("OPENAPI003").Select(d => d.GetMessage()).ToList();
        Assert.That(messages, Has.Count.EqualTo(3));
        Assert.That(messages, Has.One.Contains("'file'").And.Contains("JToken"));
        Assert.That(messages, Has.One.Contains("'filter'").And.Contains("string"));
        Assert.That(messages, Has.One.Contains("'session'"));
        var fileDiagnostic = result.Diagnostics("OPENAPI003").Single(d => d.GetMessage().Contains("'file'", StringComparison.Ordinal));
        Assert.That(Where(fileDiagnostic, spec).Text, Is.EqualTo("""{ "type": "file" }"""));

        result.AssertCompiles();
        Assert.That(result.PropertyType("Acme.Models.Upload", "File"), Is.EqualTo("JToken?"));
        Assert.That(result.Parameters("Acme.AcmeClient", "ListItemsAsync"), Is.EqualTo("string? filter = null"));
    }

    [Test]
    public void OPENAPI003_an_api_key_in_the_query_is_reported()
    {
        const string spec = """
            {
              "openapi": "3.0.3",
              "info": { "title": "x", "version": "1" },
              "paths": {},
              "security": [ { "key": [] } ],
              "components": { "securitySchemes": { "key": { "type": "apiKey", "in": "query", "name": "api_key" } } }
            }
            """;
        var result = GeneratorHarness.Run(spec);
        var diagnostic = Single(result, "OPENAPI003");
        Assert.That(diagnostic.GetMessage(), Does.Contain("an API key in the query named 'api_key'").And.Contain("bearer token"));
        Assert.That(Where(diagnostic, spec).Text, Is.EqualTo("\"key\""));
        result.AssertCompiles();
    }

    [Test]
    public void OPENAPI004_name_clash_is_resolved_deterministically()
    {
        var spec = Document("""
            {
              "pet-owner": { "type": "object", "properties": { "a": { "type": "string" } } },
              "PetOwner": { "type": "object", "properties": { "b": { "type": "string" } } },
              "pet_owner": { "type": "object", "properties": { "c": { "type": "string" } } },
              "Serialization": { "type": "object", "properties": { "d": { "type": "string" } } }
            }
            """);
        var result = GeneratorHarness.Run(spec).AssertCompiles();

        var diagnostics = result.Diagnostics("OPENAPI004");
        Assert.That(diagnostics.Select(d => d.GetMessage()), Is.EqualTo(new[]
        {
            "Schema 'PetOwner' would be named 'PetOwner', which is already taken; it is named 'PetOwner2' instead",
            "Schema 'pet_owner' would be named 'PetOwner', which is already taken; it is named 'PetOwner3' instead",
        }));
        Assert.That(Where(diagnostics[0], spec).Text, Is.EqualTo("\"PetOwner\""));

        // The first in document order keeps the name; "Serialization" is the converters' namespace.
        Assert.That(result.PropertyNames("Acme.Models.PetOwner"), Is.EqualTo(new[] { "A" }));
        Assert.That(result.PropertyNames("Acme.Models.PetOwner2"), Is.EqualTo(new[] { "B" }));
        Assert.That(result.PropertyNames("Acme.Models.PetOwner3"), Is.EqualTo(new[] { "C" }));
        Assert.That(result.PropertyNames("Acme.Models.SerializationModel"), Is.EqualTo(new[] { "D" }));

        var again = GeneratorHarness.Run(spec);
        Assert.That(again.Sources, Is.EqualTo(result.Sources));
        Assert.That(again.GeneratorDiagnostics.Select(GenerationResult.Describe), Is.EqualTo(result.GeneratorDiagnostics.Select(GenerationResult.Describe)));
    }

    [Test]
    public void OPENAPI004_property_clash()
    {
        var result = GeneratorHarness.Run(Document("""
            { "Pet": { "type": "object", "properties": { "pet_name": { "type": "string" }, "petName": { "type": "integer" } } } }
            """)).AssertCompiles();

        Assert.That(result.Diagnostics("OPENAPI004").Select(d => d.GetMessage()), Is.EqualTo(new[]
        {
            "Property 'Pet.petName' would be named 'PetName', which is already taken; it is named 'PetName2' instead",
        }));
        Assert.That(result.PropertyType("Acme.Models.Pet", "PetName2"), Is.EqualTo("long?"));
        Assert.That(result.JsonName("Acme.Models.Pet", "PetName2"), Is.EqualTo("petName"));
    }

    [Test]
    public void OPENAPI005_swagger_2_is_not_openapi_3()
    {
        const string spec = """
            {
              "swagger": "2.0",
              "info": { "title": "Petstore", "version": "1.0.0" },
              "paths": {}
            }
            """;
        var result = GeneratorHarness.Run(spec);

        var diagnostic = Single(result, "OPENAPI005");
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(diagnostic.GetMessage(), Does.Contain("Swagger 2.0").And.Contain("convert"));
        Assert.That(Where(diagnostic, spec).Line, Is.EqualTo(2));
        Assert.That(result.Sources, Is.Empty);
    }

    [TestCase("[1, 2]", TestName = "OPENAPI005_top_level_array")]
    [TestCase("""{ "info": { "title": "x" } }""", TestName = "OPENAPI005_no_version")]
    [TestCase("""{ "openapi": "4.0.0" }""", TestName = "OPENAPI005_future_version")]
    [TestCase("""{ "openapi": 3.1 }""", TestName = "OPENAPI005_version_not_a_string")]
    public void OPENAPI005_other_documents(string spec)
    {
        var result = GeneratorHarness.Run(spec);
        Single(result, "OPENAPI005");
        Assert.That(result.Sources, Is.Empty);
    }

    [Test]
    public void A_spec_without_paths_or_components_generates_an_empty_client()
    {
        GeneratorHarness.Run("""{ "openapi": "3.0.0", "info": { "title": "Empty", "version": "0" } }""").AssertClean();
    }

    [Test]
    public void Broken_specs_never_crash_the_generator()
    {
        // Every prefix of a real spec, and seeded random damage to it: the generator reports
        // diagnostics but never throws (CS8784/CS8785) and never emits code that does not compile.
        var original = File.ReadAllText(Path.Combine(TestPaths.Specs, "tiny-petstore.openapi.json"));
        var variants = Enumerable.Range(1, 24).Select(i => original.Substring(0, original.Length * i / 25)).ToList();
        var random = new Random(20240229);
        const string noise = "{}[]\",:0-etn\\ \n$#/";
        for (var i = 0; i < 60; i++)
        {
            var chars = new StringBuilder(original);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(chars.Length);
                switch (random.Next(3))
                {
                    case 0: chars.Remove(at, Math.Min(random.Next(1, 20), chars.Length - at)); break;
                    case 1: chars.Insert(at, noise[random.Next(noise.Length)]); break;
                    default: chars[at] = noise[random.Next(noise.Length)]; break;
                }
            }

            variants.Add(chars.ToString());
        }

        // Valid JSON that is a hostile OpenAPI document.
        variants.Add(Document("""{ "A": { "$ref": "#/components/schemas/A" }, "B": { "allOf": [ { "$ref": "#/components/schemas/B" } ] }, "C": { "items": { "$ref": "#/components/schemas/C" } } }"""));
        variants.Add(Document("""{ "A": { "type": 42, "properties": [], "required": {}, "enum": "x", "items": [] } }"""));
        variants.Add(Paths("""{ "/a/{b}": { "get": { "parameters": [ 1, null, { "in": "path" } ], "responses": [] } }, "/c": null }"""));
        variants.Add(Paths("""{ "/a": { "$ref": "#/paths/~1a" } }"""));
        variants.Add(new string('[', 100_000));
        variants.Add("{\"openapi\":\"3.1.0\",\"components\":{\"schemas\":{\"A\":" + string.Concat(Enumerable.Repeat("{\"items\":", 200)) + "{}" + new string('}', 200) + "}}}");

        // Compiling is what takes time: variants whose code differs only in comments compile alike,
        // and a handful of distinct ones is enough to show that damaged specs still give valid C#.
        const int MaxCompiled = 6;
        var compiled = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        foreach (var (spec, index) in variants.Select((s, i) => (s, i)))
        {
            var result = GeneratorHarness.Run(spec);
            var context = $"variant {index}: {result.GeneratorDiagnostics.FirstOrDefault()?.GetMessage()}";
            Assert.That(result.RunResult.Exception, Is.Null, context);
            Assert.That(result.GeneratorDiagnostics.Select(d => d.Id), Has.None.EqualTo("CS8784").And.None.EqualTo("CS8785").And.None.EqualTo("OPENAPI006"), context);
            var code = string.Join("\n", result.Sources.OrderBy(p => p.Key, StringComparer.Ordinal)
                .SelectMany(p => p.Value.Split('\n'))
                .Where(line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal)));
            if (result.Sources.Count > 0 && compiled.Count < MaxCompiled && compiled.Add(code))
            {
                Assert.That(result.SpecCodeErrors().Select(GenerationResult.Describe), Is.Empty, context);
            }
        }

        Assert.That(compiled, Has.Count.EqualTo(MaxCompiled), "some variants must still generate code");
    }
}
