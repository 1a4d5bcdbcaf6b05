using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>The exact requests of <c>client.Functions</c> and how their responses are read.</summary>
[TestFixture]
public class FunctionsContractTests
{
    [Test]
    [Operation("create_function_functions_post")]
    public async Task Create_posts_the_function_and_reads_the_201()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.Created, "CreateFunctionResponse.research-assistant.json");
        var body = new CreateFunctionRequest
        {
            Name = "research_assistant_1731000000",
            Description = "Research assistant that provides detailed analysis",
            Instructions = "You are a research assistant. Provide detailed, well-researched answers with multiple perspectives and cite your reasoning process.",
            Model = "openai/gpt-4o-mini",
        };

        var function = await api.Client.Functions.CreateAsync(body);

        var sent = api.SingleSent();
        sent.AssertRequest("POST", "/v2/functions", hasBody: true);
        JsonAssert.AreEqual(Examples.Text("CreateFunctionRequest.research-assistant.json"), sent.Body, "request body");
        Assert.Multiple(() =>
        {
            Assert.That(function.Id, Is.EqualTo(Wire.FunctionId));
            Assert.That(function.Name, Is.EqualTo(body.Name));
            Assert.That(function.Model!.AsString(), Is.EqualTo("openai/gpt-4o-mini"));
            Assert.That(function.InputSchema, Is.Null);
            Assert.That(function.Configuration!.InvocationStructuredGenerationMaxAttempts, Is.EqualTo(5));
            Assert.That(function.Configuration.BetaInvocationXmlModeEnabled, Is.False);
            Assert.That(function.DatasetId, Is.EqualTo("5e8a1c3d-7b9f-4a2e-b6d4-0c1f3e5a7b9d"));
            Assert.That(function.ObserverEnabled, Is.True);
        });
    }

    [Test]
    [Operation("create_function_functions_post")]
    public async Task Create_reads_a_model_object_and_json_schemas()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.Created, "CreateFunctionResponse.model-object.json");
        var body = new CreateFunctionRequest
        {
            Name = "source_summarizer",
            Instructions = "Summarize the source in short bullet points; keep numbers and dates exact.",
            Model = new Model { Name = "anthropic/claude-3-5-sonnet", Options = new JObject { ["temperature"] = 0.2 } },
        };

        var function = await api.Client.Functions.CreateAsync(body);

        JsonAssert.AreEqual(
            """{"name":"source_summarizer","instructions":"Summarize the source in short bullet points; keep numbers and dates exact.","model":{"name":"anthropic/claude-3-5-sonnet","options":{"temperature":0.2}}}""",
            api.SingleSent().Body,
            "request body");
        var model = function.Model!.AsModel();
        Assert.Multiple(() =>
        {
            Assert.That(model!.Name, Is.EqualTo("anthropic/claude-3-5-sonnet"));
            Assert.That((string?)model.ExtraHeaders!["anthropic-beta"], Is.EqualTo("prompt-caching-2024-07-31"));
            Assert.That((string?)function.OutputSchema!["$defs"]!["Bullet"]!["type"], Is.EqualTo("object"));
            Assert.That(function.Configuration!.InvocationCacheTtl, Is.EqualTo(3600));
        });
    }

    [Test]
    [Operation("call_function_functions__function_id__call_post")]
    public async Task Call_posts_input_and_tags_and_reads_the_span_id()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "app__api__public__v2__functions__CallFunctionResponse.basic.json");
        var body = new CallFunctionRequest
        {
            Input = new JObject
            {
                ["question"] = "What are the key factors that led to the success of the Tesla Model S?",
                ["context"] = "I'm researching electric vehicle market adoption",
            },
            Tags = new Dictionary<string, string> { ["research_type"] = "automotive", ["complexity"] = "detailed" },
        };

        var response = await api.Client.Functions.CallAsync(Wire.FunctionId, body);

        var sent = api.SingleSent();
        sent.AssertRequest("POST", "/v2/functions/" + Wire.FunctionId + "/call", hasBody: true);
        JsonAssert.AreEqual(Examples.Text("app__api__public__v2__functions__CallFunctionRequest.research-assistant.json"), sent.Body, "request body");
        Assert.Multiple(() =>
        {
            Assert.That(response.SpanId, Is.EqualTo(Wire.RootSpanId));
            Assert.That(response.Message, Does.StartWith("The Tesla Model S succeeded"));
            Assert.That(response.JsonPayload, Is.Null);
            Assert.That(response.Cached, Is.False);
            Assert.That((long?)response.Usage!["total_tokens"], Is.EqualTo(12931));
            Assert.That((double?)response.Cost!["total"], Is.EqualTo(0.00453));
        });
    }
}
