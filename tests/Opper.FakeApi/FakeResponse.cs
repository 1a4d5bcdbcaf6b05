using System;
using System.Collections.Generic;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Opper.FakeApi;

/// <summary>
/// A response an interceptor returns instead of the fake's normal handling
/// (see <see cref="FakeOpperApiOptions.Intercept"/>).
/// </summary>
public sealed class FakeResponse
{
    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>The body text; null or empty sends no body.</summary>
    public string? Body { get; set; }

    /// <summary>The body's content type.</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>Extra response headers (e.g. <c>Retry-After</c>).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long to wait before answering. <see cref="Timeout.InfiniteTimeSpan"/> never answers: the
    /// request stays open until the client gives up or the server stops.
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>A JSON response with the given status and body text.</summary>
    public static FakeResponse Json(int statusCode, string body) => new() { StatusCode = statusCode, Body = body };

    /// <summary>
    /// An error in the API's shape (<c>{"type", "message", "detail"}</c>); with
    /// <paramref name="retryAfter"/> a <c>Retry-After</c> header in seconds is added.
    /// </summary>
    public static FakeResponse Error(int statusCode, string type, string message, string detail, int? retryAfter = null)
    {
        var response = Json(statusCode, ErrorBody(type, message, detail));
        if (retryAfter is { } seconds)
        {
            response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return response;
    }

    /// <summary>A response that never comes: the request hangs until the client cancels or the server stops.</summary>
    public static FakeResponse Hang() => new() { Delay = Timeout.InfiniteTimeSpan };

    internal static string ErrorBody(string type, string message, object detail) =>
        new JObject { ["type"] = type, ["message"] = message, ["detail"] = JToken.FromObject(detail) }.ToString(Formatting.None);
}
