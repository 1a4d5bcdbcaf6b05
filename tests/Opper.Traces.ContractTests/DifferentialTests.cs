using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Opper.Traces.ContractTests.Infrastructure;
using N = Opper.Traces.ContractTests.NSwag;

namespace Opper.Traces.ContractTests;

/// <summary>
/// Every operation of the spec, sent through our client and through NSwag's over one MockHttp
/// handler: the requests must say the same thing, and both clients must read the same values
/// from the same response. Bodies are the spec's examples plus seeded variations. Where NSwag
/// is known to be wrong the comparison leaves that part out (see <see cref="KnownDifferences"/>)
/// and the exact checks on our client still cover it.
/// </summary>
[TestFixture]
public class DifferentialTests
{
    public static IEnumerable<TestCaseData> RequestCases() =>
        OpenApiDocument.Operations.SelectMany(o => Samples.Requests(o).Select(s => new TestCaseData(o.OperationId, s.Label).SetArgDisplayNames(o.OperationId, s.Label)));

    public static IEnumerable<TestCaseData> ResponseCases() =>
        OpenApiDocument.Operations.SelectMany(o => Samples.Responses(o).Select(s => new TestCaseData(o.OperationId, s.Label).SetArgDisplayNames(o.OperationId, s.Label)));

    public static IEnumerable<TestCaseData> ErrorCases() =>
        OpenApiDocument.Operations.SelectMany(o => Samples.Errors(o).Select(s => new TestCaseData(o.OperationId, s.Label).SetArgDisplayNames(o.OperationId, s.Label)));

    public static IEnumerable<TestCaseData> Operations() =>
        OpenApiDocument.Operations.Select(o => new TestCaseData(o.OperationId).SetArgDisplayNames(o.OperationId));

    [Test]
    public void TheSpecHasOperations()
    {
        Assert.That(OpenApiDocument.Operations.Select(o => o.OperationId).ToList(), Is.Unique.And.Count.GreaterThanOrEqualTo(15));
    }

    [TestCaseSource(nameof(Operations))]
    public void EveryOperationOfTheSpecIsCalledThroughBothClients(string operationId)
    {
        Assert.That(OperationCalls.ByOperationId.ContainsKey(operationId), Is.True,
            "the spec's operation " + operationId + " has no entry in OperationCalls: it must flow through both clients");
    }

    [Test]
    public void EveryCalledOperationIsInTheSpec()
    {
        Assert.That(OperationCalls.ByOperationId.Keys, Is.SubsetOf(OpenApiDocument.Operations.Select(o => o.OperationId)));
    }

    [TestCaseSource(nameof(RequestCases))]
    public async Task BothClientsSendTheSameRequest(string operationId, string label)
    {
        var operation = OpenApiDocument.Operation(operationId);
        var sample = Samples.Requests(operation).Single(s => s.Label == label);
        var call = OperationCalls.ByOperationId[operationId];
        var response = Samples.Responses(operation)[0].Response;

        var ours = await Exchange.Ours(c => call.Ours(c, sample.Input, CancellationToken.None), response);
        var theirs = await Exchange.Theirs(n => call.Theirs(n, sample.ForNSwag, CancellationToken.None), response);

        Assert.That(ours.Error, Is.Null, () => "our client failed: " + ours.Error);
        Assert.That(theirs.Error, Is.Null, () => "NSwag's client failed: " + theirs.Error);
        var sentByUs = ours.Request!;
        var sentByThem = theirs.Request!;
        Assert.Multiple(() =>
        {
            Assert.That(sentByUs.Method, Is.EqualTo(operation.Method), "our method");
            Assert.That(sentByThem.Method, Is.EqualTo(operation.Method), "NSwag's method");
            Assert.That(sentByUs.Path, Is.EqualTo(ExpectedPath(operation, sample.Input)), "our path");
            Assert.That(sentByUs.Path, Is.EqualTo(sentByThem.Path), "path: ours vs NSwag's");
            Assert.That(sentByUs.Query, Is.EqualTo(sentByThem.Query), "query: ours vs NSwag's");
            Assert.That(sentByUs.Query, Is.EqualTo(ExpectedQuery(sample.Input)), "our query");
        });

        if (operation.RequestComponent is not { } component)
        {
            Assert.That(sentByUs.Body ?? string.Empty, Is.Empty, "we send no body where the spec has none");
            return;
        }

        var schema = OpenApiDocument.Ref(component);
        Assert.That(sentByUs.ContentType, Is.EqualTo("application/json"));

        // Ours sends exactly what was set: every field of the sample (explicit nulls and unknown fields
        // included) and nothing else.
        var sentBody = Json.Parse(sentByUs.Body!);
        Assert.That(
            Json.FirstDifference(SchemaJson.Normalize(sample.Input.Body, schema, NormalizeOptions.Exact), SchemaJson.Normalize(sentBody, schema, NormalizeOptions.Exact)),
            Is.Null,
            "our body differs from what was set (expected vs sent)");

        // NSwag cannot tell null from unset and fills in defaults: compare what both mean to the server.
        Assert.That(
            Json.FirstDifference(SchemaJson.Normalize(Json.Parse(sentByThem.Body!), schema, NormalizeOptions.NSwagComparable), SchemaJson.Normalize(sentBody, schema, NormalizeOptions.NSwagComparable)),
            Is.Null,
            "body: NSwag's vs ours");
    }

