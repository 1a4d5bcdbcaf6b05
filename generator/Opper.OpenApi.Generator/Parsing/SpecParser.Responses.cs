using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Json;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Parsing;

/// <summary>What an operation sends and gets back: its request body, its success response and its documented errors.</summary>
internal sealed partial class SpecParser
{
    private static bool IsJsonMedia(string mediaType)
    {
        var media = mediaType.Split(';')[0].Trim();
        return media == "*/*" || media.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || media.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    private static bool IsBinarySchema(JsonObject? schema) =>
        schema?.GetString("format") is "binary" or "byte" && TypeNames(schema).Contains("string");

    private BodyModel? ReadBody(JsonObject requestBody, string hint)
    {
        var content = requestBody.GetObject("content");
        if (content is null || content.Properties.Count == 0)
        {
            return null;
        }

        var required = requestBody.GetBoolean("required");
        var doc = requestBody.GetString("description");
        var json = content.Properties.FirstOrDefault(p => IsJsonMedia(p.Name) && !(p.Name == "*/*" && IsBinarySchema((p.Value as JsonObject)?.GetObject("schema"))));
        if (json is not null)
        {
            var schema = (json.Value as JsonObject)?["schema"];
            var type = Resolve(schema, hint);
            return new BodyModel(BodyKind.Json, json.Name == "*/*" ? "application/json" : json.Name, type.WithNullable(!required || type.Nullable), required, doc);
        }

        var first = content.Properties[0];
        var media = first.Name.Split(';')[0].Trim();
        if (media.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            return new BodyModel(BodyKind.Text, media, new TypeRef(TypeKind.String, !required), required, doc);
        }

        if (media.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) || media == "application/x-www-form-urlencoded")
        {
            // A form that can hold no field (Stripe's GETs declare one) sends nothing: no parameter.
            var form = (first.Value as JsonObject)?.GetObject("schema");
            if (form is not null && Deref(form) is { } formSchema && formSchema.GetObject("properties") is { Properties.Count: 0 }
                && formSchema["additionalProperties"]?.Kind == JsonKind.False)
            {
                return null;
            }

            return new BodyModel(BodyKind.Content, media, null, required, doc);
        }

        return new BodyModel(BodyKind.Binary, media, null, required, doc);
    }

    private void ReadResponses(OperationDraft draft, JsonObject? responses, string hint)
    {
        if (responses is null)
        {
            return;
        }

        static int Order(string status) => status.Length == 3 && char.IsDigit(status[0])
            ? (int.TryParse(status.Replace('X', '9').Replace('x', '9'), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 999)
            : 1000;

        var statuses = responses.Properties.Select(p => p.Name).ToList();
        var successes = statuses.Where(s => s.StartsWith("2", StringComparison.Ordinal)).OrderBy(Order).ToList();
        if (successes.Count == 0 && statuses.Contains("default"))
        {
            successes.Add("default");
        }

        JsonObject? chosen = null;
        foreach (var status in successes)
        {
            if (responses[status] is JsonObject raw && Deref(raw) is { } response && response.GetObject("content") is { Properties.Count: > 0 })
            {
                chosen = response;
                break;
            }
        }

        if (chosen is not null)
        {
            var content = chosen.GetObject("content")!;
            var json = content.Properties.FirstOrDefault(p => IsJsonMedia(p.Name) && !IsBinarySchema((p.Value as JsonObject)?.GetObject("schema")));
            var doc = chosen.GetString("description");
            if (json is not null)
            {
                var type = Resolve((json.Value as JsonObject)?["schema"], hint + "Response");
                draft.Response = new ResponseModel(ResponseKind.Json, type, doc);
            }
            else if (content.Properties[0].Name.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            {
                draft.Response = new ResponseModel(ResponseKind.Text, new TypeRef(TypeKind.String, false), doc);
            }
            else
            {
                draft.Response = new ResponseModel(ResponseKind.Binary, null, doc);
            }
        }

        foreach (var status in statuses)
        {
            if (successes.Contains(status) || !(status == "default" || status.StartsWith("4", StringComparison.Ordinal) || status.StartsWith("5", StringComparison.Ordinal)))
            {
                continue;
            }

            if (responses[status] is not JsonObject raw || Deref(raw) is not { } response)
            {
                continue;
            }

            TypeRef? type = null;
            var json = response.GetObject("content")?.Properties.FirstOrDefault(p => IsJsonMedia(p.Name));
            if ((json?.Value as JsonObject)?["schema"] is { } schema)
            {
                type = Resolve(schema, hint + "Error" + Naming.ToPascal(status));
            }

            draft.Errors.Add(new ErrorModel(status.ToUpperInvariant(), type, response.GetString("description")));
        }
    }
}
