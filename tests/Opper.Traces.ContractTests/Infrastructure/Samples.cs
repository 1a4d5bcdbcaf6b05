using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.ContractTests.Infrastructure;

/// <summary>A request to send through both clients: ours gets <see cref="Input"/>, NSwag <see cref="ForNSwag"/>.</summary>
internal sealed record RequestSample(string Label, CallInput Input, CallInput ForNSwag);

/// <summary>The requests and responses each operation is tried with, all from the spec's examples and seeded variations.</summary>
internal static class Samples
{
    public static IReadOnlyList<RequestSample> Requests(SpecOperation operation)
    {
        var random = new Random(Variations.StableHash(operation.OperationId));
        var path = operation.PathParameters.ToDictionary(p => p, _ => Variations.Uuid(random), StringComparer.Ordinal);
        var none = new Dictionary<string, JToken>(StringComparer.Ordinal);
        var samples = new List<RequestSample>();

        if (operation.RequestComponent is { } component)
        {
            var examples = OpenApiDocument.Examples(component);
            if (examples.Count == 0)
            {
                throw new InvalidOperationException("spec/examples has no example of " + component + ", the request body of " + operation.OperationId + ".");
            }

            foreach (var (variant, example) in examples)
            {
                foreach (var (label, body) in new[] { (variant, example) }.Concat(Variations.Of(component, variant, example)))
                {
                    samples.Add(new RequestSample(label, new CallInput(path, none, body), new CallInput(path, none, KnownDifferences.ForNSwag(body, component))));
                }
            }
        }
        else if (operation.QueryParameters.Count > 0)
        {
            foreach (var (label, query) in QuerySamples(operation, random))
            {
                var input = new CallInput(path, query, null);
                samples.Add(new RequestSample(label, input, input));
            }
        }
        else
        {
            var input = new CallInput(path, none, null);
            samples.Add(new RequestSample("path", input, input));
            var other = operation.PathParameters.ToDictionary(p => p, _ => Variations.Uuid(random), StringComparer.Ordinal);
            samples.Add(new RequestSample("other-path", new CallInput(other, none, null), new CallInput(other, none, null)));
        }

        return samples;
    }

    public static IReadOnlyList<(string Label, CannedResponse Response)> Responses(SpecOperation operation)
    {
        if (operation.ResponseComponent is not { } component)
        {
            return new[] { ("no-content", new CannedResponse(operation.SuccessStatus, null)) };
        }

        var examples = OpenApiDocument.Examples(component);
        if (examples.Count == 0)
        {
            throw new InvalidOperationException("spec/examples has no example of " + component + ", the response of " + operation.OperationId + ".");
        }

        return examples
            .SelectMany(e => new[] { (e.Variant, e.Body) }.Concat(Variations.Of(component, e.Variant, e.Body)))
            .Select(s => (s.Item1, new CannedResponse(operation.SuccessStatus, Json.Text(s.Item2))))
            .ToList();
    }

    public static IReadOnlyList<(string Label, int Status, string Component, JToken Body)> Errors(SpecOperation operation) =>
        operation.ErrorComponents
            .OrderBy(e => e.Key)
            .SelectMany(e => OpenApiDocument.Examples(e.Value).Select(x => (e.Key + "-" + x.Variant, e.Key, e.Value, x.Body)))
            .ToList();

    private static IEnumerable<(string Label, Dictionary<string, JToken> Query)> QuerySamples(SpecOperation operation, Random random)
    {
        Dictionary<string, JToken> Query(Func<string, JToken?> value) =>
            operation.QueryParameters
                .Select(name => (name, value: value(name)))
                .Where(p => p.value is not null)
                .ToDictionary(p => p.name, p => p.value!, StringComparer.Ordinal);

        yield return ("query-none", Query(_ => null));
        yield return ("query-all", Query(name => name switch
        {
            "offset" => 20,
            "limit" => 10,
            _ => "research_assistant_1731000000",
        }));
        yield return ("query-defaults", Query(name => name switch
        {
            "offset" => 0,
            "limit" => 100,
            _ => null,
        }));
        yield return ("query-unicode", Query(name => name switch
        {
            "offset" => random.Next(0, 1000),
            "limit" => random.Next(1, 500),
            _ => "naïve 名前 🚀 a&b=c?d#e/f+g%h " + Variations.UnicodeString(random).Replace("\u0000", string.Empty, StringComparison.Ordinal),
        }));
    }
}
