using System;
using System.Collections.Generic;

namespace Opper.FakeApi;

/// <summary>A request as <see cref="FakeOpperApi"/> received it.</summary>
public sealed class FakeRequest
{
    internal FakeRequest(int index, string method, string path, IReadOnlyDictionary<string, string> query, IReadOnlyDictionary<string, string> headers, string body)
    {
        Index = index;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
    }

    /// <summary>0 for the first request the server received, then 1, 2, ... (not reset by <see cref="FakeOpperApi.ResetRequests"/>).</summary>
    public int Index { get; }

    /// <summary>The HTTP method, upper case (<c>GET</c>, <c>POST</c>, ...).</summary>
    public string Method { get; }

    /// <summary>The unescaped path, including the <c>/v2</c> prefix (e.g. <c>/v2/traces/abc</c>).</summary>
    public string Path { get; }

    /// <summary>Query parameters by name (case-sensitive; repeated values joined with commas).</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>Request headers by name (case-insensitive; repeated values joined with commas).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The request body as UTF-8 text; empty when there was none.</summary>
    public string Body { get; }

    /// <summary>The header's value, or null when the request has none.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The query parameter's value, or null when absent.</summary>
    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    /// <summary><c>METHOD path</c>; never shows headers, so never the API key.</summary>
    public override string ToString() => Method + " " + Path;
}
