using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Opper.OpenApi.Generator.Tests.Infrastructure;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>
/// The pipeline's caching: what an unrelated edit and a spec edit re-run, and that no stage holds
/// Roslyn or JSON objects (which would defeat the cache and keep compilations alive).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    {
        TrackingNames.Input, TrackingNames.Parse, TrackingNames.Diagnostics, TrackingNames.Types,
        TrackingNames.Clients, TrackingNames.Root, TrackingNames.Runtime,
    };

    private const string SpecPath = "/specs/tiny-petstore.openapi.json";

    private static string Spec => TestPaths.ReadSpec("tiny-petstore.openapi.json");

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, InMemoryAdditionalText Spec) FirstRun()
    {
        var spec = new InMemoryAdditionalText(SpecPath, Spec);
        var compilation = GeneratorHarness.CreateCompilation("namespace User { public static class A { public static int One => 1; } }");
        var driver = GeneratorHarness.CreateDriver(spec).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.That(result.Exception, Is.Null);
        foreach (var step in TrackedSteps)
        {
            Assert.That(result.TrackedSteps.ContainsKey(step), Is.True, $"the step {step} is tracked");
        }

        return (driver, compilation, spec);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static IEnumerable<IncrementalStepRunReason> OutputReasons(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Test]
    public void Editing_unrelated_CSharp_reuses_every_step_and_emits_nothing_new()
    {
        var (driver, compilation, _) = FirstRun();

        // Add a file, and edit the one that is there.
        var edited = compilation
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace User { public class B { } }", GeneratorHarness.ParseOptions, "B.cs"))
            .ReplaceSyntaxTree(compilation.SyntaxTrees[0], CSharpSyntaxTree.ParseText("namespace User { public static class A { public static int Two => 2; } }", GeneratorHarness.ParseOptions, "User0.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            Assert.That(Reasons(second, step), Is.Not.Empty.And.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), step);
        }

        Assert.That(OutputReasons(second), Is.Not.Empty.And.All.EqualTo(IncrementalStepRunReason.Cached), "no source is emitted again");
    }

    [Test]
    public void Editing_one_schema_re_emits_only_that_type()
    {
        var (driver, _, spec) = FirstRun();
        var compilation = GeneratorHarness.CreateCompilation("namespace User { public static class A { public static int One => 1; } }");

        // Owner gets a property.
        var text = Spec.Replace(
            "\"properties\": { \"name\": { \"type\": \"string\" }, \"phone\": { \"type\": \"string\" } }",
            "\"properties\": { \"name\": { \"type\": \"string\" }, \"phone\": { \"type\": \"string\" }, \"email\": { \"type\": \"string\" } }",
            StringComparison.Ordinal);
        Assert.That(text, Is.Not.EqualTo(Spec), "the edit applies");
        driver = driver.ReplaceAdditionalText(spec, new InMemoryAdditionalText(SpecPath, text));
        var second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.That(Reasons(second, TrackingNames.Input), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));
        Assert.That(Reasons(second, TrackingNames.Parse), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));

        // One type item changed: the Owner model; every other type is the same as before.
        var types = second.TrackedSteps[TrackingNames.Types].SelectMany(s => s.Outputs).ToList();
        var modified = types.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => TypeName(o.Value)).ToList();
        Assert.That(modified, Is.EqualTo(new[] { "Owner" }));
        Assert.That(types.Where(o => o.Reason != IncrementalStepRunReason.Modified).Select(o => o.Reason), Is.Not.Empty.And.All.EqualTo(IncrementalStepRunReason.Unchanged));

        // Clients and the runtime do not depend on Owner's properties.
        foreach (var step in new[] { TrackingNames.Clients, TrackingNames.Runtime, TrackingNames.Diagnostics })
        {
            Assert.That(Reasons(second, step), Is.Not.Empty.And.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), step);
        }

        // Emitted: the Owner file, and the defaults that list the JSON names ("email" is new), nothing else.
        var emitted = second.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(s => s.Outputs)
            .Where(o => o.Reason == IncrementalStepRunReason.Modified)
            .Select(o => o.Value)
            .ToList();
        Assert.That(emitted, Has.Count.EqualTo(2));
        Assert.That(second.GeneratedSources.Single(s => s.HintName.EndsWith(".Models.Owner.g.cs", StringComparison.Ordinal)).SourceText.ToString(), Does.Contain("\"email\""));
    }

    [Test]
    public void Pipeline_models_hold_no_symbols_syntax_locations_or_json_nodes()
    {
        var (driver, compilation, spec) = FirstRun();
        var broken = new InMemoryAdditionalText(SpecPath, Spec.Replace("\"#/components/schemas/Owner\"", "\"#/components/schemas/Nobody\"", StringComparison.Ordinal));
        var withDiagnostics = driver.ReplaceAdditionalText(spec, broken).RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.That(withDiagnostics.Diagnostics.Select(d => d.Id), Does.Contain("OPENAPI002"), "the walk also covers diagnostics");

        var walked = 0;
        foreach (var result in new[] { driver.GetRunResult().Results.Single(), withDiagnostics })
        {
            foreach (var step in result.TrackedSteps.Where(pair => TrackedSteps.Contains(pair.Key) || pair.Key == TrackingNames.Features).SelectMany(pair => pair.Value))
            {
                foreach (var (value, _) in step.Outputs)
                {
                    walked += AssertObjectGraph(value, step.Name ?? "(unnamed)");
                }
            }
        }

        Assert.That(walked, Is.GreaterThan(100), "the walk reached the models");
    }

    private static string TypeName(object item) =>
        ((Model.TypeModel)item.GetType().GetProperty("Type")!.GetValue(item)!).Name;

    /// <summary>Visits every object reachable from <paramref name="root"/>; fails on forbidden types.</summary>
    private static int AssertObjectGraph(object? root, string step)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(object? Node, string Path)>();
        stack.Push((root, step));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            if (node is null || !visited.Add(node))
            {
                continue;
            }

            Assert.That(
                node is Compilation or ISymbol or SyntaxNode or SyntaxTree or Location or Json.JsonNode or Json.JsonProperty,
                Is.False,
                $"{path} holds a {node.GetType().Name}");

            var type = node.GetType();
            if (type.IsPrimitive || type.IsEnum || node is string or decimal)
            {
                continue;
            }

            if (node is IEnumerable items)
            {
                var i = 0;
                foreach (var item in items)
                {
                    stack.Push((item, $"{path}[{i++}]"));
                }

                continue;
            }

            for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
            {
                foreach (var field in current.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    stack.Push((field.GetValue(node), $"{path}.{field.Name}"));
                }
            }
        }

        return visited.Count;
    }
}
