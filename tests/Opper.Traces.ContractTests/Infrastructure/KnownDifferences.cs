using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.ContractTests.Infrastructure;

/// <summary>
/// Where NSwag 14.7.1 cannot be the oracle. Each entry has a test in KnownDifferencesTests that
/// states the difference and asserts what our client does.
/// </summary>
internal static class KnownDifferences
{
    /// <summary>
    /// Properties NSwag cannot hold at all: <c>model</c> is an <c>anyOf</c> of a Model object, a string,
    /// a free-form object and an array of those; NSwag makes it an empty class (<c>TModel</c>), so the
    /// seed's <c>"model": "openai/gpt-4o-mini"</c> can be neither sent nor read. NSwag gets bodies
    /// without these properties, and the comparisons leave them out; our client is checked on them
    /// by the exact round trips and by KnownDifferencesTests.ModelUnion.
    /// </summary>
    public static readonly IReadOnlySet<string> UnrepresentableInNSwag = new HashSet<string>(StringComparer.Ordinal)
    {
        "CreateFunctionRequest.model",
        "CreateFunctionResponse.model",
    };

    /// <summary>The body without what NSwag cannot represent, otherwise exactly as given.</summary>
    public static JToken ForNSwag(JToken body, string component) =>
        SchemaJson.Normalize(body, OpenApiDocument.Ref(component), new NormalizeOptions { Canonical = false, Excluded = UnrepresentableInNSwag })!;
}
