namespace Opper.OpenApi.Generator.Parsing;

/// <summary>
/// One spec file and the MSBuild options that apply to it: the first, value-equal stage of the
/// pipeline. Unchanged text and options mean every later stage is served from the cache.
/// </summary>
internal sealed record SpecInput(
    string Path,
    string Text,
    string? Namespace,
    string? ModelsNamespace,
    string? ClientName,
    string? UserAgent,
    string? ApiKeyEnvironmentVariables);
