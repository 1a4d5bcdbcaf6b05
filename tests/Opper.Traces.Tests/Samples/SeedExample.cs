using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Samples;

/// <summary>
/// The example of Opper's "Get Trace" reference page, in C#: create a function, call it, find
/// the trace through the call's span, wait for it to be indexed, and print an analysis of the trace. The test runs it
/// against recorded responses and checks what it prints.
/// </summary>
[TestFixture]
[SetCulture("en-US")]
public class SeedExample
{
    public static async Task RunAsync(OpperClient opper, TextWriter output)
    {
        // First, create a function and call it to generate a trace.
        var created = await opper.Functions.CreateAsync(new CreateFunctionRequest
        {
            Name = $"research_assistant_{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}",
            Description = "Research assistant that provides detailed analysis",
            Instructions = "You are a research assistant. Provide detailed, well-researched answers with multiple perspectives and cite your reasoning process.",
            Model = "openai/gpt-4o-mini",
        });
        output.WriteLine($"Created function: {created.Name}");

        var response = await opper.Functions.CallAsync(created.Id, new CallFunctionRequest
        {
            Input = new JObject
            {
                ["question"] = "What are the key factors that led to the success of the Tesla Model S?",
                ["context"] = "I'm researching electric vehicle market adoption",
            },
            Tags = new Dictionary<string, string> { ["research_type"] = "automotive", ["complexity"] = "detailed" },
        });
        output.WriteLine($"Function call completed. Span ID: {response.SpanId}");

        // Spans are part of traces: the call's span names its trace.
        var span = await opper.Spans.GetAsync(response.SpanId);
        output.WriteLine($"Generated trace ID: {span.TraceId}");

        // Opper indexes spans a moment after they are written: wait until the trace exists and
        // its span count has settled, then analyse it.
        GetTraceResponse trace = await opper.Traces.WaitForTraceAsync(span.TraceId!, TimeSpan.FromSeconds(30));
        SpanTree tree = trace.BuildTree();
        TraceSummary summary = trace.Summarize();

        output.WriteLine();
        output.WriteLine($"📊 Trace Analysis: {trace.Name}");
        output.WriteLine($"ID: {trace.Id}");
        output.WriteLine($"Duration: {trace.DurationMs}ms");
        output.WriteLine($"Status: {trace.Status}");
        output.WriteLine($"Total Tokens: {trace.TotalTokens:N0}");

        output.WriteLine();
        output.WriteLine($"🔍 Span Breakdown ({summary.SpanCount} spans):");
        foreach (var (type, stats) in summary.ByType)
        {
            output.WriteLine($"  {type}: count {stats.Count}, total {stats.TotalDurationMs}ms, p95 {stats.P95DurationMs}ms");
        }

        output.WriteLine("By model:");
        foreach (var (model, stats) in summary.ByModel)
        {
            output.WriteLine($"  {model}: calls {stats.Calls}, tokens {stats.TotalTokens:N0}");
        }

        output.WriteLine("Errors:");
        foreach (var failed in summary.Errors)
        {
            output.WriteLine($"  ❌ {failed.Name}: {failed.Error}");
        }

        output.WriteLine();
        output.WriteLine("🌳 Execution Flow:");
        output.WriteLine(tree.Render());

        output.WriteLine();
        output.WriteLine("⚡ Performance Insights:");
        output.WriteLine($"LLM Generation Time: {summary.GenerationTimeMs}ms ({summary.GenerationShare:P1} of the trace)");
        output.WriteLine($"Average Call Duration: {summary.AverageCallDurationMs:F1}ms");
        output.WriteLine($"Critical Path: {string.Join(" → ", tree.CriticalPath().Select(node => node.Span.Name))}");
    }

    [Test]
    public async Task Prints_the_trace_analysis()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.Created, "CreateFunctionResponse.research-assistant.json");
        api.ReplyExample(HttpStatusCode.OK, "app__api__public__v2__functions__CallFunctionResponse.basic.json");
        api.ReplyExample(HttpStatusCode.OK, "GetSpanResponse.with-feedback.json");
        // The trace is not indexed yet, then it is, and its span count holds over two polls.
        api.ReplyExample(HttpStatusCode.NotFound, "NotFoundError.trace.json");
        api.ReplyExample(HttpStatusCode.OK, "GetTraceResponse.research-assistant.json");
        api.ReplyExample(HttpStatusCode.OK, "GetTraceResponse.research-assistant.json");
        var output = new StringWriter { NewLine = "\n" };

        await RunAsync(api.Client, output);

        Assert.That(api.Sent.Select(s => s.Method + " " + s.Uri.AbsolutePath), Is.EqualTo(new[]
        {
            "POST /v2/functions",
            "POST /v2/functions/" + Wire.FunctionId + "/call",
            "GET /v2/spans/" + Wire.RootSpanId,
            "GET /v2/traces/" + Wire.TraceId,
            "GET /v2/traces/" + Wire.TraceId,
            "GET /v2/traces/" + Wire.TraceId,
        }));
        Assert.That(output.ToString(), Is.EqualTo(ExpectedOutput.ReplaceLineEndings("\n")));
    }

    // The numbers are the example trace's: 7 generation spans take 16592 ms of the trace's
    // 18734 ms; the two call spans average (18734 + 6660) / 2 ms.
    private const string ExpectedOutput = """
        Created function: research_assistant_1731000000
        Function call completed. Span ID: 0a6f7e1c-93b2-4d5e-8f10-3c2b1a9d8e71
        Generated trace ID: 7f3e2a91-4c5d-4b8e-9a1f-2d6c8e0b5a37

        📊 Trace Analysis: research_assistant_1731000000
        ID: 7f3e2a91-4c5d-4b8e-9a1f-2d6c8e0b5a37
        Duration: 18734ms
        Status: success
        Total Tokens: 12,931

        🔍 Span Breakdown (17 spans):
          cache: count 1, total 3ms, p95 3ms
          call: count 2, total 25394ms, p95 18734ms
          function: count 1, total 201ms, p95 201ms
          generation: count 7, total 16592ms, p95 3762ms
          http: count 1, total 825ms, p95 825ms
          tool: count 4, total 13718ms, p95 6455ms
          validation: count 1, total 50ms, p95 50ms
        By model:
          anthropic/claude-3-5-sonnet: calls 1, tokens 3,415
          openai/gpt-4o-mini: calls 6, tokens 9,516
        Errors:
          ❌ fetch_page: TimeoutError: GET https://www.motortrend.com/cars/tesla/model-s/ did not respond within 5000 ms

        🌳 Execution Flow:
        research_assistant_1731000000 (18734 ms)
          └─ cache_lookup (3 ms)
          └─ plan_research (1845 ms)
          └─ web_search (6455 ms)
            └─ search_api_request (825 ms)
            └─ fetch_page (1311 ms)
              └─ extract_main_content (201 ms)
            └─ fetch_page (5004 ms)
            └─ fetch_page (948 ms)
          └─ summarize_sources (6660 ms)
            └─ summarize_source (3085 ms)
            └─ summarize_source (3762 ms)
            └─ merge_summaries (2859 ms)
          └─ draft_answer (2950 ms)
          └─ self_critique (1407 ms)
          └─ validate_output (50 ms)
          └─ format_citations (684 ms)

        ⚡ Performance Insights:
        LLM Generation Time: 16592ms (88.6% of the trace)
        Average Call Duration: 12697.0ms
        Critical Path: research_assistant_1731000000 → format_citations

        """;
}
