using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.OpenApi.Generator.Tests.Infrastructure;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>
/// An exception that escapes a source generator fails the consumer's whole build and generates
/// nothing. These tests run the generator over thousands of seeded mutations of the real specs
/// (renamed, duplicated, case-folded and truncated schemas, deleted refs, wrong node types,
/// cut-off text) and require that it never throws: a broken spec gives diagnostics only.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class MutationTests
{
    private const int MutationsPerSpec = 300;

    private static readonly string[] Kinds =
    {
        "rename", "duplicate-case", "case-fold-all", "truncate-schema", "delete-ref-target", "wrong-type", "cut-text", "combined",
    };

    public static IEnumerable<string> SpecFiles() =>
        Directory.GetFiles(TestPaths.Specs, "*.openapi.json").Select(Path.GetFileName).Append("opper").OrderBy(f => f, StringComparer.Ordinal)!;

    [TestCaseSource(nameof(SpecFiles))]
    public void No_mutation_of_a_real_spec_makes_the_generator_throw(string specFile)
    {
        var text = specFile == "opper" ? File.ReadAllText(TestPaths.RealSpec) : TestPaths.ReadSpec(specFile);
        var original = JObject.Parse(text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Ignore });
        var random = new Random(specFile.Aggregate(17, (h, c) => unchecked(h * 31 + c)));
        var failures = new List<string>();
        var runs = 0;

        for (var i = 0; i < MutationsPerSpec; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var mutated = Mutate(original, kind, random);
            runs++;
            var failure = RunAndFindEscapedException(mutated);
            if (failure is not null && failures.Count < 5)
            {
                failures.Add($"#{i} {kind}: {failure}");
            }
        }

        Assert.That(runs, Is.EqualTo(MutationsPerSpec));
        Assert.That(failures, Is.Empty, "the generator threw instead of reporting diagnostics");
    }

    [Test]
    public void Schemas_whose_names_differ_only_in_letter_case_each_get_a_file_and_compile()
    {
        var result = GeneratorHarness.Run(SpecBuilder.Document("""
            {
              "Pet": { "type": "object", "properties": { "a": { "type": "string" } } },
              "PET": { "type": "object", "properties": { "b": { "type": "string" } } },
              "pet": { "type": "object", "properties": { "c": { "type": "string" } } }
            }
            """));

        Assert.That(result.RunResult.Exception, Is.Null);
        Assert.That(result.CompilerErrors.Select(GenerationResult.Describe), Is.Empty);
        Assert.That(result.PropertyNames("Acme.Models.Pet"), Is.EqualTo(new[] { "A" }));
        Assert.That(result.PropertyNames("Acme.Models.PET"), Is.EqualTo(new[] { "B" }));
        var hints = result.Sources.Keys.Where(k => k.Contains(".Models.", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.That(hints.Distinct(StringComparer.OrdinalIgnoreCase).Count(), Is.EqualTo(hints.Count), string.Join(", ", hints));
    }

    [Test]
    public void Tags_whose_names_differ_only_in_letter_case_do_not_make_the_generator_throw()
    {
        var result = GeneratorHarness.Run(SpecBuilder.Paths("""
            {
              "/a": { "get": { "operationId": "getA", "tags": ["pets"], "responses": { "204": { "description": "ok" } } } },
              "/b": { "get": { "operationId": "getB", "tags": ["Pets"], "responses": { "204": { "description": "ok" } } } },
              "/c": { "get": { "operationId": "getC", "tags": ["PETS"], "responses": { "204": { "description": "ok" } } } }
            }
            """));

        Assert.That(result.RunResult.Exception, Is.Null);
        Assert.That(result.GeneratorDiagnostics.Where(d => d.Id is "CS8784" or "CS8785").Select(GenerationResult.Describe), Is.Empty);
    }

    /// <summary>Runs the generator alone (no compile of its output): the message of an escaped exception, else null.</summary>
    internal static string? RunAndFindEscapedException(string specText, string fileName = "acme.openapi.json", bool internalFailureCounts = false)
    {
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText("/specs/" + fileName, specText));
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out _, out var diagnostics);
        var run = driver.GetRunResult().Results.Single();
        if (run.Exception is { } exception)
        {
            return exception.GetType().Name + ": " + exception.Message;
        }

        var failed = diagnostics.FirstOrDefault(d => d.Id is "CS8784" or "CS8785" || (internalFailureCounts && d.Id == "OPENAPI006"));
        return failed is null ? null : failed.Id + ": " + failed.GetMessage();
    }

    private static string Mutate(JObject original, string kind, Random random)
    {
        if (kind == "cut-text")
        {
            var text = original.ToString(Formatting.Indented);
            return text.Substring(0, random.Next(1, text.Length));
        }

        var document = (JObject)original.DeepClone();
        var schemas = document["components"]?["schemas"] as JObject;
        switch (kind)
        {
            case "rename":
                Rename(schemas, random, updateRefs: random.Next(2) == 0);
                break;
            case "duplicate-case":
                DuplicateWithOtherCase(schemas, random);
                break;
            case "case-fold-all":
                CaseFoldAll(schemas, random.Next(2) == 0);
                break;
            case "truncate-schema":
                TruncateSchema(schemas, random);
                break;
            case "delete-ref-target":
                Pick(schemas, random)?.Remove();
                break;
            case "wrong-type":
                ReplaceRandomNode(document, random);
                break;
            default:
                // Two structural mutations in a row (Kinds.Length - 2 leaves out cut-text and combined).
                var first = Mutate(document, Kinds[random.Next(Kinds.Length - 2)], random);
                return Mutate(JObject.Parse(first), Kinds[random.Next(Kinds.Length - 2)], random);
        }

        return document.ToString(Formatting.None);
    }

    private static JProperty? Pick(JObject? schemas, Random random)
    {
        var properties = schemas?.Properties().ToList();
        return properties is { Count: > 0 } ? properties[random.Next(properties.Count)] : null;
    }

    private static void Rename(JObject? schemas, Random random, bool updateRefs)
    {
        if (Pick(schemas, random) is not { } picked)
        {
            return;
        }

        var newName = picked.Name + "_" + random.Next(1000);
        if (updateRefs)
        {
            foreach (var reference in schemas!.Root.SelectTokens("$..['$ref']").OfType<JValue>().ToList())
            {
                if ((string?)reference.Value == "#/components/schemas/" + picked.Name)
                {
                    reference.Value = "#/components/schemas/" + newName;
                }
            }
        }

        picked.Replace(new JProperty(newName, picked.Value));
    }

    private static void DuplicateWithOtherCase(JObject? schemas, Random random)
    {
        if (Pick(schemas, random) is not { } picked)
        {
            return;
        }

        var other = random.Next(3) switch
        {
            0 => picked.Name.ToUpperInvariant(),
            1 => picked.Name.ToLowerInvariant(),
            _ => char.IsUpper(picked.Name[0]) ? char.ToLowerInvariant(picked.Name[0]) + picked.Name.Substring(1) : char.ToUpperInvariant(picked.Name[0]) + picked.Name.Substring(1),
        };
        if (schemas![other] is null)
        {
            schemas[other] = picked.Value.DeepClone();
        }
        else
        {
            schemas[other + "_"] = picked.Value.DeepClone();
        }
    }

    private static void CaseFoldAll(JObject? schemas, bool upper)
    {
        if (schemas is null)
        {
            return;
        }

        var folded = new JObject();
        foreach (var property in schemas.Properties().ToList())
        {
            var name = upper ? property.Name.ToUpperInvariant() : property.Name.ToLowerInvariant();
            // Names that fold together keep both: the second gets a case variant of its own.
            folded[folded[name] is null ? name : property.Name] = property.Value;
        }

        schemas.Replace(folded);
    }

    private static void TruncateSchema(JObject? schemas, Random random)
    {
        if (Pick(schemas, random) is not { } picked)
        {
            return;
        }

        if (picked.Value is JObject schema && schema.Properties().Any() && random.Next(2) == 0)
        {
            var keep = random.Next(schema.Properties().Count());
            foreach (var property in schema.Properties().Skip(keep).ToList())
            {
                property.Remove();
            }
        }
        else
        {
            picked.Value = new JObject();
        }
    }

    private static void ReplaceRandomNode(JObject document, Random random)
    {
        var nodes = document.Descendants().Where(t => t.Parent is JProperty or JArray).ToList();
        if (nodes.Count == 0)
        {
            return;
        }

        var target = nodes[random.Next(nodes.Count)];
        JToken replacement = random.Next(6) switch
        {
            0 => JValue.CreateNull(),
            1 => new JValue(42),
            2 => new JValue("x"),
            3 => new JArray(),
            4 => new JValue(true),
            _ => new JObject { ["$ref"] = "#/components/schemas/" + random.Next(10) },
        };
        target.Replace(replacement);
    }
}
