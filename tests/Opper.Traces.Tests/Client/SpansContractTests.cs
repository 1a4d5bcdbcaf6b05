using System;
using System.Net;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>The exact requests of <c>client.Spans</c> and how their responses are read.</summary>
[TestFixture]
public class SpansContractTests
{
    [Test]
    [Operation("create_span_spans_post")]
    public async Task Create_posts_the_span_as_json_and_reads_the_created_span()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "CreateSpanResponse.basic.json");
        var body = new CreateSpanRequest
        {
            Name = "fetch_page",
            StartTime = new DateTimeOffset(2024, 11, 7, 5, 31, 58, TimeSpan.Zero).AddTicks(8235740),
            TraceId = Wire.TraceId,
            ParentId = "3d9cab4f-c6e5-4081-b243-6f5e4d2a1ba4",
            Type = "tool",
            Input = new JObject { ["url"] = "https://en.wikipedia.org/wiki/Tesla_Model_S", ["timeout_ms"] = 5000 },
            Meta = new JObject { ["requested_by"] = "web_search", ["attempt"] = 1 },
        };

        var span = await api.Client.Spans.CreateAsync(body);

        var sent = api.SingleSent();
        sent.AssertRequest("POST", "/v2/spans", hasBody: true);
        JsonAssert.AreEqual(Examples.Text("CreateSpanRequest.basic.json"), sent.Body, "request body");
        Assert.Multiple(() =>
        {
            Assert.That(span.Id, Is.EqualTo(Wire.FetchPageSpanId));
            Assert.That(span.Name, Is.EqualTo("fetch_page"));
            Assert.That(span.TraceId, Is.EqualTo(Wire.TraceId));
            Assert.That(span.StartTime, Is.EqualTo(body.StartTime));
            Assert.That(span.EndTime, Is.Null);
            Assert.That((long?)span.Input!["timeout_ms"], Is.EqualTo(5000));
            Assert.That(span.Output, Is.Null);
            Assert.That((long?)span.Meta!["attempt"], Is.EqualTo(1));
            Assert.That(span.Score, Is.Null);
        });
    }

    [Test]
    [Operation("get_span_spans__span_id__get")]
    public async Task Get_reads_the_span_with_its_feedback()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "GetSpanResponse.with-feedback.json");

        var span = await api.Client.Spans.GetAsync(Wire.RootSpanId);

        api.SingleSent().AssertRequest("GET", "/v2/spans/" + Wire.RootSpanId, hasBody: false);
        Assert.Multiple(() =>
        {
            Assert.That(span.Id, Is.EqualTo(Wire.RootSpanId));
            Assert.That(span.TraceId, Is.EqualTo(Wire.TraceId));
            Assert.That(span.ParentId, Is.Null);
            Assert.That(span.Type, Is.EqualTo("call"));
            Assert.That((string?)span.Input!["context"], Is.EqualTo("I'm researching electric vehicle market adoption"));
            Assert.That(span.Output!.Type, Is.EqualTo(JTokenType.String));
            Assert.That(span.Score, Is.EqualTo(8));
            Assert.That(span.Feedback!.Score, Is.EqualTo(1.0));
            Assert.That(span.Feedback.Comment, Is.EqualTo("Great output, exactly what I needed"));
            Assert.That((string?)span.Meta!["requested_at"], Is.EqualTo("2024-11-07T05:31:56Z"));
        });
    }

    [Test]
    [Operation("update_span_spans__span_id__patch")]
    public async Task Update_patches_only_the_fields_that_were_set()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "UpdateSpanResponse.basic.json");
        var expected = Examples.Json("UpdateSpanRequest.partial.json");
        var body = new UpdateSpanRequest { Output = (string?)expected["output"], Error = null };

        var span = await api.Client.Spans.UpdateAsync(Wire.FetchPageSpanId, body);

        var sent = api.SingleSent();
        sent.AssertRequest("PATCH", "/v2/spans/" + Wire.FetchPageSpanId, hasBody: true);
        JsonAssert.AreEqual(expected, sent.Body, "request body");
        Assert.Multiple(() =>
        {
            Assert.That(span.Id, Is.EqualTo(Wire.FetchPageSpanId));
            Assert.That(span.EndTime, Is.EqualTo(new DateTimeOffset(2024, 11, 7, 5, 32, 0, TimeSpan.Zero).AddTicks(1348480)));
            Assert.That((string?)span.Output, Is.EqualTo(body.Output));
            Assert.That(span.Error, Is.Null);
        });
    }

    [Test]
    [Operation("delete_span_spans__span_id__delete")]
    public async Task Delete_sends_delete_and_accepts_204_without_a_body()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.Spans.DeleteAsync(Wire.FetchPageSpanId);

        api.SingleSent().AssertRequest("DELETE", "/v2/spans/" + Wire.FetchPageSpanId, hasBody: false);
    }

    [Test]
    [Operation("save_to_dataset_spans__span_id__save_examples_post")]
    public async Task SaveExamples_posts_without_a_body_and_reads_the_201()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.Created, "SaveToDatasetResponse.basic.json");

        var saved = await api.Client.Spans.SaveExamplesAsync(Wire.RootSpanId);

        api.SingleSent().AssertRequest("POST", "/v2/spans/" + Wire.RootSpanId + "/save_examples", hasBody: false);
        Assert.Multiple(() =>
        {
            Assert.That(saved.DatasetId, Is.EqualTo("5e8a1c3d-7b9f-4a2e-b6d4-0c1f3e5a7b9d"));
            Assert.That(saved.DatasetEntryId, Is.EqualTo("6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d"));
            Assert.That(saved.Expected, Is.Null);
            Assert.That(saved.Comment, Is.EqualTo("Saved from trace " + Wire.TraceId));
        });
    }

    [Test]
    [Operation("submit_span_feedback_spans__span_id__feedback_post")]
    public async Task SubmitFeedback_posts_the_score_and_reads_the_result()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "SubmitFeedbackResponse.basic.json");
        var body = new SubmitFeedbackRequest { Score = 1.0, Comment = "Great output, exactly what I needed", SaveToDataset = true };

        var result = await api.Client.Spans.SubmitFeedbackAsync(Wire.RootSpanId, body);

        var sent = api.SingleSent();
        sent.AssertRequest("POST", "/v2/spans/" + Wire.RootSpanId + "/feedback", hasBody: true);
        JsonAssert.AreEqual(Examples.Text("SubmitFeedbackRequest.basic.json"), sent.Body, "request body");
        Assert.Multiple(() =>
        {
            Assert.That(result.SpanId, Is.EqualTo(Wire.RootSpanId));
            Assert.That(result.Score, Is.EqualTo(1.0));
            Assert.That(result.ExampleSaved, Is.True);
        });
    }
}
