using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;
using N = Opper.Traces.ContractTests.NSwag;

namespace Opper.Traces.ContractTests.Infrastructure;

/// <summary>What a client put on the wire.</summary>
internal sealed record SentRequest(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query, string? Body, string? ContentType);

/// <summary>The response the mock handler gives.</summary>
internal sealed record CannedResponse(int Status, string? Body, string ContentType = "application/json");

/// <summary>What happened on one call: the request sent, and the value read or the exception thrown.</summary>
internal sealed record ExchangeResult(SentRequest? Request, object? Value, Exception? Error);

/// <summary>The NSwag clients, one per tag, over one HttpClient.</summary>
internal sealed class NSwagClients
{
    public NSwagClients(HttpClient http)
    {
        Traces = new N.TracesClient(http) { BaseUrl = Exchange.BaseUrl };
        Spans = new N.SpansClient(http) { BaseUrl = Exchange.BaseUrl };
        SpanMetrics = new N.Span_metricsClient(http) { BaseUrl = Exchange.BaseUrl };
        Functions = new N.FunctionsClient(http) { BaseUrl = Exchange.BaseUrl };
    }

    public N.TracesClient Traces { get; }

    public N.SpansClient Spans { get; }

    public N.Span_metricsClient SpanMetrics { get; }

    public N.FunctionsClient Functions { get; }
}

/// <summary>Sends a call of either client through one MockHttp handler.</summary>
internal static class Exchange
{
    public const string BaseUrl = "https://api.example.test/v2";

    /// <summary>The serializer settings NSwag's generated client uses (a new JsonSerializerSettings, no hook implemented).</summary>
    public static readonly JsonSerializerSettings NSwagSettings = new();

    public static Task<ExchangeResult> Ours(Func<OpperClient, Task<object?>> call, CannedResponse response) =>
        Run(http => call(new OpperClient(http, new OpperClientOptions { ApiKey = "contract-test-key", BaseUrl = new Uri(BaseUrl), MaxRetries = 0 })), response);

    public static Task<ExchangeResult> Theirs(Func<NSwagClients, Task<object?>> call, CannedResponse response) =>
        Run(http => call(new NSwagClients(http)), response);

    /// <summary>Our object graph as JSON, written by the generated converters.</summary>
    public static JToken? OursAsJson(object? value) => value is null ? null : Json.Parse(JsonConvert.SerializeObject(value));

    /// <summary>NSwag's object graph as JSON, written with NSwag's settings.</summary>
    public static JToken? TheirsAsJson(object? value) => value is null ? null : Json.Parse(JsonConvert.SerializeObject(value, NSwagSettings));

    private static async Task<ExchangeResult> Run(Func<HttpClient, Task<object?>> call, CannedResponse response)
    {
        using var mock = new MockHttpMessageHandler();
        SentRequest? sent = null;
        mock.When("*").Respond(async request =>
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
            sent = new SentRequest(
                request.Method.Method,
                request.RequestUri!.AbsolutePath,
                ParseQuery(request.RequestUri.Query),
                body,
                request.Content?.Headers.ContentType?.MediaType);
            var message = new HttpResponseMessage((HttpStatusCode)response.Status);
            if (response.Body is not null)
            {
                message.Content = new StringContent(response.Body, Encoding.UTF8, response.ContentType);
            }

            return message;
        });

        using var http = mock.ToHttpClient();
        try
        {
            var value = await call(http).ConfigureAwait(false);
            return new ExchangeResult(sent, value, null);
        }
        catch (Exception error)
        {
            return new ExchangeResult(sent, null, error);
        }
    }

    private static List<KeyValuePair<string, string>> ParseQuery(string query) =>
        query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair.Substring(0, equals);
                var value = equals < 0 ? string.Empty : pair.Substring(equals + 1);
                return new KeyValuePair<string, string>(Uri.UnescapeDataString(name.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
            })
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
}
