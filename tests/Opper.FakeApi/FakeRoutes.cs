using System;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Opper.FakeApi;

/// <summary>The API's normal handling: routes under <c>/v2</c> answered from the store.</summary>
internal static class FakeRoutes
{
    public static FakeResponse Handle(FakeRequest request, FakeStore store, FakeOpperApiOptions options)
    {
        if (!request.Path.StartsWith("/v2/", StringComparison.Ordinal))
        {
            return NotFound("Not Found");
        }

        var segments = request.Path.Substring("/v2/".Length).TrimEnd('/').Split('/');
        try
        {
            return (segments, request.Method) switch
            {
                ([ "spans" ], "POST") => CreateSpan(request, store, options),
                ([ "spans", var id ], "GET") => Found(store.GetSpan(id), "Span", id),
                ([ "spans", var id ], "PATCH") => Found(store.PatchSpan(id, FakeJson.ParseObject(request.Body, "The body")), "Span", id),
                ([ "spans", var id ], "DELETE") => store.DeleteSpan(id) ? new FakeResponse { StatusCode = 204 } : NotFound("Span " + id + " not found"),
                ([ "traces" ], "GET") => ListTraces(request, store),
                ([ "traces", var id ], "GET") => store.GetTraceText(id) is { } trace ? FakeResponse.Json(200, trace) : NotFound("Trace " + id + " not found"),
                ([ "spans" ] or [ "spans", _ ] or [ "traces" ] or [ "traces", _ ], _) => FakeResponse.Json(405, "{\"detail\":\"Method Not Allowed\"}"),
                _ => NotFound("Not Found"),
            };
        }
        catch (JsonException e)
        {
            return Invalid(["body"], "Invalid JSON: " + e.Message, request.Body);
        }
    }

    private static FakeResponse CreateSpan(FakeRequest request, FakeStore store, FakeOpperApiOptions options)
    {
        var body = FakeJson.ParseObject(request.Body, "The body");
        if (body["name"] is not { Type: JTokenType.String })
        {
            return Invalid(["body", "name"], "Field required (a string)", body["name"]?.ToString(Formatting.None));
        }

        var created = store.AddSpan(body, replace: !options.ConflictOnDuplicateSpanId);
        return created is null
            ? FakeResponse.Error(409, "ConflictError", "The resource already exists", "Span " + (string?)body["id"] + " already exists")
            : FakeResponse.Json(200, FakeJson.Write(created));
    }

    private static FakeResponse ListTraces(FakeRequest request, FakeStore store)
    {
        var offset = 0;
        var limit = 100;
        if (request.QueryValue("offset") is { } o && (!int.TryParse(o, NumberStyles.Integer, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return Invalid(["query", "offset"], "Input should be a non-negative integer", o);
        }

        if (request.QueryValue("limit") is { } l && (!int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 0))
        {
            return Invalid(["query", "limit"], "Input should be a non-negative integer", l);
        }

        var (total, page) = store.ListTraces(request.QueryValue("name"), offset, limit);
        var body = new JObject { ["meta"] = new JObject { ["total_count"] = total }, ["data"] = new JArray(page) };
        return FakeResponse.Json(200, FakeJson.Write(body));
    }

    private static FakeResponse Found(JObject? body, string what, string id) =>
        body is null ? NotFound(what + " " + id + " not found") : FakeResponse.Json(200, FakeJson.Write(body));

    public static FakeResponse NotFound(string detail) => FakeResponse.Error(404, "NotFoundError", "The resource was not found", detail);

    public static FakeResponse Unauthorized() => FakeResponse.Error(401, "UnauthorizedError", "The request is unauthorized", "The API key is invalid");

    private static FakeResponse Invalid(string[] location, string problem, string? input)
    {
        var detail = new JObject { ["input"] = input, ["loc"] = new JArray(location), ["msg"] = problem, ["type"] = "value_error" };
        return FakeResponse.Json(422, FakeResponse.ErrorBody("RequestValidationError", "The request is invalid", detail));
    }
}