    [TestCaseSource(nameof(ResponseCases))]
    public async Task BothClientsReadTheSameResponse(string operationId, string label)
    {
        var operation = OpenApiDocument.Operation(operationId);
        var (_, response) = Samples.Responses(operation).Single(s => s.Label == label);
        var request = Samples.Requests(operation)[0];
        var call = OperationCalls.ByOperationId[operationId];
        var responseForNSwag = operation.ResponseComponent is { } known
            ? response with { Body = Json.Text(KnownDifferences.ForNSwag(Json.Parse(response.Body!), known)) }
            : response;

        var ours = await Exchange.Ours(c => call.Ours(c, request.Input, CancellationToken.None), response);
        var theirs = await Exchange.Theirs(n => call.Theirs(n, request.ForNSwag, CancellationToken.None), responseForNSwag);

        Assert.That(ours.Error, Is.Null, () => "our client failed: " + ours.Error);
        Assert.That(theirs.Error, Is.Null, () => "NSwag's client failed: " + theirs.Error);
        if (operation.ResponseComponent is not { } component)
        {
            Assert.That(ours.Value, Is.Null);
            Assert.That(theirs.Value, Is.Null);
            return;
        }

        var schema = OpenApiDocument.Ref(component);
        var oursRead = Exchange.OursAsJson(ours.Value);
        var theirsRead = Exchange.TheirsAsJson(theirs.Value);

        // Ours reads everything: written back, the value is the body (nulls, unknown fields, unicode, all of it).
        Assert.That(
            Json.FirstDifference(SchemaJson.Normalize(Json.Parse(response.Body!), schema, NormalizeOptions.Exact), SchemaJson.Normalize(oursRead, schema, NormalizeOptions.Exact)),
            Is.Null,
            "what we read differs from the body (body vs read)");

        Assert.That(
            Json.FirstDifference(SchemaJson.Normalize(theirsRead, schema, NormalizeOptions.NSwagComparable), SchemaJson.Normalize(oursRead, schema, NormalizeOptions.NSwagComparable)),
            Is.Null,
            "what NSwag read vs what we read");
    }

    [TestCaseSource(nameof(ErrorCases))]
    public async Task BothClientsReadTheSameError(string operationId, string label)
    {
        var operation = OpenApiDocument.Operation(operationId);
        var (_, status, component, body) = Samples.Errors(operation).Single(s => s.Label == label);
        var request = Samples.Requests(operation)[0];
        var call = OperationCalls.ByOperationId[operationId];
        var response = new CannedResponse(status, Json.Text(body));

        var ours = await Exchange.Ours(c => call.Ours(c, request.Input, CancellationToken.None), response);
        var theirs = await Exchange.Theirs(n => call.Theirs(n, request.ForNSwag, CancellationToken.None), response);

        var ourError = ours.Error as OpperApiException;
        Assert.That(ourError, Is.Not.Null, () => "we should throw OpperApiException, not " + ours.Error);
        Assert.That(theirs.Error, Is.InstanceOf<N.ApiException>());
        var theirError = (N.ApiException)theirs.Error!;
        var theirBody = theirError.GetType().GetProperty("Result")?.GetValue(theirError);
        Assert.That(theirBody, Is.Not.Null, "NSwag read the documented error body");

        var schema = OpenApiDocument.Ref(component);
        var oursRead = new JObject
        {
            ["type"] = ourError!.ErrorType,
            ["message"] = ourError.ErrorMessage,
            ["detail"] = ourError.Detail?.DeepClone(),
        };
        var theirsRead = (JObject)Exchange.TheirsAsJson(theirBody)!;
        Assert.Multiple(() =>
        {
            Assert.That(ourError.StatusCode, Is.EqualTo(status));
            Assert.That(theirError.StatusCode, Is.EqualTo(status));
            Assert.That(ourError.ResponseBody, Is.EqualTo(Json.Text(body)));
            Assert.That(
                Json.FirstDifference(SchemaJson.Normalize(theirsRead, schema, NormalizeOptions.NSwagComparable), SchemaJson.Normalize(oursRead, schema, NormalizeOptions.NSwagComparable)),
                Is.Null,
                "error read by NSwag vs by us");
            Assert.That(
                Json.FirstDifference(SchemaJson.Normalize(body, schema, NormalizeOptions.Exact), SchemaJson.Normalize(Exchange.OursAsJson(ourError.Error), schema, NormalizeOptions.Exact)),
                Is.Null,
                "our typed error body vs the body");
        });
    }

    private static string ExpectedPath(SpecOperation operation, CallInput input) =>
        new Uri(Exchange.BaseUrl).AbsolutePath.TrimEnd('/')
        + Regex.Replace(operation.Path, "{([^}]+)}", m => Uri.EscapeDataString(input.P(m.Groups[1].Value)));

    private static List<KeyValuePair<string, string>> ExpectedQuery(CallInput input) =>
        input.Query
            .Select(q => new KeyValuePair<string, string>(q.Key, q.Value.Type == JTokenType.String ? (string)q.Value! : q.Value.ToString()))
            .OrderBy(q => q.Key, StringComparer.Ordinal)
            .ToList();
}
