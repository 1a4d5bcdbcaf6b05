using System;

namespace Opper.OpenApi.Generator.Parsing;

/// <summary>Which additional files are OpenAPI documents, and in which syntax.</summary>
internal static class SpecFiles
{
    /// <summary>The endings of the file names the generator compiles (compared without letter case).</summary>
    public static readonly string[] Suffixes = { ".openapi.json", ".openapi.yaml", ".openapi.yml" };

    /// <summary>The suffix <paramref name="path"/> ends with, or null when it is not a spec.</summary>
    public static string? Suffix(string path)
    {
        foreach (var suffix in Suffixes)
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return suffix;
            }
        }

        return null;
    }

    public static bool IsSpec(string path) => Suffix(path) is not null;

    public static bool IsYaml(string path) => Suffix(path) is ".openapi.yaml" or ".openapi.yml";
}
