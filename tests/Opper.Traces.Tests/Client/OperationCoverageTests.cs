using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>Every operation of the spec has a contract test and a registered call; nothing names an operation the spec lacks.</summary>
[TestFixture]
public class OperationCoverageTests
{
    private static readonly string[] SpecOperations = Examples.Operations().Select(o => o.OperationId).OrderBy(id => id).ToArray();

    [Test]
    public void The_spec_has_the_operations_of_the_fact_sheet()
    {
        Assert.That(SpecOperations, Has.Length.EqualTo(15));
    }

    [Test]
    public void Every_operation_has_a_contract_test()
    {
        var tested = typeof(OperationCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttributes<TestAttribute>().Any())
            .SelectMany(m => m.GetCustomAttributes<OperationAttribute>())
            .Select(a => a.OperationId)
            .ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(SpecOperations.Where(id => !tested.Contains(id)), Is.Empty, "operations without a contract test");
            Assert.That(tested.Where(id => !SpecOperations.Contains(id)), Is.Empty, "contract tests naming an operation the spec does not have");
        });
    }

    [Test]
    public void Every_operation_has_a_registered_call()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SpecOperations.Where(id => !OperationCalls.All.ContainsKey(id)), Is.Empty, "operations missing from OperationCalls");
            Assert.That(OperationCalls.All.Keys.Where(id => !SpecOperations.Contains(id)), Is.Empty, "calls naming an operation the spec does not have");
        });
    }

    public static IEnumerable<TestCaseData> SpecOperationCases() =>
        Examples.Operations().Select(o => new TestCaseData(o.OperationId, o.Method, o.Path).SetArgDisplayNames(o.OperationId));

    [TestCaseSource(nameof(SpecOperationCases))]
    public async Task Each_registered_call_sends_the_method_and_path_of_the_spec(string operationId, string method, string pathTemplate)
    {
        using var api = new MockApi();
        var (status, body) = SuccessOf(operationId);
        api.Reply(status, body);

        await OperationCalls.Call(api.Client, operationId);

        var expectedPath = "/v2" + pathTemplate
            .Replace("{trace_id}", Wire.TraceId)
            .Replace("{span_id}", Wire.RootSpanId)
            .Replace("{metric_id}", Wire.MetricId)
            .Replace("{function_id}", Wire.FunctionId);
        var sent = api.SingleSent();
        Assert.That(sent.Method, Is.EqualTo(method));
        Assert.That(sent.Uri.AbsolutePath, Is.EqualTo(expectedPath));
    }

    /// <summary>The success status of an operation and an example body of its component (null for 204).</summary>
    internal static (HttpStatusCode Status, string? Body) SuccessOf(string operationId)
    {
        var operation = Examples.Operations().Single(o => o.OperationId == operationId).Operation;
        var success = ((JObject)operation["responses"]!).Properties().First(p => p.Name.StartsWith('2'));
        var schema = success.Value["content"]?["application/json"]?["schema"]?["$ref"];
        if (schema is null)
        {
            return ((HttpStatusCode)int.Parse(success.Name), null);
        }

        var component = ((string)schema!).Split('/').Last();
        var file = Examples.JsonFiles().First(f => Examples.ComponentOf(f) == component);
        return ((HttpStatusCode)int.Parse(success.Name), Examples.Text(file));
    }
}
