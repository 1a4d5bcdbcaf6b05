// The Get Trace reference page's example, in C#: create a function, call it, find the trace
// through the span, wait for the trace to be indexed and print what it shows.
using Newtonsoft.Json.Linq;
using Opper;
using Opper.Models;

var baseUrl = new Uri(args.Length > 0 ? args[0] : "https://api.opper.ai/v2");
using var opper = new OpperClient(new OpperClientOptions { BaseUrl = baseUrl });

var created = await opper.Functions.CreateAsync(new CreateFunctionRequest
{
    Name = $"research_assistant_{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}",
    Description = "Research assistant that provides detailed analysis",
    Instructions = "You are a research assistant. Provide detailed, well-researched answers with multiple perspectives and cite your reasoning process.",
    Model = "openai/gpt-4o-mini",
});
Console.WriteLine($"Created function: {created.Name}");

var response = await opper.Functions.CallAsync(created.Id, new CallFunctionRequest
{
    Input = new JObject
    {
        ["question"] = "What are the key factors that led to the success of the Tesla Model S?",
        ["context"] = "I'm researching electric vehicle market adoption",
    },
    Tags = new Dictionary<string, string> { ["research_type"] = "automotive", ["complexity"] = "detailed" },
});
Console.WriteLine($"Function call completed. Span ID: {response.SpanId}");

var span = await opper.Spans.GetAsync(response.SpanId);
Console.WriteLine($"Generated trace ID: {span.TraceId}");

// Opper indexes spans a moment after they are written: wait until the trace exists and its
// span count has settled.
var trace = await opper.Traces.WaitForTraceAsync(span.TraceId!, TimeSpan.FromSeconds(30));
var summary = trace.Summarize();
Console.WriteLine($"Trace Analysis: {trace.Name}");
Console.WriteLine($"Duration: {trace.DurationMs}ms");
Console.WriteLine($"Total Tokens: {trace.TotalTokens:N0}");
Console.WriteLine($"Span Breakdown ({summary.SpanCount} spans):");
foreach (var type in summary.ByType)
{
    Console.WriteLine($"  {type.Key.ToUpperInvariant()} spans ({type.Value.Count})");
}

Console.WriteLine("Execution Flow:");
Console.WriteLine(trace.BuildTree().Render());
Console.WriteLine($"LLM Generation Time: {summary.GenerationTimeMs}ms ({summary.GenerationShare:P1})");
Console.WriteLine($"Average Call Duration: {summary.AverageCallDurationMs:F1}ms");
Console.WriteLine($"Critical path: {string.Join(" > ", summary.CriticalPath)}");

try
{
    await opper.Traces.GetAsync("no-such-trace");
}
catch (OpperNotFoundException ex)
{
    Console.WriteLine($"Missing trace: {ex.StatusCode} {ex.ErrorType}");
}
