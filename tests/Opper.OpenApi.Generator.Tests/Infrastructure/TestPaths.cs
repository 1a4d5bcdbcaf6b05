using System.IO;
using System.Linq;
using System.Reflection;

namespace Opper.OpenApi.Generator.Tests.Infrastructure;

/// <summary>Where the test project's sources, specs and golden files are.</summary>
internal static class TestPaths
{
    /// <summary>The test project's directory in the source tree (set by the project file).</summary>
    public static string ProjectDirectory { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TestProjectDirectory").Value!;

    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));

    /// <summary>Opper's OpenAPI document, the one <c>src/Opper.Traces</c> is generated from.</summary>
    public static string RealSpec { get; } = Path.Combine(RepositoryRoot, "spec", "opper.openapi.json");

    public static string Specs { get; } = Path.Combine(ProjectDirectory, "Specs");

    public static string Golden { get; } = Path.Combine(ProjectDirectory, "Golden");

    public static string ReadSpec(string fileName) => File.ReadAllText(Path.Combine(Specs, fileName));
}
