using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>
/// Every error status that the spec documents for an operation (and 429/5xx, which it does not)
/// becomes the right exception, with every field read from the response.
/// </summary>
[TestFixture]
public class ErrorMappingTests
{
    private static readonly Dictionary<int, Type> ExceptionTypes = new()
    {
        [400] = typeof(OpperBadRequestException),
        [401] = typeof(OpperUnauthorizedException),
        [404] = typeof(OpperNotFoundException),
        [409] = typeof(OpperConflictException),
        [422] = typeof(OpperValidationException),
        [429] = typeof(OpperRateLimitException),
        [500] = typeof(OpperServerException),
        [502] = typeof(OpperServerException),
        [503] = typeof(OpperServerException),
        [504] = typeof(OpperServerException),
    };

    /// <summary>(operationId, status, error component) for every error response the spec documents.</summary>
    public static IEnumerable<TestCaseData> DocumentedErrors()
    {
        foreach (var (operationId, _, _, operation) in Examples.Operations())
        {
            foreach (var response in ((JObject)operation["responses"]!).Properties().Where(p => p.Name[0] is '4' or '5'))
            {
                var component = ((string)response.Value["content"]!["application/json"]!["schema"]!["$ref"]!).Split('/').Last();
                yield return new TestCaseData(operationId, int.Parse(response.Name), component)
                    .SetArgDisplayNames(operationId, response.Name);
            }
        }
    }

    public static IEnumerable<TestCaseData> UndocumentedErrors() =>
        from operationId in Examples.Operations().Select(o => o.OperationId)
        from status in new[] { 429, 500, 502, 503, 504 }
        select new TestCaseData(operationId, status).SetArgDisplayNames(operationId, status.ToString());

    [Test]
    public void Every_operation_documents_400_401_404_and_422()
    {
        var statuses = DocumentedErrors().GroupBy(c => (string)c.Arguments[0]!, c => (int)c.Arguments[1]!).ToList();
        Assert.That(statuses, Has.Count.EqualTo(15));
        Assert.That(statuses, Has.All.Matches<IGrouping<string, int>>(g => new[] { 400, 401, 404, 422 }.All(g.Contains)));
        Assert.That(
            statuses.Where(g => g.Contains(409)).Select(g => g.Key),
            Is.EquivalentTo(new[] { "create_metric_spans__span_id__metrics_post", "create_function_functions_post" }));
    }

    [TestCaseSource(nameof(DocumentedErrors))]
    public void A_documented_error_becomes_its_exception_with_every_field(string operationId, int status, string component)
    {
        using var api = new MockApi(o => o.MaxRetries = 0);
        var file = Examples.JsonFiles().First(f => Examples.ComponentOf(f) == component);
        var body = Examples.Text(file);
        var json = Examples.Json(file);
        api.Reply((HttpStatusCode)status, body, "application/json", ("x-request-id", "req-" + status));

        var ex = Assert.CatchAsync<OpperApiException>(() => OperationCalls.Call(api.Client, operationId))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.TypeOf(ExceptionTypes[status]));
            Assert.That(ex.StatusCode, Is.EqualTo(status));
            Assert.That(ex.ErrorType, Is.EqualTo((string?)json["type"]));
            Assert.That(ex.ErrorMessage, Is.EqualTo((string?)json["message"]));
            Assert.That(JToken.DeepEquals(ex.Detail, json["detail"]), Is.True, "Detail: " + ex.Detail);
            Assert.That(ex.ResponseBody, Is.EqualTo(body));
            Assert.That(ex.RequestId, Is.EqualTo("req-" + status));
            Assert.That(ex.Error, Is.TypeOf(Examples.ModelType(component)), "the typed error DTO");
            Assert.That(ex.Error?.GetType().GetProperty("Type")!.GetValue(ex.Error), Is.EqualTo((string?)json["type"]));
            Assert.That(ex.Error?.GetType().GetProperty("Message")!.GetValue(ex.Error), Is.EqualTo((string?)json["message"]));
            Assert.That(ex.Message, Does.Contain(status.ToString()).And.Contain((string)json["message"]!), "the message names the status and the server's message");
            Assert.That(ex.Message, Does.Contain("req-" + status), "the message names the request id");
        });
        Assert.That(api.Sent, Has.Count.EqualTo(1));
    }

    [TestCaseSource(nameof(UndocumentedErrors))]
    public void Rate_limits_and_server_errors_become_their_exceptions(string operationId, int status)
    {
        using var api = new MockApi(o => o.MaxRetries = 0);
        const string body = """{"type":"ServiceError","message":"Try again later","detail":{"retry":true}}""";
        api.Reply((HttpStatusCode)status, body, "application/json", ("request-id", "fallback-" + status));

        var ex = Assert.CatchAsync<OpperApiException>(() => OperationCalls.Call(api.Client, operationId))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.TypeOf(ExceptionTypes[status]));
            Assert.That(ex.StatusCode, Is.EqualTo(status));
            Assert.That(ex.ErrorType, Is.EqualTo("ServiceError"));
            Assert.That(ex.ErrorMessage, Is.EqualTo("Try again later"));
            Assert.That((bool?)ex.Detail?["retry"], Is.True);
            Assert.That(ex.ResponseBody, Is.EqualTo(body));
            Assert.That(ex.RequestId, Is.EqualTo("fallback-" + status), "request-id is read when x-request-id is absent");
            Assert.That(ex.Error, Is.Null, "the spec documents no body for this status");
        });
    }

    [Test]
    public void X_request_id_wins_over_request_id()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.NotFound, "NotFoundError.trace.json", ("request-id", "second"), ("x-request-id", "first"));

        var ex = Assert.ThrowsAsync<OpperNotFoundException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.RequestId, Is.EqualTo("first"));
    }

    [Test]
    public void Without_request_id_headers_the_request_id_is_null()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.NotFound, "NotFoundError.trace.json");

        var ex = Assert.ThrowsAsync<OpperNotFoundException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.RequestId, Is.Null);
        Assert.That(ex.Message, Does.Contain("404").And.Contain("Trace 00000000-0000-4000-8000-000000000000 not found"));
    }

    [Test]
    public void An_undocumented_client_error_is_a_plain_api_exception()
    {
        using var api = new MockApi();
        api.Reply((HttpStatusCode)418, """{"message":"I'm a teapot"}""");

        var ex = Assert.ThrowsAsync<OpperApiException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.GetType(), Is.EqualTo(typeof(OpperApiException)));
        Assert.That(ex.StatusCode, Is.EqualTo(418));
        Assert.That(ex.ErrorMessage, Is.EqualTo("I'm a teapot"));
    }

    [Test]
    public void The_validation_detail_is_kept_as_sent()
    {
        using var api = new MockApi();
        api.ReplyExample((HttpStatusCode)422, "RequestValidationError.basic.json");

        var ex = Assert.ThrowsAsync<OpperValidationException>(() => api.Client.Functions.CallAsync("not-a-uuid", new Opper.Models.CallFunctionRequest { Input = "x" }))!;

        var detail = (JArray)ex.Detail!;
        Assert.That(detail, Has.Count.EqualTo(2));
        Assert.That(detail[0]["loc"]!.ToObject<string[]>(), Is.EqualTo(new[] { "body", "instructions" }));
        Assert.That(((Opper.Models.RequestValidationError)ex.Error!).Detail, Is.InstanceOf<JArray>());
    }
}
