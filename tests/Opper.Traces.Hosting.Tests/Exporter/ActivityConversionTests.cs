using System;
using System.Diagnostics;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Models;
using Opper.OpenTelemetry.Implementation;

namespace Opper.Traces.Hosting.Tests.Exporter;

/// <summary>Every mapping rule from an Activity to a span, on Activities built by hand.</summary>
public sealed class ActivityConversionTests
{
    private static readonly ActivityTraceId TraceId = ActivityTraceId.CreateFromString("0af7651916cd43dd8448eb211c80319c".AsSpan());
    private static readonly ActivitySpanId ParentId = ActivitySpanId.CreateFromString("b7ad6b7169203331".AsSpan());

    [Test]
    public void Trace_id_is_the_TraceId_as_a_uuid_and_span_ids_join_the_SpanId_to_the_TraceId()
    {
        using var activity = Ended("work", a => a.SetParentId(TraceId, ParentId, ActivityTraceFlags.Recorded));

        var span = activity.ToOpperSpan(100);

        Assert.That(span.TraceId, Is.EqualTo("0af76519-16cd-43dd-8448-eb211c80319c"));
        var spanHex = activity.SpanId.ToHexString();
        Assert.That(span.Id, Is.EqualTo($"{spanHex[..8]}-{spanHex[8..12]}-{spanHex[12..16]}-0af7-651916cd43dd"));
        Assert.That(span.ParentId, Is.EqualTo("b7ad6b71-6920-3331-0af7-651916cd43dd"));
        Assert.That(Guid.TryParse(span.Id, out _), Is.True);
    }

    [Test]
    public void A_root_activity_has_no_parent_id()
    {
        using var activity = Ended("root");

        var span = activity.ToOpperSpan(100);

        Assert.That(span.ParentId, Is.Null);
        Assert.That(span.IsSet("parent_id"), Is.False);
    }

