using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Opper.OpenApi.Generator.Json;
using Opper.OpenApi.Generator.Tests.Infrastructure;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>
/// YAML specs: the reader against the YAML 1.2 features OpenAPI documents use, its errors at the
/// right line and column, and whole specs that generate exactly what their JSON twins do.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class YamlTests
{
    /// <summary>A node tree as canonical JSON (kinds kept: numbers unquoted, strings quoted).</summary>
    private static string Dump(JsonNode node)
    {
        var text = new StringBuilder();
        void Write(JsonNode value)
        {
            switch (value)
            {
                case JsonObject obj:
                    text.Append('{');
                    text.Append(string.Join(",", obj.Properties.Select(p => Quote(p.Name) + ":" + Nested(p.Value))));
                    text.Append('}');
                    break;
                case JsonArray array:
                    text.Append('[').Append(string.Join(",", array.Items.Select(Nested))).Append(']');
                    break;
                case JsonString s:
                    text.Append(Quote(s.Value));
                    break;
                case JsonNumber n:
                    text.Append(n.Raw);
                    break;
                default:
                    text.Append(value.Kind.ToString().ToLowerInvariant());
                    break;
            }
        }

        static string Nested(JsonNode value) => Dump(value);
        Write(node);
        return text.ToString();
    }

    private static string Quote(string value) => Newtonsoft.Json.JsonConvert.ToString(value);

    private static string Yaml(string yaml) => Dump(YamlReader.Parse(yaml));

    [TestCase("a: 1\nb: -2\nc: +3\nd: 0o17\ne: 0x1F", """{"a":1,"b":-2,"c":3,"d":15,"e":31}""", TestName = "Integers (decimal, signed, octal, hex)")]
    [TestCase("a: 1.5\nb: .5\nc: -1.\nd: 1e3\ne: 2.5E-2", """{"a":1.5,"b":0.5,"c":-1.0,"d":1e3,"e":2.5E-2}""", TestName = "Floats in JSON's spelling")]
    [TestCase("a: true\nb: False\nc: null\nd: ~\ne:\nf: NULL", """{"a":true,"b":false,"c":null,"d":null,"e":null,"f":null}""", TestName = "Booleans and nulls of the core schema")]
    [TestCase("on: yes\nno: off\ny: n\nYes: On", """{"on":"yes","no":"off","y":"n","Yes":"On"}""", TestName = "YAML 1.1 booleans stay strings")]
    [TestCase("a: .inf\nb: .nan\nc: 1_000\nd: 0b101\ne: 012", """{"a":".inf","b":".nan","c":"1_000","d":"0b101","e":12}""", TestName = "Not numbers in the core schema")]
    [TestCase("200:\n  x: 1\n404: {}\ntrue: 1\nnull: 2\n1.5: 3", """{"200":{"x":1},"404":{},"true":1,"null":2,"1.5":3}""", TestName = "Keys that look like numbers stay strings")]
    [TestCase("a: '1'\nb: \"true\"\nc: !!str 12\nd: 'it''s'", """{"a":"1","b":"true","c":"12","d":"it's"}""", TestName = "Quoted and tagged scalars are strings")]
    [TestCase("a: \"tab\\tnew\\nline \\u00e9 \\\" \\\\ \\x41\"", """{"a":"tab\tnew\nline é \" \\ A"}""", TestName = "Double-quoted escapes")]
    [TestCase("a: [1, two, 'three', {b: c}]\nd: {e: [], f: {}}", """{"a":[1,"two","three",{"b":"c"}],"d":{"e":[],"f":{}}}""", TestName = "Flow collections")]
    [TestCase("# top\na: 1 # after\n# between\nb: x#not a comment\n", """{"a":1,"b":"x#not a comment"}""", TestName = "Comments")]
    [TestCase("a: one\n  two\n\n  three\nb: x", """{"a":"one two\nthree","b":"x"}""", TestName = "Multi-line plain scalars")]
    [TestCase("a: |\n  line 1\n  line 2\n\nb: x", """{"a":"line 1\nline 2\n","b":"x"}""", TestName = "Literal block, clip")]
    [TestCase("a: |-\n  line 1\n  line 2\n\nb: x", """{"a":"line 1\nline 2","b":"x"}""", TestName = "Literal block, strip")]
    [TestCase("a: |+\n  line 1\n\nb: x", """{"a":"line 1\n\n","b":"x"}""", TestName = "Literal block, keep")]
    [TestCase("a: >\n  folded\n  text\n\n  para\nb: x", """{"a":"folded text\npara\n","b":"x"}""", TestName = "Folded block")]
    [TestCase("a: >-\n  folded\n  text\n", """{"a":"folded text"}""", TestName = "Folded block, strip")]
    [TestCase("base: &b {type: string, x: 1}\nuse: *b\nlist: [&i 7, *i]", """{"base":{"type":"string","x":1},"use":{"type":"string","x":1},"list":[7,7]}""", TestName = "Anchors and aliases")]
    [TestCase("- a\n- - b\n  - c\n- d: e\n  f: g", """["a",["b","c"],{"d":"e","f":"g"}]""", TestName = "Block sequences")]
    [TestCase("---\na: 1\n...\n", """{"a":1}""", TestName = "Document markers")]
    [TestCase("\"quoted key\": 1\n'single': 2\n? explicit\n: 3", """{"quoted key":1,"single":2,"explicit":3}""", TestName = "Quoted and explicit keys")]
    public void Reads_yaml_as_json(string yaml, string json)
    {
        Assert.That(Yaml(yaml), Is.EqualTo(json));
    }

    [Test]
    public void Positions_point_into_the_yaml()
    {
        const string yaml = "openapi: 3.1.0\ninfo:\n  title: \"T\"\n  version: '1'\n";
        var root = (JsonObject)YamlReader.Parse(yaml);
        var info = root.GetProperty("info")!;
        Assert.That(yaml.Substring(info.NameStart, info.NameEnd - info.NameStart), Is.EqualTo("info"));
        var title = ((JsonObject)info.Value).GetProperty("title")!;
        Assert.That(yaml.Substring(title.Value.Start, title.Value.End - title.Value.Start), Is.EqualTo("\"T\""));
    }

    // line and column are 1-based, as an editor shows them.
    [TestCase("a: [1, 2\nb: 3\n", 1, 4, "not closed", TestName = "Unclosed flow sequence")]
    [TestCase("a: 1\n b: 2\n", 2, 3, "YAML", TestName = "Bad indentation")]
    [TestCase("a: \"open\n", 1, 4, "YAML", TestName = "Unterminated quoted scalar")]
    [TestCase("a: *missing\n", 1, 4, "alias '*missing'", TestName = "Undefined alias")]
    [TestCase("a: 1\n---\nb: 2\n", 2, 1, "more than one YAML document", TestName = "Two documents")]
    [TestCase("# only a comment\n", 1, 1, "empty", TestName = "Empty document")]
    [TestCase("a: 1\n[x]: 2\n", 2, 1, "mapping key", TestName = "Collection as a key")]
    [TestCase("a: 1\na\tb: 2\n- c\n", 3, 1, "YAML", TestName = "Sequence entry in a mapping")]
    public void Malformed_yaml_is_OPENAPI001_at_its_line_and_column(string yaml, int line, int column, string message)
    {
        var result = GeneratorHarness.Run(yaml, "acme.openapi.yaml");
        var diagnostic = result.GeneratorDiagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("OPENAPI001"), diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.That(diagnostic.GetMessage(CultureInfo.InvariantCulture), Does.StartWith("The OpenAPI document is not valid YAML: ").And.Contains(message));
        var span = diagnostic.Location.GetLineSpan();
        Assert.That((span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1), Is.EqualTo((line, column)), diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.That(span.Path, Is.EqualTo("/specs/acme.openapi.yaml"));
        Assert.That(result.Sources, Is.Empty);
        Assert.That(result.RunResult.Exception, Is.Null);
    }

    [Test]
    public void Aliases_that_expand_without_bound_are_refused()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        var error = Assert.Throws<JsonParseException>(() => YamlReader.Parse(yaml.ToString()));
        Assert.That(error!.Message, Does.Contain("aliases expand to more than"));
    }

    [Test]
    public void Diagnostics_in_a_yaml_spec_point_at_the_yaml()
    {
        const string yaml = """
            openapi: 3.1.0
            info: {title: Acme, version: '1'}
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    200:
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Missing'
            """;
        var result = GeneratorHarness.Run(yaml, "acme.openapi.yml");
        var diagnostic = result.Diagnostics("OPENAPI002").Single();
        var span = diagnostic.Location.GetLineSpan();
        Assert.That((span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1), Is.EqualTo((13, 23)), "the $ref's value");
        result.AssertCompiles();
        Assert.That(result.ReturnType("Acme.AcmeClient", "ListPetsAsync"), Is.EqualTo("Task<JToken>"), "the 200: key is the status 200");
    }

    [TestCase("tiny-petstore")]
    [TestCase("drawing-3.1")]
    public void A_yaml_twin_generates_byte_identical_code(string stem)
    {
        var json = GeneratorHarness.Run(TestPaths.ReadSpec(stem + ".openapi.json"), stem + ".openapi.json");
        var yaml = GeneratorHarness.Run(TestPaths.ReadSpec(stem + ".openapi.yaml"), stem + ".openapi.yaml");

        Assert.That(yaml.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(json.GeneratorDiagnostics.Select(d => d.Id)));
        Assert.That(yaml.Sources.Keys, Is.EqualTo(json.Sources.Keys));
        Assert.That(json.Sources.Count, Is.GreaterThan(5));
        foreach (var (hint, source) in json.Sources)
        {
            Assert.That(yaml.Sources[hint], Is.EqualTo(source), hint);
        }
    }

    [Test]
    public void Opper_v3_yaml_generates_and_compiles_without_a_warning()
    {
        var result = GeneratorHarness.Run(TestPaths.ReadSpec("opper-v3.openapi.yaml"), "opper-v3.openapi.yaml", GeneratorOptions.Opper).AssertClean();

        Assert.That(result.PropertyType("Opper.Models.GetTraceResponse", "Data"), Is.EqualTo("GetTraceResponseData"), "an inline schema is named after its owner and property");
        Assert.That(result.PropertyType("Opper.Models.GetTraceResponseData", "Events"), Is.EqualTo("IList<GetTraceResponseDataEventsItem>?"));
        Assert.That(result.GeneratedTypeNames(), Has.None.Contains("__"), "no FastAPI module paths");
    }

    [Test]
    public void Yaml_and_yml_files_are_specs_and_other_yaml_files_are_not()
    {
        const string yaml = "openapi: 3.1.0\ninfo: {title: Acme, version: '1'}\npaths: {}\ncomponents: {schemas: {Pet: {type: object, properties: {name: {type: string}}}}}\n";
        var result = GeneratorHarness.RunMany(
            GeneratorOptions.Default,
            ("one.openapi.yaml", yaml, new GeneratorOptions(ClientName: "One")),
            ("two.OpenAPI.YML", yaml, new GeneratorOptions(Namespace: "Two", ClientName: "Two")),
            ("config.yaml", yaml, null));
        result.AssertCompiles();
        Assert.That(result.Sources.Keys.Where(k => k.EndsWith(".Models.Pet.g.cs", StringComparison.Ordinal)), Is.EquivalentTo(new[] { "one.Models.Pet.g.cs", "two.Models.Pet.g.cs" }));
        Assert.That(result.Symbol("Two.TwoClient"), Is.Not.Null);
    }

    public static string[] YamlSpecs() => System.IO.Directory.GetFiles(TestPaths.Specs, "*.openapi.yaml")
        .Select(f => System.IO.Path.GetFileName(f)).OrderBy(f => f, StringComparer.Ordinal).ToArray();

    /// <summary>Damaged YAML (cut, lines dropped or shifted, stray indicators) never makes the generator throw.</summary>
    [TestCaseSource(nameof(YamlSpecs))]
    public void No_mutation_of_a_yaml_spec_makes_the_generator_throw(string file)
    {
        var lines = TestPaths.ReadSpec(file).Split('\n');
        var random = new Random(file.Aggregate(17, (h, c) => unchecked((h * 31) + c)));
        const string indicators = ":-[]{},&*!|>'\"#%@?\t ";
        var failures = new System.Collections.Generic.List<string>();
        for (var i = 0; i < 120; i++)
        {
            var mutated = lines.ToList();
            var at = random.Next(mutated.Count);
            var kind = i % 4;
            switch (kind)
            {
                case 0:
                    mutated = mutated.Take(at).Append(mutated[at].Substring(0, random.Next(mutated[at].Length + 1))).ToList();
                    break;
                case 1:
                    mutated.RemoveAt(at);
                    break;
                case 2:
                    mutated[at] = random.Next(2) == 0 ? " " + mutated[at] : mutated[at].TrimStart();
                    break;
                default:
                    var column = random.Next(mutated[at].Length + 1);
                    mutated[at] = mutated[at].Insert(column, indicators[random.Next(indicators.Length)].ToString());
                    break;
            }

            var failure = MutationTests.RunAndFindEscapedException(string.Join("\n", mutated), file, internalFailureCounts: true);
            if (failure is not null && failures.Count < 5)
            {
                failures.Add($"#{i} kind {kind} at line {at + 1}: {failure}");
            }
        }

        Assert.That(failures, Is.Empty, "damaged YAML is OPENAPI001 or a normal diagnostic, never an exception or an internal failure");
    }
}
