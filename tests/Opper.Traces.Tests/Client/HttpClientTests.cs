using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Opper.Traces.Tests.Client.Support;
using RichardSzalay.MockHttp;

namespace Opper.Traces.Tests.Client;

/// <summary>Bring-your-own HttpClient: BaseUrl wins, ownership is respected, and one client serves many threads.</summary>
[TestFixture]
public class HttpClientTests
{
    [Test]
    public async Task The_base_url_is_used_and_the_http_clients_base_address_ignored()
    {
        using var api = new MockApi();
        api.Http.BaseAddress = new Uri("https://wrong.example.com/elsewhere/");
        api.ReplyExample(HttpStatusCode.OK, "GetTraceResponse.research-assistant.json");

        await api.Client.Traces.GetAsync(Wire.TraceId);

        Assert.That(api.SingleSent().Uri.AbsoluteUri, Is.EqualTo("https://api.opper.ai/v2/traces/" + Wire.TraceId));
    }

    [TestCase("https://gateway.internal.example/opper/v2/")]
    [TestCase("https://gateway.internal.example/opper/v2")]
    public async Task Spec_paths_are_appended_to_the_base_url_path(string baseUrl)
    {
        using var api = new MockApi(o => o.BaseUrl = new Uri(baseUrl));
        api.ReplyExample(HttpStatusCode.OK, "PaginatedResponse_ListTracesResponse_.page-1.json");

        await api.Client.Traces.ListAsync(limit: 1);

        Assert.That(api.SingleSent().Uri.AbsoluteUri, Is.EqualTo("https://gateway.internal.example/opper/v2/traces?limit=1"));
    }

    [Test]
    public async Task The_default_base_url_is_opper_v2()
    {
        Assert.That(new OpperClientOptions().BaseUrl, Is.EqualTo(new Uri("https://api.opper.ai/v2")));

        using var handler = new MockHttpMessageHandler();
        handler.Expect(HttpMethod.Delete, "https://api.opper.ai/v2/spans/" + Wire.RootSpanId).Respond(HttpStatusCode.NoContent);
        using var http = handler.ToHttpClient();
        using var client = new OpperClient(http, new OpperClientOptions { ApiKey = "k" });

        await client.Spans.DeleteAsync(Wire.RootSpanId);

        handler.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task A_user_agent_suffix_is_appended()
    {
        using var api = new MockApi(o => o.UserAgentSuffix = "my-app/1.2");
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.Spans.DeleteAsync(Wire.RootSpanId);

        api.SingleSent().AssertRequest("DELETE", "/v2/spans/" + Wire.RootSpanId, hasBody: false, userAgent: Wire.UserAgent + " my-app/1.2");
        Assert.That(Wire.Version, Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [Test]
    public async Task Default_headers_are_sent_but_cannot_replace_the_clients_own()
    {
        using var api = new MockApi(o =>
        {
            o.DefaultHeaders["X-Team"] = "observability";
            o.DefaultHeaders["Authorization"] = "Bearer someone-else";
            o.DefaultHeaders["Accept"] = "text/plain";
        });
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.Spans.DeleteAsync(Wire.RootSpanId);

        var sent = api.SingleSent();
        Assert.That(sent.Header("X-Team"), Is.EqualTo("observability"));
        sent.AssertRequest("DELETE", "/v2/spans/" + Wire.RootSpanId, hasBody: false);
    }

    [Test]
    public async Task A_supplied_http_client_is_not_disposed()
    {
        using var handler = new MockHttpMessageHandler();
        handler.When("*").Respond(HttpStatusCode.NoContent);
        using var http = handler.ToHttpClient();

        using (var client = new OpperClient(http, new OpperClientOptions { ApiKey = "k" }))
        {
            await client.Spans.DeleteAsync(Wire.RootSpanId);
        }

        using var response = await http.GetAsync("https://api.opper.ai/v2/still-usable");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public void A_disposed_client_refuses_calls()
    {
        using var api = new MockApi();
        api.Client.Dispose();

        Assert.ThrowsAsync<ObjectDisposedException>(() => api.Client.Traces.GetAsync(Wire.TraceId));
        Assert.That(api.Sent, Is.Empty);
    }

    [Test]
    public void A_client_disposes_the_http_client_it_created()
    {
        var client = new OpperClient(new OpperClientOptions { ApiKey = "k" });
        var pipeline = typeof(OpperClient).GetField("_pipeline", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(client)!;
        var http = (HttpClient)pipeline.GetType().GetField("_http", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(pipeline)!;

        client.Dispose();

        Assert.ThrowsAsync<ObjectDisposedException>(() => http.GetAsync("https://api.opper.ai/v2/traces"));
    }

    [Test]
    public async Task One_client_serves_many_concurrent_calls()
    {
        using var api = new MockApi();
        var trace = Examples.Text("GetTraceResponse.research-assistant.json");
        var span = Examples.Text("GetSpanResponse.with-feedback.json");
        var metrics = Examples.Text("PaginatedResponse_ListSpanMetricsResponse_.basic.json");
        api.ReplyAlways(sent => sent.Uri.AbsolutePath switch
        {
            var p when p.StartsWith("/v2/traces/", StringComparison.Ordinal) => MockApi.Response(HttpStatusCode.OK, trace, "application/json", ("x-request-id", p)),
            var p when p.EndsWith("/metrics", StringComparison.Ordinal) => MockApi.Response(HttpStatusCode.OK, metrics),
            _ => MockApi.Response(HttpStatusCode.OK, span),
        });

        var calls = Enumerable.Range(0, 300).Select(i => (i % 3) switch
        {
            0 => Task.Run(async () => (await api.Client.Traces.GetAsync("trace-" + i)).Spans!.Count),
            1 => Task.Run(async () => (await api.Client.Spans.GetAsync("span-" + i)).Id.Length),
            _ => Task.Run(async () => (await api.Client.SpanMetrics.ListAsync("span-" + i)).Data.Count),
        }).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.That(results.Where((_, i) => i % 3 == 0), Has.All.EqualTo(17));
        Assert.That(results.Where((_, i) => i % 3 == 1), Has.All.EqualTo(Wire.RootSpanId.Length));
        Assert.That(results.Where((_, i) => i % 3 == 2), Has.All.EqualTo(2));
        Assert.That(api.Sent, Has.Count.EqualTo(300));
        Assert.That(api.Sent.Select(s => s.Uri.AbsolutePath).Distinct().Count(), Is.EqualTo(300), "every call sent its own id");
        Assert.That(api.Sent.Select(s => s.Header("Authorization")).Distinct(), Is.EqualTo(new[] { "Bearer " + MockApi.ApiKey }));
    }
}