    [Test]
    public void Name_is_the_display_name_and_times_are_the_activity_s_in_utc()
    {
        using var activity = Ended("operation", a => a.DisplayName = "shown name");

        var span = activity.ToOpperSpan(100);

        Assert.That(span.Name, Is.EqualTo("shown name"));
        Assert.That(span.StartTime!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(span.StartTime.Value.UtcDateTime, Is.EqualTo(activity.StartTimeUtc));
        Assert.That(span.EndTime!.Value - span.StartTime.Value, Is.EqualTo(activity.Duration));
    }

    [TestCase("chat", "generation")]
    [TestCase("text_completion", "generation")]
    [TestCase("generate_content", "generation")]
    [TestCase("embeddings", "embeddings")]
    [TestCase("execute_tool", "execute_tool")]
    public void Type_follows_the_GenAI_operation(string operation, string expected)
    {
        using var activity = Ended("op", a => a.SetTag("gen_ai.operation.name", operation));

        Assert.That(activity.ToOpperSpan(100).Type, Is.EqualTo(expected));
    }

    [Test]
    public void Type_tag_wins_over_the_operation_and_no_tag_means_no_type()
    {
        using var typed = Ended("op", a => a.SetTag("gen_ai.operation.name", "chat").SetTag("opper.span.type", "email_tool"));
        using var plain = Ended("op", a => a.SetTag("http.method", "GET"));

        Assert.That(typed.ToOpperSpan(100).Type, Is.EqualTo("email_tool"));
        Assert.That(plain.ToOpperSpan(100).Type, Is.Null);
        Assert.That(plain.ToOpperSpan(100).IsSet("type"), Is.False);
    }

    [Test]
    public void Error_is_the_status_description_else_the_exception_event_else_Error()
    {
        using var described = Ended("op", a => a.SetStatus(ActivityStatusCode.Error, "the model refused"));
        using var thrown = Ended("op", a => a.SetStatus(ActivityStatusCode.Error).AddException(new InvalidOperationException("bad state")));
        using var bare = Ended("op", a => a.SetStatus(ActivityStatusCode.Error));
        using var fine = Ended("op", a => a.SetStatus(ActivityStatusCode.Ok, "ignored"));

        Assert.That(described.ToOpperSpan(100).Error, Is.EqualTo("the model refused"));
        Assert.That(thrown.ToOpperSpan(100).Error, Is.EqualTo("System.InvalidOperationException: bad state"));
        Assert.That(bare.ToOpperSpan(100).Error, Is.EqualTo("Error"));
        Assert.That(fine.ToOpperSpan(100).Error, Is.Null);
    }

    [Test]
    public void The_status_as_tags_counts_too_and_does_not_reach_meta()
    {
        using var activity = Ended("op", a => a.SetTag("otel.status_code", "ERROR").SetTag("otel.status_description", "timed out"));

        var span = activity.ToOpperSpan(100);

        Assert.That(span.Error, Is.EqualTo("timed out"));
        Assert.That(span.Meta, Is.Null);
    }

    [Test]
    public void Opper_input_and_output_tags_become_input_and_output_with_their_JSON_types()
    {
        using var activity = Ended("op", a => a
            .SetTag("opper.input", "What is 2 + 2?")
            .SetTag("opper.output", new[] { 4, 5 }));

        var span = activity.ToOpperSpan(100);

        Assert.That(span.Input!.Type, Is.EqualTo(JTokenType.String));
        Assert.That((string?)span.Input, Is.EqualTo("What is 2 + 2?"));
        Assert.That(span.Output!.ToString(Formatting.None), Is.EqualTo("[4,5]"));
        Assert.That(span.Meta, Is.Null, "the opper.* tags are fields, not meta");
    }

    [Test]
    public void GenAI_messages_become_input_and_output_as_their_JSON_text()
    {
        const string input = """[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]""";
        const string output = """[{"role":"assistant","parts":[{"type":"text","content":"Hello"}],"finish_reason":"stop"}]""";
        using var activity = Ended("chat m", a => a.SetTag("gen_ai.input.messages", input).SetTag("gen_ai.output.messages", output).SetTag("gen_ai.request.model", "m"));

        var span = activity.ToOpperSpan(10_000);

        Assert.That((string?)span.Input, Is.EqualTo(input));
        Assert.That((string?)span.Output, Is.EqualTo(output));
        Assert.That(span.Meta!.Properties().Select(p => p.Name), Is.EqualTo(new[] { "gen_ai.request.model" }));
    }

    [Test]
    public void System_instructions_come_first_as_a_system_message()
    {
        using var activity = Ended("chat", a => a
            .SetTag("gen_ai.system_instructions", """[{"type":"text","content":"Be brief."}]""")
            .SetTag("gen_ai.input.messages", """[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]"""));

        var input = (string?)activity.ToOpperSpan(10_000).Input;

        Assert.That(input, Is.EqualTo("""[{"role":"system","parts":[{"type":"text","content":"Be brief."}]},{"role":"user","parts":[{"type":"text","content":"Hi"}]}]"""));
    }

    [Test]
    public void Explicit_input_wins_and_the_content_attributes_stay_in_meta_cut()
    {
        var longMessages = "[" + new string('x', 50) + "]";
        using var activity = Ended("chat", a => a
            .SetTag("opper.input", "question")
            .SetTag("gen_ai.input.messages", longMessages));

        var span = activity.ToOpperSpan(20);

        Assert.That((string?)span.Input, Is.EqualTo("question"));
        Assert.That((string?)span.Meta!["gen_ai.input.messages"], Does.StartWith(longMessages[..20] + ContentText.MarkerStart));
    }

    [Test]
    public void Long_content_is_cut_at_the_limit_with_a_visible_marker()
    {
        var text = new string('a', 40);
        using var activity = Ended("op", a => a.SetTag("opper.input", text).SetTag("gen_ai.output.messages", text));

        var span = activity.ToOpperSpan(25);

        Assert.That((string?)span.Input, Is.EqualTo(new string('a', 25) + "…[truncated by Opper exporter: 25 of 40 characters kept]"));
        Assert.That((string?)span.Output, Is.EqualTo((string?)span.Input));
    }

    [Test]
    public void Content_at_the_limit_is_kept_whole_and_a_cut_never_splits_a_surrogate_pair()
    {
        Assert.That(ContentText.Cut("abcde", 5), Is.EqualTo("abcde"));
        var cut = ContentText.Cut("ab😀cd", 3);
        Assert.That(cut, Does.StartWith("ab" + ContentText.MarkerStart));
        Assert.That(cut, Does.Contain("2 of 6 characters kept"));
    }

    [Test]
    public void Meta_holds_every_other_tag_with_JSON_types_kept()
    {
        using var activity = Ended("chat", a => a
            .SetTag("gen_ai.operation.name", "chat")
            .SetTag("gen_ai.usage.input_tokens", 12)
            .SetTag("gen_ai.usage.output_tokens", 30L)
            .SetTag("gen_ai.request.temperature", 0.5)
            .SetTag("gen_ai.request.stream", true)
            .SetTag("gen_ai.response.finish_reasons", new[] { "stop" })
            .SetTag("weird", double.NaN)
            .SetTag("opper.span.type", "llm"));

        var span = activity.ToOpperSpan(100);
        var json = JObject.Parse(JsonConvert.SerializeObject(span));
        var meta = (JObject)json["meta"]!;

        Assert.That(meta.Properties().Select(p => p.Name), Is.EqualTo(new[]
        {
            "gen_ai.operation.name", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.request.temperature",
            "gen_ai.request.stream", "gen_ai.response.finish_reasons", "weird",
        }));
        Assert.That(meta["gen_ai.usage.input_tokens"]!.Type, Is.EqualTo(JTokenType.Integer));
        Assert.That((long)meta["gen_ai.usage.output_tokens"]!, Is.EqualTo(30));
        Assert.That(meta["gen_ai.request.temperature"]!.Type, Is.EqualTo(JTokenType.Float));
        Assert.That(meta["gen_ai.request.stream"]!.Type, Is.EqualTo(JTokenType.Boolean));
        Assert.That(meta["gen_ai.response.finish_reasons"]!.ToString(Formatting.None), Is.EqualTo("[\"stop\"]"));
        Assert.That((string?)meta["weird"], Is.EqualTo("NaN"));
        Assert.That((string?)json["type"], Is.EqualTo("llm"));
    }

    [Test]
    public void An_activity_without_tags_sends_no_meta_input_output_or_type()
    {
        using var activity = Ended("bare");

        var json = JObject.Parse(JsonConvert.SerializeObject(activity.ToOpperSpan(100)));

        Assert.That(json.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "name", "id", "trace_id", "start_time", "end_time" }));
    }

    private static Activity Ended(string name, Action<Activity>? configure = null)
    {
        var activity = new Activity(name);
        activity.SetIdFormat(ActivityIdFormat.W3C);
        configure?.Invoke(activity);
        activity.Start();
        activity.Stop();
        return activity;
    }
}
