using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli;

/// <summary>
/// Sends OTLP/JSON to an OTLP/HTTP collector (the OpenTelemetry Collector, Jaeger, Grafana
/// Tempo): a POST of <c>application/json</c> to the endpoint, <c>/v1/traces</c> appended when
/// the URL has no path, as OpenTelemetry's exporters do; headers from
/// <c>OTEL_EXPORTER_OTLP_HEADERS</c> (then <c>OTEL_EXPORTER_OTLP_TRACES_HEADERS</c>) and
/// <c>--header</c>, later ones winning.
/// </summary>
internal static class OtlpCollector
{
    /// <summary>The variables that hold headers, in the order they are applied.</summary>
    public static readonly string[] HeaderVariables = { "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TRACES_HEADERS" };

    /// <summary>The URL to POST to.</summary>
    /// <exception cref="CliException">Not an absolute http(s) URL (exit code 2).</exception>
    public static Uri TracesUrl(string endpoint)
    {
        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw CliException.Usage("--endpoint must be an absolute http or https URL, not '" + Text.Preview(endpoint, 100) + "'.");
        }

        return uri.AbsolutePath == "/" && uri.Query.Length == 0 ? new Uri(uri, "v1/traces") : uri;
    }

    /// <summary>
    /// The headers to send: the environment's (comma-separated <c>key=value</c> pairs, values
    /// URL-encoded), then <c>--header key=value</c>. Values are never echoed in messages: they
    /// often hold credentials.
    /// </summary>
    /// <exception cref="CliException">A header is not <c>key=value</c> (exit code 2).</exception>
    public static List<KeyValuePair<string, string>> Headers(CliHost host, IEnumerable<string> options)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string variable in HeaderVariables)
        {
            string? value = host.GetEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            foreach (string pair in value!.Split(','))
            {
                if (pair.Trim().Length > 0)
                {
                    Set(headers, Split(pair, variable + " entries"), decode: true);
                }
            }
        }

        foreach (string option in options)
        {
            Set(headers, Split(option, "--header"), decode: false);
        }

        return headers;
    }

    /// <summary>POSTs <paramref name="body"/>; returns the collector's answer for the message.</summary>
    /// <exception cref="CliException">The collector answered other than 2xx, or could not be reached (exit code 3).</exception>
    public static async Task<string> SendAsync(Uri url, MemoryStream body, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (KeyValuePair<string, string> header in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException(ExitCodes.Api, "Cannot reach the collector at " + url + ": " + ex.Message, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.Api, "The collector at " + url + " did not answer within 100 s.", ex);
        }

        using (response)
        {
            string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            string status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + response.ReasonPhrase;
            if (!response.IsSuccessStatusCode)
            {
                throw new CliException(ExitCodes.Api, "The collector at " + url + " answered " + status
                    + (text.Trim().Length > 0 ? ": " + Text.Preview(Text.OneLine(ErrorMessage(text)), 300) : "."));
            }

            return status + PartialSuccess(text);
        }
    }

    /// <summary>The <c>message</c> of an OTLP <c>Status</c> body, else the body itself.</summary>
    private static string ErrorMessage(string body) =>
        TryParse(body) is JObject json && json["message"] is JValue { Type: JTokenType.String } message ? (string)message! : body;

    /// <summary>A note when the collector took only part of the spans (OTLP's <c>partialSuccess</c>).</summary>
    private static string PartialSuccess(string body)
    {
        if (TryParse(body) is JObject json && json["partialSuccess"] is JObject partial
            && OtlpCount(partial["rejectedSpans"]) is { } rejected && rejected > 0)
        {
            return "; it rejected " + Text.Count(rejected) + (rejected == 1 ? " span" : " spans")
                + (partial["errorMessage"] is JValue { Type: JTokenType.String } why ? ": " + Text.Preview(Text.OneLine((string?)why), 200) : string.Empty);
        }

        return string.Empty;
    }

    private static long? OtlpCount(JToken? value) => value?.Type switch
    {
        JTokenType.Integer => (long)value,
        JTokenType.String when long.TryParse((string?)value, NumberStyles.None, CultureInfo.InvariantCulture, out long n) => n,
        _ => null,
    };

    private static JToken? TryParse(string body)
    {
        try
        {
            using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(body)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
            return JToken.ReadFrom(reader);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static KeyValuePair<string, string> Split(string pair, string what)
    {
        int equals = pair.IndexOf('=');
        string key = equals < 0 ? string.Empty : pair.Substring(0, equals).Trim();
        if (key.Length == 0 || key.IndexOfAny(new[] { ' ', ':', '\r', '\n' }) >= 0)
        {
            // Only the key part is shown: the value may be a secret.
            throw CliException.Usage(what + " must be key=value; '" + Text.Preview(equals < 0 ? "(no =)" : key, 60) + "' is not a header name.");
        }

        return new KeyValuePair<string, string>(key, pair.Substring(equals + 1));
    }

    private static void Set(List<KeyValuePair<string, string>> headers, KeyValuePair<string, string> header, bool decode)
    {
        string value = decode ? Uri.UnescapeDataString(header.Value.Trim()) : header.Value;
        if (value.IndexOfAny(new[] { '\r', '\n' }) >= 0)
        {
            throw CliException.Usage("The value of header '" + Text.Preview(header.Key, 60) + "' holds a line break.");
        }

        headers.RemoveAll(h => string.Equals(h.Key, header.Key, StringComparison.OrdinalIgnoreCase));
        headers.Add(new KeyValuePair<string, string>(header.Key, value));
    }
}
