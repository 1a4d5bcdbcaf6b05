using System.Linq;
using Microsoft.CodeAnalysis;
using Opper.OpenApi.Generator.Tests.Infrastructure;
using static Opper.OpenApi.Generator.Tests.Infrastructure.SpecBuilder;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>The harness itself: the checks that every other test relies on can fail.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class HarnessTests
{
    private const string Spec = """{ "openapi": "3.1.0", "info": { "title": "x", "version": "1" }, "paths": {} }""";

    [Test]
    public void Compiler_warnings_in_the_compilation_are_seen()
    {
        // An undocumented public type and a nullable mistake: the same warnings the SDK's build turns into errors.
        var result = GeneratorHarness.Run(Spec, userSources: "namespace User { public class Undocumented { public string Name { get; set; } = null; } }");

        Assert.That(result.CompilerDiagnostics.Select(d => d.Id), Does.Contain("CS1591").And.Contain("CS8625"));
        Assert.Throws<AssertionException>(() => result.AssertClean());
    }

    [Test]
    public void Compiler_errors_are_seen()
    {
        var result = GeneratorHarness.Run(Spec, userSources: "namespace User { public static class Broken { public static int X => \"no\"; } }");
        Assert.That(result.CompilerErrors.Select(d => d.Id), Does.Contain("CS0029"));
        Assert.Throws<AssertionException>(() => result.AssertCompiles());
    }

    [Test]
    public void Generator_options_reach_the_generator()
    {
        var result = GeneratorHarness.Run(
            Document("""{ "Thing": { "type": "object", "properties": { "a": { "type": "string" } } } }"""),
            "things.openapi.json",
            new GeneratorOptions("My.Sdk", "My.Sdk.Dtos", "Things", "things-ua", "THINGS_KEY;OTHER_KEY")).AssertClean();

        Assert.That(result.Symbol("My.Sdk.Dtos.Thing"), Is.Not.Null);
        Assert.That(result.Symbol("My.Sdk.ThingsClient"), Is.Not.Null);
        var defaults = result.Symbol("My.Sdk.ThingsClientDefaults");
        Assert.That(defaults.GetMembers("UserAgent").OfType<IFieldSymbol>().Single().ConstantValue, Is.EqualTo("things-ua"));
        Assert.That(result.Source("Runtime.Defaults.g.cs"), Does.Contain("\"THINGS_KEY\", \"OTHER_KEY\""));
    }

    [Test]
    public void Without_options_the_names_come_from_the_file()
    {
        var result = GeneratorHarness.Run(Spec, "pet-shop.openapi.json", new GeneratorOptions(Namespace: null)).AssertClean();
        Assert.That(result.Symbol("Opper.PetShopClient"), Is.Not.Null);
        Assert.That(result.Source("Runtime.Defaults.g.cs"), Does.Contain("\"PET_SHOP_API_KEY\"").And.Contain("\"petshop-dotnet\""));
    }

    [Test]
    public void Several_specs_in_one_compilation_with_options_per_file()
    {
        const string pets = """{ "openapi": "3.0.3", "info": { "title": "Pets", "version": "1" }, "paths": {}, "components": { "schemas": { "Item": { "type": "object", "properties": { "name": { "type": "string" } } } } } }""";
        const string orders = """{ "openapi": "3.1.0", "info": { "title": "Orders", "version": "1" }, "paths": {}, "components": { "schemas": { "Item": { "type": "object", "properties": { "sku": { "type": "string" } } } } } }""";
        var result = GeneratorHarness.RunMany(
            new GeneratorOptions("Shop"),
            ("pets.openapi.json", pets, new GeneratorOptions("Shop.Pets", ClientName: "Pets")),
            ("orders.openapi.json", orders, new GeneratorOptions(Namespace: null, ModelsNamespace: "Shop.Orders.Dtos")));
        result.AssertClean();

        Assert.That(result.PropertyNames("Shop.Pets.Models.Item"), Is.EqualTo(new[] { "Name" }));
        Assert.That(result.PropertyNames("Shop.Orders.Dtos.Item"), Is.EqualTo(new[] { "Sku" }));
        Assert.That(result.Symbol("Shop.Pets.PetsClient"), Is.Not.Null);
        Assert.That(result.Symbol("Shop.OrdersClient"), Is.Not.Null, "item metadata left empty falls back to the global property");
    }
}
