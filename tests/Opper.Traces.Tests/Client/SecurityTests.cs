using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>Where the API key is sent, where it comes from, and that it never shows up in errors or ToString().</summary>
[TestFixture]
[NonParallelizable] // the key tests change process environment variables
public class SecurityTests
{
    private const string Key = MockApi.ApiKey;

    // ------------------------------------------------------------ transport

    [Test]
    public void A_plain_http_base_url_is_refused_with_a_clear_error()
    {
        using var api = new MockApi(o => o.BaseUrl = new Uri("http://example.com/v2"));

        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.Message, Does.Contain("https").And.Contain("example.com").And.Contain("AllowInsecureHttp"));
        Assert.That(ex.Message, Does.Not.Contain(Key));
        Assert.That(api.Sent, Is.Empty, "the key never left the process");
    }

    [Test]
    public async Task Plain_http_is_allowed_when_the_caller_opts_in()
    {
        using var api = new MockApi(o =>
        {
            o.BaseUrl = new Uri("http://example.com/v2");
            o.AllowInsecureHttp = true;
        });
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.Spans.DeleteAsync(Wire.RootSpanId);

        Assert.That(api.SingleSent().Uri.AbsoluteUri, Is.EqualTo("http://example.com/v2/spans/" + Wire.RootSpanId));
        Assert.That(api.SingleSent().Header("Authorization"), Is.EqualTo("Bearer " + Key));
    }

    [TestCase("http://localhost:8080/v2")]
    [TestCase("http://127.0.0.1:5000/v2")]
    [TestCase("http://[::1]/v2")]
    public async Task Plain_http_to_loopback_is_allowed(string baseUrl)
    {
        using var api = new MockApi(o => o.BaseUrl = new Uri(baseUrl));
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.Spans.DeleteAsync(Wire.RootSpanId);

        Assert.That(api.SingleSent().Uri.AbsoluteUri, Is.EqualTo(baseUrl + "/spans/" + Wire.RootSpanId));
        Assert.That(api.SingleSent().Header("Authorization"), Is.EqualTo("Bearer " + Key));
    }

    [Test]
    public async Task A_key_that_already_has_the_bearer_scheme_is_not_prefixed_twice()
    {
        using var api = new MockApi(o => o.ApiKey = "bearer " + Key);
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.Spans.DeleteAsync(Wire.RootSpanId);

        Assert.That(api.SingleSent().Header("Authorization"), Is.EqualTo("bearer " + Key));
    }

    [Test]
    public async Task A_redirect_to_another_origin_does_not_carry_the_key()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.TemporaryRedirect, null, "application/json", ("Location", "https://mirror.example.net/v2/spans/" + Wire.RootSpanId));
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.Spans.DeleteAsync(Wire.RootSpanId);

        var sent = api.Sent;
        Assert.That(sent, Has.Count.EqualTo(2));
        Assert.That(sent[0].Header("Authorization"), Is.EqualTo("Bearer " + Key));
        Assert.That(sent[1].Uri.Host, Is.EqualTo("mirror.example.net"));
        Assert.That(sent[1].Header("Authorization"), Is.Null);
    }

    [Test]
    public async Task A_redirect_within_the_origin_keeps_the_key()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.PermanentRedirect, null, "application/json", ("Location", "/v2/spans/moved"));
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.Spans.DeleteAsync(Wire.RootSpanId);

        Assert.That(api.Sent[1].Uri.AbsoluteUri, Is.EqualTo("https://api.opper.ai/v2/spans/moved"));
        Assert.That(api.Sent[1].Header("Authorization"), Is.EqualTo("Bearer " + Key));
    }

    [Test]
    public void A_redirect_from_https_to_http_is_not_followed()
    {
        using var api = new MockApi(o => o.MaxRetries = 0);
        api.Reply(HttpStatusCode.Found, null, "application/json", ("Location", "http://api.opper.ai/v2/traces/" + Wire.TraceId));

        var ex = Assert.ThrowsAsync<System.Net.Http.HttpRequestException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.Message, Does.Contain("redirected from https to http"));
        Assert.That(api.Sent, Has.Count.EqualTo(1));
    }

    // ------------------------------------------------------------ where the key comes from

    private static readonly string[] KeyVariables = { "OPPER_API_KEY", "OPPER_HTTP_BEARER" };

    private Dictionary<string, string?> _savedEnvironment = new();

    [SetUp]
    public void SaveEnvironment()
    {
        _savedEnvironment = KeyVariables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        foreach (var variable in KeyVariables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [TearDown]
    public void RestoreEnvironment()
    {
        foreach (var (variable, value) in _savedEnvironment)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
    }

    [Test]
    public void The_environment_variables_are_named_in_order()
    {
        Assert.That(OpperClientOptions.ApiKeyEnvironmentVariables, Is.EqualTo(KeyVariables));
    }

    [Test]
    public void A_missing_key_is_reported_at_the_first_call_not_at_construction()
    {
        MockApi? api = null;
        Assert.DoesNotThrow(() => api = new MockApi(o => o.ApiKey = null));
        using var _ = api;

        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => api!.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.Message, Does.Contain("ApiKey").And.Contain("OPPER_API_KEY").And.Contain("OPPER_HTTP_BEARER"));
        Assert.That(api!.Sent, Is.Empty);
    }

    [TestCase("OPPER_API_KEY")]
    [TestCase("OPPER_HTTP_BEARER")]
    public async Task The_key_is_read_from_the_environment(string variable)
    {
        Environment.SetEnvironmentVariable(variable, "from-" + variable);
        using var api = new MockApi(o => o.ApiKey = null);
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.Spans.DeleteAsync(Wire.RootSpanId);

        Assert.That(api.SingleSent().Header("Authorization"), Is.EqualTo("Bearer from-" + variable));
    }

    [Test]
    public async Task Opper_api_key_wins_over_opper_http_bearer()
    {
        Environment.SetEnvironmentVariable("OPPER_API_KEY", "first");
        Environment.SetEnvironmentVariable("OPPER_HTTP_BEARER", "second");
        using var api = new MockApi(o => o.ApiKey = null);
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.Spans.DeleteAsync(Wire.RootSpanId);

        Assert.That(api.SingleSent().Header("Authorization"), Is.EqualTo("Bearer first"));
    }

    [Test]
    public async Task The_option_wins_over_the_environment()
    {
        Environment.SetEnvironmentVariable("OPPER_API_KEY", "from-environment");
        using var api = new MockApi();
        api.Reply(HttpStatusCode.NoContent);

        await api.Client.Spans.DeleteAsync(Wire.RootSpanId);

        Assert.That(api.SingleSent().Header("Authorization"), Is.EqualTo("Bearer " + Key));
    }

    [Test]
    public void The_options_are_copied_when_the_client_is_built()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.NoContent);

        api.Options.ApiKey = "changed-later";
        api.Options.BaseUrl = new Uri("http://example.com");

        Assert.DoesNotThrowAsync(() => api.Client.Spans.DeleteAsync(Wire.RootSpanId));
        Assert.That(api.SingleSent().Header("Authorization"), Is.EqualTo("Bearer " + Key));
        Assert.That(api.SingleSent().Uri.Host, Is.EqualTo("api.opper.ai"));
    }

    // ------------------------------------------------------------ redaction

    /// <summary>Everything an exception shows: message, ToString, data, inner exceptions and the API fields.</summary>
    private static IEnumerable<string> Everything(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            yield return e.Message;
            yield return e.ToString();
            foreach (DictionaryEntry entry in e.Data)
            {
                yield return entry.Key + "=" + entry.Value;
            }

            if (e is OpperApiException api)
            {
                yield return api.ResponseBody;
                yield return api.Detail?.ToString() ?? string.Empty;
                yield return api.ErrorMessage ?? string.Empty;
                yield return api.ErrorType ?? string.Empty;
                yield return api.RequestId ?? string.Empty;
                yield return Newtonsoft.Json.JsonConvert.SerializeObject(api.Error);
                yield return string.Join("\n", api.Headers.Select(h => h.Key + ": " + string.Join(", ", h.Value)));
            }

            if (e is OpperSerializationException serialization)
            {
                yield return serialization.Path;
            }
        }
    }

    private static void AssertNoKey(Exception ex, string key = Key)
    {
        var leaks = Everything(ex).Where(text => text.Contains(key, StringComparison.Ordinal)).ToList();
        Assert.That(leaks, Is.Empty, "the API key leaked into the exception");
    }

    [Test]
    public void An_error_body_that_echoes_the_key_is_redacted_everywhere()
    {
        using var api = new MockApi();
        var body = new JObject
        {
            ["type"] = "UnauthorizedError " + Key,
            ["message"] = "Invalid API key: " + Key,
            ["detail"] = new JObject { ["received"] = "Bearer " + Key, ["nested"] = new JArray("x", Key) },
        }.ToString();
        api.Reply(HttpStatusCode.Unauthorized, body, "application/json", ("x-request-id", "req-" + Key), ("x-echo-authorization", "Bearer " + Key));

        var ex = Assert.ThrowsAsync<OpperUnauthorizedException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        AssertNoKey(ex);
        Assert.That(ex.ErrorMessage, Does.StartWith("Invalid API key: "), "the rest of the message is kept");
        Assert.That(ex.Message, Does.Contain("401"));
    }

    [Test]
    public void A_key_escaped_in_the_json_body_is_redacted_too()
    {
        const string slashKey = "opper/test+key/Zq7W2xLm9Rt4";
        using var api = new MockApi(o => o.ApiKey = slashKey);
        api.Reply(HttpStatusCode.BadRequest, """{"type":"BadRequestError","message":"bad key opper\/test+key\/Zq7W2xLm9Rt4","detail":"opper\u002ftest+key\u002fZq7W2xLm9Rt4"}""");

        var ex = Assert.ThrowsAsync<OpperBadRequestException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        AssertNoKey(ex, slashKey);
    }

    [Test]
    public void A_non_json_error_page_that_echoes_the_key_is_redacted()
    {
        using var api = new MockApi(o => o.MaxRetries = 0);
        api.Reply(HttpStatusCode.BadGateway, "<html><body><p>Authorization: Bearer " + Key + "</p></body></html>", "text/html");

        var ex = Assert.ThrowsAsync<OpperServerException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        AssertNoKey(ex);
        Assert.That(ex.Message, Does.Contain("Authorization: Bearer"));
    }

    [Test]
    public void A_success_body_that_echoes_the_key_in_a_bad_value_is_redacted()
    {
        using var api = new MockApi();
        var trace = (JObject)Examples.Json("GetTraceResponse.research-assistant.json");
        trace["spans"]![1]!["duration_ms"] = "Bearer " + Key + " " + new string('x', 80);
        trace["spans"]![2]!["duration_ms"] = Key;
        api.Reply(HttpStatusCode.OK, trace.ToString());

        var ex = Assert.ThrowsAsync<OpperSerializationException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        AssertNoKey(ex);
        Assert.That(ex.Path, Is.EqualTo("spans[1].duration_ms"));
    }

    [Test]
    public void A_key_given_with_its_scheme_is_still_redacted()
    {
        using var api = new MockApi(o => o.ApiKey = "Bearer " + Key);
        api.Reply(HttpStatusCode.Unauthorized, """{"message":"unknown key """ + Key + "\"}");

        var ex = Assert.ThrowsAsync<OpperUnauthorizedException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        AssertNoKey(ex);
    }

    [Test]
    public void The_missing_key_and_insecure_url_errors_name_no_key()
    {
        using var api = new MockApi(o => o.BaseUrl = new Uri("http://example.com"));

        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        AssertNoKey(ex);
    }

    [Test]
    public void Options_and_client_to_string_do_not_show_the_key()
    {
        var options = new OpperClientOptions { ApiKey = Key };
        using var client = new OpperClient(options);

        Assert.Multiple(() =>
        {
            Assert.That(options.ToString(), Does.Not.Contain(Key));
            Assert.That(client.ToString(), Does.Not.Contain(Key));
            Assert.That(options.ToString(), Does.Contain("api.opper.ai"), "ToString still says something useful");
            Assert.That(client.ToString(), Does.Contain("api.opper.ai"));
        });
    }

    [Test]
    public void A_transport_failure_names_no_key()
    {
        using var api = new MockApi(o => o.MaxRetries = 0);
        api.Fail(new HttpRequestException("connection refused"));

        var ex = Assert.ThrowsAsync<HttpRequestException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        AssertNoKey(ex);
    }
}
