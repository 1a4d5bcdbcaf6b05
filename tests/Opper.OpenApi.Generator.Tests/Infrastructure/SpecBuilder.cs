namespace Opper.OpenApi.Generator.Tests.Infrastructure;

/// <summary>Wraps schemas and paths written inline in a test into a whole OpenAPI document.</summary>
internal static class SpecBuilder
{
    /// <summary>A document with these <c>components.schemas</c> (a JSON object) and <c>paths</c>.</summary>
    public static string Document(string schemas, string paths = "{}", string version = "3.1.0") => $$"""
        {
          "openapi": "{{version}}",
          "info": { "title": "Acme", "version": "1.0.0" },
          "servers": [ { "url": "https://api.acme.test/v1" } ],
          "paths": {{paths}},
          "components": { "schemas": {{schemas}} }
        }
        """;

    /// <summary>A document with only paths.</summary>
    public static string Paths(string paths, string version = "3.1.0") => Document("{}", paths, version);
}
