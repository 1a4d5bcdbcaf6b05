using System;
using System.Net;
using System.Threading.Tasks;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>The exact requests of <c>client.SpanMetrics</c> and how their responses are read.</summary>
[TestFixture]
public class SpanMetricsContractTests
{
    private static readonly DateTimeOffset CreatedAt = new DateTimeOffset(2024, 11, 7, 5, 32, 15, TimeSpan.Zero).AddTicks(6358010);

    [Test]
    [Operation("create_metric_spans__span_id__metrics_post")]
    public async Task Create_posts_the_metric_and_reads_it_back()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "CreateSpanMetricResponse.basic.json");
        var body = new CreateSpanMetricRequest { Dimension = "relevance", Value = 0.92, Comment = "Expert feedback" };

        var metric = await api.Client.SpanMetrics.CreateAsync(Wire.RootSpanId, body);

        var sent = api.SingleSent();
        sent.AssertRequest("POST", "/v2/spans/" + Wire.RootSpanId + "/metrics", hasBody: true);
        JsonAssert.AreEqual(Examples.Text("CreateSpanMetricRequest.basic.json"), sent.Body, "request body");
        Assert.Multiple(() =>
        {
            Assert.That(metric.Id, Is.EqualTo(Wire.MetricId));
            Assert.That(metric.SpanId, Is.EqualTo(Wire.RootSpanId));
            Assert.That(metric.Dimension, Is.EqualTo("relevance"));
            Assert.That(metric.Value, Is.EqualTo(0.92));
            Assert.That(metric.Comment, Is.EqualTo("Expert feedback"));
            Assert.That(metric.CreatedAt, Is.EqualTo(CreatedAt));
        });
    }

    [Test]
    [Operation("list_metrics_spans__span_id__metrics_get")]
    public async Task List_sends_offset_and_limit_and_reads_the_page()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "PaginatedResponse_ListSpanMetricsResponse_.basic.json");

        var page = await api.Client.SpanMetrics.ListAsync(Wire.RootSpanId, offset: 0, limit: 2);

        api.SingleSent().AssertRequest("GET", "/v2/spans/" + Wire.RootSpanId + "/metrics?offset=0&limit=2", hasBody: false);
        Assert.Multiple(() =>
        {
            Assert.That(page.Meta.TotalCount, Is.EqualTo(2));
            Assert.That(page.Data, Has.Count.EqualTo(2));
            Assert.That(page.Data[0].Dimension, Is.EqualTo("relevance"));
            Assert.That(page.Data[1].Dimension, Is.EqualTo("faithfulness"));
            Assert.That(page.Data[1].Value, Is.EqualTo(0.88));
            Assert.That(page.Data[1].Comment, Is.Null);
        });
    }

    [Test]
    [Operation("get_metric_spans__span_id__metrics__metric_id__get")]
    public async Task Get_sends_both_ids_in_the_path()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "GetSpanMetricResponse.basic.json");

        var metric = await api.Client.SpanMetrics.GetAsync(Wire.RootSpanId, Wire.MetricId);

        api.SingleSent().AssertRequest("GET", "/v2/spans/" + Wire.RootSpanId + "/metrics/" + Wire.MetricId, hasBody: false);
        Assert.That(metric.Id, Is.EqualTo(Wire.MetricId));
        Assert.That(metric.Value, Is.EqualTo(0.92));
        Assert.That(metric.CreatedAt, Is.EqualTo(CreatedAt));
    }

    [Test]
    [Operation("update_metric_spans__span_id__metrics__metric_id__patch")]
    public async Task Update_patches_only_value_and_comment()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "UpdateSpanMetricResponse.basic.json");
        var body = new UpdateSpanMetricRequest { Value = 0.94, Comment = "Expert feedback, re-scored after checking the sources" };

        var metric = await api.Client.SpanMetrics.UpdateAsync(Wire.RootSpanId, Wire.MetricId, body);

        var sent = api.SingleSent();
        sent.AssertRequest("PATCH", "/v2/spans/" + Wire.RootSpanId + "/metrics/" + Wire.MetricId, hasBody: true);
        JsonAssert.AreEqual(Examples.Text("UpdateSpanMetricRequest.partial.json"), sent.Body, "request body");
        Assert.That(metric.Value, Is.EqualTo(0.94));
        Assert.That(metric.Comment, Is.EqualTo(body.Comment));
        Assert.That(metric.Dimension, Is.EqualTo("relevance"));
    }

    [Test]
    [Operation("delete_metric_spans__span_id__metrics__metric_id__delete")]
    public async Task Delete_sends_delete_and_accepts_204()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.SpanMetrics.DeleteAsync(Wire.RootSpanId, Wire.MetricId);

        api.SingleSent().AssertRequest("DELETE", "/v2/spans/" + Wire.RootSpanId + "/metrics/" + Wire.MetricId, hasBody: false);
    }
}
