using System;
using System.Net;
using System.Threading.Tasks;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>An id is always exactly one path segment, whatever it contains.</summary>
[TestFixture]
public class PathEscapingTests
{
    [TestCase("a/b c?d#e%f", "a%2Fb%20c%3Fd%23e%25f")]
    [TestCase("..", "%2E%2E")]
    [TestCase(".", "%2E")]
    [TestCase("../../admin", "..%2F..%2Fadmin")]
    [TestCase("Ünïcödé", "%C3%9Cn%C3%AFc%C3%B6d%C3%A9")]
    [TestCase("a+b&c=d;e", "a%2Bb%26c%3Dd%3Be")]
    public async Task A_trace_id_stays_one_segment(string id, string escaped)
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "GetTraceResponse.research-assistant.json");

        await api.Client.Traces.GetAsync(id);

        var uri = api.SingleSent().Uri;
        Assert.Multiple(() =>
        {
            Assert.That(uri.AbsolutePath, Is.EqualTo("/v2/traces/" + escaped));
            Assert.That(uri.Query, Is.Empty);
            Assert.That(uri.Fragment, Is.Empty);
            Assert.That(uri.Segments, Is.EqualTo(new[] { "/", "v2/", "traces/", escaped }), "segments");
            Assert.That(Uri.UnescapeDataString(uri.Segments[3]), Is.EqualTo(id));
        });
    }

    [Test]
    public async Task Both_ids_of_a_metric_stay_one_segment_each()
    {
        using var api = new MockApi();
        api.ReplyExample(HttpStatusCode.OK, "GetSpanMetricResponse.basic.json");

        await api.Client.SpanMetrics.GetAsync("..", "a/b c?d#e%f");

        Assert.That(api.SingleSent().Uri.AbsolutePath, Is.EqualTo("/v2/spans/%2E%2E/metrics/a%2Fb%20c%3Fd%23e%25f"));
    }

    [Test]
    public async Task A_slash_in_a_span_id_does_not_reach_another_operation()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.Spans.DeleteAsync("x/metrics/y");

        Assert.That(api.SingleSent().Uri.AbsolutePath, Is.EqualTo("/v2/spans/x%2Fmetrics%2Fy"));
    }

    [Test]
    public void An_empty_id_is_an_argument_error_and_nothing_is_sent()
    {
        using var api = new MockApi();

        var ex = Assert.Throws<ArgumentException>(() => api.Client.Traces.GetAsync(string.Empty))!;
        var metric = Assert.Throws<ArgumentException>(() => api.Client.SpanMetrics.GetAsync(Wire.RootSpanId, string.Empty))!;

        Assert.That(ex.ParamName, Is.EqualTo("traceId"));
        Assert.That(metric.ParamName, Is.EqualTo("metricId"));
        Assert.That(api.Sent, Is.Empty);
    }

    [Test]
    public void A_null_id_is_an_argument_null_error()
    {
        using var api = new MockApi();

        var ex = Assert.Throws<ArgumentNullException>(() => api.Client.Spans.GetAsync(null!))!;
        Assert.Throws<ArgumentNullException>(() => api.Client.Functions.CallAsync(null!, new Opper.Models.CallFunctionRequest()));
        Assert.Throws<ArgumentNullException>(() => api.Client.Spans.CreateAsync(null!));

        Assert.That(ex.ParamName, Is.EqualTo("spanId"));
        Assert.That(api.Sent, Is.Empty);
    }
}
