using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Json;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Parsing;

internal sealed partial class SpecParser
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private static readonly HashSet<string> IgnoredHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Content-Type", "Authorization",
    };

    private static readonly string[] ItemPropertyNames = { "data", "items", "results", "records", "values", "entries" };

    private static readonly string[] TotalPropertyNames = { "total_count", "totalCount", "total", "count", "total_items", "totalItems" };

    private readonly HashSet<string> _reportedTags = new(StringComparer.Ordinal);

    /// <summary>An operation while it is being read: names are settled once all are known.</summary>
    private sealed class OperationDraft
    {
        public string Group { get; set; } = string.Empty;

        public string? GroupDoc { get; set; }

        public List<string> TagWords { get; } = new();

        public List<string> NameWords { get; set; } = new();

        public List<string> FullWords { get; set; } = new();

        public string HttpMethod { get; set; } = string.Empty;

        public string OperationId { get; set; } = string.Empty;

        public string Path { get; set; } = string.Empty;

        public List<PathPart> PathParts { get; } = new();

        public List<ParameterModel> Parameters { get; } = new();

        public BodyModel? Body { get; set; }

        public ResponseModel Response { get; set; } = new(ResponseKind.None, null, null);

        public List<ErrorModel> Errors { get; } = new();

        public string? Summary { get; set; }

        public string? Description { get; set; }

        public bool Deprecated { get; set; }

        public LocationInfo Location { get; set; } = null!;
    }

    private IEnumerable<(string Path, JsonObject PathItem, string Method, JsonObject Operation, JsonProperty Property)> EnumerateOperationNodes()
    {
        if (_root.GetObject("paths") is not { } paths)
        {
            yield break;
        }

        foreach (var pathProperty in paths.Properties)
        {
            if (pathProperty.Value is not JsonObject rawItem || Deref(rawItem) is not { } pathItem)
            {
                continue;
            }

            foreach (var property in pathItem.Properties)
            {
                if (Array.IndexOf(HttpMethods, property.Name) >= 0 && property.Value is JsonObject operation)
                {
                    yield return (pathProperty.Name, pathItem, property.Name, operation, property);
                }
            }
        }
    }

    private List<OperationDraft> ReadOperations()
    {
        var tagDocs = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (_root.GetArray("tags") is { } tags)
        {
            foreach (var tag in tags.Items.OfType<JsonObject>())
            {
                if (tag.GetString("name") is { } name)
                {
                    tagDocs[name] = tag.GetString("description");
                }
            }
        }

        var drafts = new List<OperationDraft>();
        foreach (var (path, pathItem, method, operation, property) in EnumerateOperationNodes())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var draft = new OperationDraft
            {
                HttpMethod = method.ToUpperInvariant(),
                Path = path,
                Summary = operation.GetString("summary"),
                Description = operation.GetString("description"),
                Deprecated = operation.GetBoolean("deprecated"),
                Location = Span(property),
            };

            var tag = (operation.GetArray("tags")?.Items.FirstOrDefault())?.AsString();
            draft.Group = tag is null ? string.Empty : GroupName(tag, operation.GetArray("tags")!.Items[0]);
            if (tag is not null)
            {
                draft.TagWords.AddRange(Naming.Words(tag));
                draft.GroupDoc = tagDocs.TryGetValue(tag, out var doc) ? doc : null;
            }

            NameOperation(draft, operation.GetString("operationId"), path, method);
            var hint = Naming.ToPascal(draft.Group + "_" + string.Join("_", draft.NameWords));

            ReadParameters(draft, pathItem, operation, hint);
            ReadPath(draft, path);
            if (operation["requestBody"] is JsonObject body && Deref(body) is { } requestBody)
            {
                draft.Body = ReadBody(requestBody, hint + "Request");
            }

            ReadResponses(draft, operation.GetObject("responses"), hint);
            drafts.Add(draft);
        }

        return drafts;
    }

    /// <summary>
    /// The sub-client of a tag (<c>span metrics</c> → <c>SpanMetrics</c>, reached as
    /// <c>client.SpanMetrics</c>). A tag whose name the root client already uses (its own name,
    /// <c>Dispose</c>) becomes <c>…Operations</c>.
    /// </summary>
    private string GroupName(string tag, JsonNode at)
    {
        var name = Naming.ToPascal(tag);
        if (name.Length == 0 || (name != _clientName && name != "Dispose"))
        {
            return name;
        }

        var renamed = name + "Operations";
        if (_reportedTags.Add(tag))
        {
            Report(DiagnosticDescriptors.NameClash, Span(at), "Tag", tag, name, renamed);
        }

        return renamed;
    }

    /// <summary>
    /// The method name: the operation's words without those of its tag (<c>list_traces</c> under
    /// <c>traces</c> is <c>List</c>). FastAPI ids (<c>get_trace_traces__trace_id__get</c>) lose their
    /// path-and-method suffix first, and an action path (<c>/spans/{id}/save_examples</c>) whose
    /// words the id does not mention names the method.
    /// </summary>
    private static void NameOperation(OperationDraft draft, string? operationId, string path, string method)
    {
        var segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        List<string> words;
        var fastApi = false;
        if (!string.IsNullOrWhiteSpace(operationId))
        {
            draft.OperationId = operationId!;
            var suffix = Regex.Replace(path, @"\W", "_") + "_" + method.ToLowerInvariant();
            if (operationId!.Length > suffix.Length && operationId.EndsWith(suffix, StringComparison.Ordinal))
            {
                fastApi = true;
                words = Naming.Words(operationId.Substring(0, operationId.Length - suffix.Length));
            }
            else
            {
                words = Naming.Words(operationId);
            }
        }
        else
        {
            draft.OperationId = method.ToUpperInvariant() + " " + path;
            words = new List<string> { method };
            words.AddRange(segments.Where(s => !s.StartsWith("{", StringComparison.Ordinal)).SelectMany(Naming.Words));
        }

        if (words.Count == 0)
        {
            words.Add(method);
        }

        draft.FullWords = words;
        var tagWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in draft.TagWords)
        {
            tagWords.Add(word);
            tagWords.Add(word + "s");
            tagWords.Add(word + "es");
            if (word.Length > 2 && word.EndsWith("s", StringComparison.OrdinalIgnoreCase))
            {
                tagWords.Add(word.Substring(0, word.Length - 1));
            }
        }

        var nameWords = words.Where(w => !tagWords.Contains(w)).ToList();
        if (nameWords.Count == 0)
        {
            nameWords = words.ToList();
        }

        if (fastApi && segments.Length >= 2
            && !segments[segments.Length - 1].StartsWith("{", StringComparison.Ordinal)
            && segments[segments.Length - 2].StartsWith("{", StringComparison.Ordinal))
        {
            var actionWords = Naming.Words(segments[segments.Length - 1]);
            var mentioned = new HashSet<string>(nameWords, StringComparer.OrdinalIgnoreCase);
            if (actionWords.Count > 0 && !actionWords.All(tagWords.Contains) && !actionWords.All(mentioned.Contains))
            {
                nameWords = actionWords;
            }
        }

        draft.NameWords = nameWords;
    }

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

    // ---------------------------------------------------------------- clients

    private EquatableArray<ClientModel> BuildClients(List<OperationDraft> drafts)
    {
        var groups = new List<string>();
        var byGroup = new Dictionary<string, List<OperationDraft>>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            if (!byGroup.TryGetValue(draft.Group, out var list))
            {
                byGroup[draft.Group] = list = new List<OperationDraft>();
                groups.Add(draft.Group);
            }

            list.Add(draft);
        }

        var clients = new List<ClientModel>();
        foreach (var group in groups)
        {
            var members = byGroup[group];
            var names = SettleMethodNames(members, group);
            var operations = new List<OperationModel>();
            for (var i = 0; i < members.Count; i++)
            {
                var draft = members[i];
                var paging = DetectPaging(draft, names[i], names);
                operations.Add(new OperationModel(
                    names[i],
                    draft.HttpMethod,
                    draft.OperationId,
                    draft.Path,
                    draft.PathParts.ToEquatableArray(),
                    OrderParameters(draft.Parameters).ToEquatableArray(),
                    draft.Body,
                    draft.Response,
                    draft.Errors.ToEquatableArray(),
                    draft.Summary,
                    draft.Description,
                    draft.Deprecated,
                    paging));
            }

            clients.Add(new ClientModel(group, members.Select(m => m.GroupDoc).FirstOrDefault(d => d is not null), operations.ToEquatableArray()));
        }

        return clients.ToEquatableArray();
    }

    // Required parameters in path order first, then the optional ones, as a caller writes them.
    private static IEnumerable<ParameterModel> OrderParameters(List<ParameterModel> parameters) =>
        parameters.Where(p => p.Required).Concat(parameters.Where(p => !p.Required));

    private List<string> SettleMethodNames(List<OperationDraft> members, string group)
    {
        var names = members.Select(m => Naming.ToPascal(group.Length == 0 ? m.FullWords : m.NameWords)).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0)
            {
                names[i] = Naming.ToPascal(members[i].HttpMethod.ToLowerInvariant());
            }
        }

        // Operations whose short names clash fall back to their full words, then to those and
        // the HTTP method, when that tells them apart; otherwise they are numbered below.
        var fallbacks = new Func<OperationDraft, string>[]
        {
            m => Naming.ToPascal(m.FullWords),
            m => Naming.ToPascal(m.FullWords) + Naming.ToPascal(m.HttpMethod.ToLowerInvariant()),
        };
        var clashes = names.Select((n, i) => (Name: n, Index: i)).GroupBy(x => x.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        foreach (var clash in clashes)
        {
            foreach (var fallback in fallbacks)
            {
                var candidates = clash.Select(x => fallback(members[x.Index])).ToList();
                if (candidates.Distinct(StringComparer.Ordinal).Count() == candidates.Count)
                {
                    foreach (var (candidate, (_, index)) in candidates.Zip(clash, (c, x) => (c, x)))
                    {
                        names[index] = candidate;
                    }

                    break;
                }
            }
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            names[i] = UniqueMember(names[i], taken, "Operation", members[i].OperationId, members[i].Location);
        }

        return names;
    }

    private PagingModel? DetectPaging(OperationDraft draft, string methodName, List<string> siblingNames)
    {
        var offset = draft.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Query && p.WireName == "offset" && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        var limit = draft.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Query && p.WireName == "limit" && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        if (offset is null || limit is null || draft.Response.Kind != ResponseKind.Json
            || draft.Response.Type is not { Kind: TypeKind.Object } responseType
            || !_objectModels.TryGetValue(responseType.Name!, out var page)
            || siblingNames.Contains(methodName + "All"))
        {
            return null;
        }

        var lists = page.Properties.Where(p => p.Type.Kind == TypeKind.List).ToList();
        var items = lists.FirstOrDefault(p => ItemPropertyNames.Contains(p.JsonName)) ?? (lists.Count == 1 ? lists[0] : null);
        if (items is null)
        {
            return null;
        }

        var total = new List<PathStep>();
        var direct = page.Properties.FirstOrDefault(p => IsTotal(p));
        if (direct is not null)
        {
            total.Add(new PathStep(direct.Name, direct.Type.Nullable));
        }
        else
        {
            foreach (var holder in page.Properties.Where(p => p.Type.Kind == TypeKind.Object))
            {
                if (_objectModels.TryGetValue(holder.Type.Name!, out var nested) && nested.Properties.FirstOrDefault(p => IsTotal(p)) is { } inner)
                {
                    total.Add(new PathStep(holder.Name, holder.Type.Nullable));
                    total.Add(new PathStep(inner.Name, inner.Type.Nullable));
                    break;
                }
            }
        }

        return new PagingModel(
            offset.Name,
            limit.Name,
            new[] { new PathStep(items.Name, items.Type.Nullable) }.ToEquatableArray(),
            items.Type.Element!,
            total.ToEquatableArray());
    }

    private static bool IsTotal(PropertyModel property) =>
        TotalPropertyNames.Contains(property.JsonName) && property.Type.Kind is TypeKind.Int32 or TypeKind.Int64;
}
