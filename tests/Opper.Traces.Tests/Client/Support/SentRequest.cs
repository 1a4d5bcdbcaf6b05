using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace Opper.Traces.Tests.Client.Support;

/// <summary>A request as the client put it on the wire: method, URI, raw header values and body text.</summary>
internal sealed class SentRequest
{
    private readonly Dictionary<string, string> _headers;

    private SentRequest(HttpRequestMessage message, string method, Uri uri, Dictionary<string, string> headers, string? body)
    {
        Message = message;
        Method = method;
        Uri = uri;
        _headers = headers;
        Body = body;
    }

    /// <summary>The request object itself (disposed once the call has its response).</summary>
    internal HttpRequestMessage Message { get; }

    public string Method { get; }

    public Uri Uri { get; }

    /// <summary>The body as text; null when the request has no content.</summary>
    public string? Body { get; }

    public IReadOnlyDictionary<string, string> Headers => _headers;

    /// <summary>A header's raw value (several values joined with ", "), or null when absent.</summary>
    public string? Header(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Reads the request now: the client disposes it once the response arrives.</summary>
    public static SentRequest Capture(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.NonValidated)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        string? body = null;
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers.NonValidated)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            body = request.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        }

        return new SentRequest(request, request.Method.Method, request.RequestUri!, headers, body);
    }

    public override string ToString() =>
        Method + " " + Uri.AbsoluteUri + Environment.NewLine
        + string.Join(Environment.NewLine, _headers.Select(h => h.Key + ": " + h.Value))
        + (Body is null ? string.Empty : Environment.NewLine + Environment.NewLine + Body);
}
