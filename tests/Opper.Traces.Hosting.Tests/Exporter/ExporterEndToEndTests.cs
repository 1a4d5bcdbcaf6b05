using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Newtonsoft.Json.Linq;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Opper.Traces.Hosting.Tests.Exporter;

/// <summary>
/// The real OpenTelemetry SDK and Microsoft.Extensions.AI's telemetry produce Activities; the
/// exporter sends them to the fake Opper API; the SDK's own client reads the trace back.
/// </summary>
[NonParallelizable]
public sealed class ExporterEndToEndTests
{
    private const string Model = "gpt-test-1";

    [Test]
    public async Task Activities_and_an_instrumented_chat_client_become_one_Opper_trace_that_summarises_by_model()
    {
        var recorded = new List<Activity>();
        await using var harness = await ExporterHarness.StartAsync(provider: builder => builder.AddInMemoryExporter(recorded));
        using var chat = new ChatClientBuilder(new ScriptedChatClient())
            .UseOpenTelemetry(sourceName: harness.Source.Name, configure: telemetry => telemetry.EnableSensitiveData = true)
            .Build();

        string traceHex;
        using (var root = harness.Source.StartActivity("answer question")!)
        {
            traceHex = root.TraceId.ToHexString();
            root.SetTag("opper.input", "What is 2 + 2?");
            using (var lookup = harness.Source.StartActivity("look up facts"))
            {
                lookup!.SetTag("opper.span.type", "tool");
                lookup.SetTag("facts.count", 3);
            }

            var first = await chat.GetResponseAsync(
                [new ChatMessage(ChatRole.User, "What is 2 + 2?")],
                new ChatOptions { ModelId = Model, Instructions = "Answer with a number." });
            var second = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "And 3 + 3?")], new ChatOptions { ModelId = Model });
            root.SetTag("opper.output", first.Text + ", " + second.Text);
        }

        Assert.That(harness.Provider.ForceFlush(10_000), Is.True);
        using var client = new OpperClient(new OpperClientOptions { ApiKey = ExporterHarness.ApiKey, BaseUrl = harness.Api.BaseUrl });
        var trace = await client.Traces.GetAsync(Uuid(traceHex));

        // The tree is the Activities' parent links.
        Assert.That(recorded, Has.Count.EqualTo(4));
        var tree = trace.BuildTree();
        Assert.That(tree.Roots, Has.Count.EqualTo(1));
        Assert.That(tree.Orphans, Is.Empty);
        foreach (var activity in recorded)
        {
            var node = tree.Find(SpanId(activity.SpanId.ToHexString(), traceHex));
            Assert.That(node, Is.Not.Null, activity.DisplayName);
            var expectedParent = recorded.SingleOrDefault(a => a.SpanId == activity.ParentSpanId);
            Assert.That(node!.Parent?.Span.Name, Is.EqualTo(expectedParent?.DisplayName), activity.DisplayName);
            Assert.That(node.Span.Name, Is.EqualTo(activity.DisplayName));
        }

        // The chat spans are generations with their model and tokens in meta, input and output as JSON text.
        var generations = trace.Spans!.Where(s => s.Type == "generation").ToList();
        Assert.That(generations, Has.Count.EqualTo(2));
        Assert.That(generations.Select(s => (string?)s.Meta!["gen_ai.response.model"]), Is.All.EqualTo(Model));
        Assert.That(generations.Select(s => s.Meta!["gen_ai.usage.input_tokens"]!.Type), Is.All.EqualTo(JTokenType.Integer));
        var instructed = generations.Single(s => Input(s).Contains("Answer with a number", StringComparison.Ordinal));
        var messages = JArray.Parse(Input(instructed));
        Assert.That(messages.Select(m => (string?)m["role"]), Is.EqualTo(new[] { "system", "user" }));
        Assert.That(JArray.Parse(Output(instructed))[0]!["parts"]![0]!["content"]!.ToString(), Is.EqualTo("4"));
        Assert.That(Input(trace.Spans!.Single(s => s.Name == "answer question")), Is.EqualTo("What is 2 + 2?"));
        Assert.That(trace.Spans!.Single(s => s.Name == "look up facts").Type, Is.EqualTo("tool"));

        // Model and tokens found only in meta count in the summary.
        var summary = trace.Summarize();
        Assert.That(summary.ByModel.Keys, Is.EqualTo(new[] { Model }));
        Assert.That(summary.ByModel[Model].Calls, Is.EqualTo(2));
        Assert.That(summary.ByModel[Model].TotalTokens, Is.EqualTo(2 * (12 + 30)));
    }

    [Test]
    public async Task The_exporter_s_own_HTTP_calls_are_not_traced()
    {
        // The provider listens to HttpClient's own ActivitySource: a traced export would feed itself.
        var recorded = new List<Activity>();
        await using var harness = await ExporterHarness.StartAsync(provider: builder => builder.AddSource("System.Net.Http").AddInMemoryExporter(recorded));

        harness.Run(5);
        Assert.That(harness.Provider.ForceFlush(10_000), Is.True);
        Assert.That(harness.Provider.ForceFlush(10_000), Is.True);

        Assert.That(harness.Api.Requests.Count(r => r.Method == "POST"), Is.EqualTo(5));
        Assert.That(recorded.Select(a => a.Source.Name), Is.All.EqualTo(harness.Source.Name));
        Assert.That(harness.Api.Spans.Select(s => (string?)s["name"]), Is.All.EqualTo("work"));
    }

    [Test]
    public async Task Exporting_the_same_span_again_is_answered_409_and_still_counts_as_sent()
    {
        await using var api = await Opper.FakeApi.FakeOpperApi.StartAsync(new Opper.FakeApi.FakeOpperApiOptions { ApiKey = ExporterHarness.ApiKey });
        using var source = new ActivitySource("Opper.Tests." + Guid.NewGuid().ToString("N"));
        using var exporter = new Opper.OpenTelemetry.OpperExporter(new Opper.OpenTelemetry.OpperExporterOptions { ApiKey = ExporterHarness.ApiKey, BaseUrl = api.BaseUrl });
        var recorded = new List<Activity>();
        using (var provider = Sdk.CreateTracerProviderBuilder().AddSource(source.Name).AddInMemoryExporter(recorded).Build())
        {
            source.StartActivity("once")!.Dispose();
        }

        var first = exporter.Export(new Batch<Activity>(recorded.ToArray(), recorded.Count));
        var again = exporter.Export(new Batch<Activity>(recorded.ToArray(), recorded.Count));

        Assert.That(first, Is.EqualTo(ExportResult.Success));
        Assert.That(again, Is.EqualTo(ExportResult.Success));
        Assert.That(api.Requests.Select(r => r.Method), Is.EqualTo(new[] { "POST", "POST" }));
        Assert.That(api.Spans, Has.Count.EqualTo(1));
        Assert.That(exporter.SentSpanCount, Is.EqualTo(2));
        Assert.That(exporter.LostSpanCount, Is.Zero);
    }

    private static string Input(Opper.Models.SpanSchema span) => span.Data?.Input ?? string.Empty;

    private static string Output(Opper.Models.SpanSchema span) => span.Data?.Output ?? string.Empty;

    private static string Uuid(string hex) => $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";

    private static string SpanId(string spanHex, string traceHex) => Uuid(spanHex + traceHex[..16]);

    /// <summary>A chat model that always answers the same, with usage and a model id, as a provider's client does.</summary>
    private sealed class ScriptedChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, messages.Last().Text.Contains('3', StringComparison.Ordinal) ? "6" : "4"))
            {
                ModelId = Model,
                FinishReason = ChatFinishReason.Stop,
                Usage = new UsageDetails { InputTokenCount = 12, OutputTokenCount = 30, TotalTokenCount = 42 },
            });

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var response = await GetResponseAsync(messages, options, cancellationToken);
            foreach (var update in response.ToChatResponseUpdates())
            {
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("test-provider", new Uri("http://127.0.0.1/"), Model) : null;

        public void Dispose()
        {
        }
    }
}
