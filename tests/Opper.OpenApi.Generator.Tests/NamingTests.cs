using System.Linq;
using Opper.OpenApi.Generator.Tests.Infrastructure;
using static Opper.OpenApi.Generator.Tests.Infrastructure.SpecBuilder;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>How component names become type names: FastAPI module-path prefixes are dropped when the short name is unique.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class NamingTests
{
    private const string Object = """{ "type": "object", "properties": { "x": { "type": "string" } } }""";

    [Test]
    public void A_module_path_prefix_is_dropped_when_the_short_name_is_unique()
    {
        var result = GeneratorHarness.Run(Document($$"""
            {
              "app__api__public__v2__functions__CallFunctionRequest": {{Object}},
              "Holder": { "type": "object", "properties": { "call": { "$ref": "#/components/schemas/app__api__public__v2__functions__CallFunctionRequest" } } }
            }
            """)).AssertClean();

        Assert.That(ModelNames(result), Is.EquivalentTo(new[] { "CallFunctionRequest", "Holder" }));
        Assert.That(result.PropertyType("Acme.Models.Holder", "Call"), Is.EqualTo("CallFunctionRequest?"));
    }

    [Test]
    public void Two_modules_with_the_same_class_keep_their_full_names()
    {
        var result = GeneratorHarness.Run(Document($$"""
            {
              "app__a__Item": {{Object}},
              "app__b__Item": {{Object}}
            }
            """)).AssertClean();

        Assert.That(ModelNames(result), Is.EquivalentTo(new[] { "AppAItem", "AppBItem" }));
    }

    [Test]
    public void A_prefixed_name_whose_short_name_is_another_component_keeps_its_full_name()
    {
        var result = GeneratorHarness.Run(Document($$"""
            {
              "Item": {{Object}},
              "app__models__Item": {{Object}},
              "app__models__item_list__Page": {{Object}}
            }
            """)).AssertClean();

        Assert.That(ModelNames(result), Is.EquivalentTo(new[] { "Item", "AppModelsItem", "Page" }));
    }

    [TestCase("Foo__Bar", "FooBar")]
    [TestCase("app__Models__Item", "AppModelsItem")]
    [TestCase("app__models__item", "AppModelsItem")]
    [TestCase("app__models__", "AppModels")]
    [TestCase("__Item", "Item")]
    [TestCase("v2__Item", "Item")]
    public void Only_lower_case_module_paths_before_a_capitalised_class_count_as_a_prefix(string component, string expected)
    {
        var result = GeneratorHarness.Run(Document($$"""{ "{{component}}": {{Object}} }""")).AssertClean();

        Assert.That(ModelNames(result), Is.EqualTo(new[] { expected }));
    }

    /// <summary>The types generated directly in the models namespace.</summary>
    private static string[] ModelNames(GenerationResult result) =>
        result.Compilation.Assembly.GlobalNamespace
            .GetNamespaceMembers().Single(n => n.Name == "Acme")
            .GetNamespaceMembers().Single(n => n.Name == "Models")
            .GetTypeMembers().Select(t => t.Name)
            .ToArray();
}
