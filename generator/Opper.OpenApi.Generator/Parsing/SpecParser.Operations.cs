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

    private void ReadParameters(OperationDraft draft, JsonObject pathItem, JsonObject operation, string hint)
    {
        var merged = new List<JsonObject>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in new[] { pathItem.GetArray("parameters"), operation.GetArray("parameters") })
        {
            if (list is null)
            {
                continue;
            }

            foreach (var item in list.Items.OfType<JsonObject>())
            {
                if (Deref(item) is not { } parameter || parameter.GetString("name") is not { } name)
                {
                    continue;
                }

                var key = (parameter.GetString("in") ?? string.Empty) + ":" + name;
                if (positions.TryGetValue(key, out var index))
                {
                    merged[index] = parameter;
                }
                else
                {
                    positions[key] = merged.Count;
                    merged.Add(parameter);
                }
            }
        }

        var taken = new HashSet<string>(StringComparer.Ordinal) { "body", "cancellationToken", "pageSize" };
        foreach (var parameter in merged)
        {
            var wireName = parameter.GetString("name")!;
            var location = parameter.GetString("in");
            ParameterLocation where;
            switch (location)
            {
                case "path":
                    where = ParameterLocation.Path;
                    break;
                case "query":
                    where = ParameterLocation.Query;
                    break;
                case "header" when IgnoredHeaders.Contains(wireName):
                    continue;
                case "header":
                    where = ParameterLocation.Header;
                    break;
                default:
                    Report(DiagnosticDescriptors.Unsupported, Span(parameter), $"The {location ?? "unplaced"} parameter '{wireName}'", "it is left out of the method");
                    continue;
            }

            // A parameter described by "content" is sent in that media type: an object is not styled.
            var styled = parameter["schema"] is not null;
            var schema = parameter["schema"] ?? (parameter.GetObject("content")?.Properties.FirstOrDefault()?.Value as JsonObject)?["schema"];
            var mark = Mark();
            var type = Resolve(schema, hint + Naming.ToPascal(wireName));
            if (!IsSimple(type) && !(styled && IsObjectParameter(type)))
            {
                Forget(mark);

                // Any JSON, or one of several scalars (anyOf [integer, string]), is naturally a string
                // in a URL or header; a list of objects or a union of shapes is not, and is reported.
                if (type.Kind != TypeKind.Any && !IsScalarUnion(schema as JsonObject))
                {
                    Report(DiagnosticDescriptors.Unsupported, Span(parameter), $"The {location} parameter '{wireName}' of a structured type", "it is passed as a string");
                }

                type = new TypeRef(TypeKind.String, type.Nullable);
            }

            var required = where == ParameterLocation.Path || parameter.GetBoolean("required");
            var (style, explode) = ReadStyle(parameter, where, type, wireName);
            var wanted = Naming.ToCamel(wireName);
            if (wanted.Length == 0)
            {
                wanted = "parameter";
            }

            if (taken.Contains(wanted))
            {
                wanted += Naming.ToPascal(location ?? string.Empty);
            }

            var name = UniqueMember(wanted, taken, "Parameter", $"{draft.OperationId}: {wireName}", Span(parameter));
            draft.Parameters.Add(new ParameterModel(
                name,
                wireName,
                where,
                type.WithNullable(!required || type.Nullable),
                required,
                style,
                explode,
                parameter.GetString("description") ?? Doc(schema as JsonObject, wireName)));
        }
    }

    /// <summary>
    /// The parameter's <c>style</c> and <c>explode</c>, with the specification's defaults (<c>simple</c>
    /// in paths and headers, <c>form</c> in queries; <c>explode</c> only for <c>form</c>). A style the
    /// location does not allow is reported and the default used.
    /// </summary>
    private (ParameterStyle Style, bool Explode) ReadStyle(JsonObject parameter, ParameterLocation where, TypeRef type, string wireName)
    {
        var fallback = where == ParameterLocation.Query ? ParameterStyle.Form : ParameterStyle.Simple;
        var name = parameter.GetString("style");
        ParameterStyle? style = name switch
        {
            null => fallback,
            "simple" when where != ParameterLocation.Query => ParameterStyle.Simple,
            "label" when where == ParameterLocation.Path => ParameterStyle.Label,
            "matrix" when where == ParameterLocation.Path => ParameterStyle.Matrix,
            "form" when where == ParameterLocation.Query => ParameterStyle.Form,
            "spaceDelimited" when where == ParameterLocation.Query && (type.Kind == TypeKind.List || IsObjectParameter(type)) => ParameterStyle.SpaceDelimited,
            "pipeDelimited" when where == ParameterLocation.Query && (type.Kind == TypeKind.List || IsObjectParameter(type)) => ParameterStyle.PipeDelimited,
            "deepObject" when where == ParameterLocation.Query && IsObjectParameter(type) => ParameterStyle.DeepObject,
            // The specification defines no spelling for these shapes (a scalar, or Stripe's deepObject
            // lists): they are sent as form parameters, as most servers expect.
            "spaceDelimited" or "pipeDelimited" or "deepObject" when where == ParameterLocation.Query => ParameterStyle.Form,
            _ => null,
        };

        if (style is null)
        {
            var at = parameter.GetProperty("style");
            Report(
                DiagnosticDescriptors.Unsupported,
                at is null ? Span(parameter) : Span(at.Value),
                $"The style '{name}' of the {where.ToString().ToLowerInvariant()} parameter '{wireName}'",
                $"the default style ({fallback.ToString().ToLowerInvariant()}) is used");
            style = fallback;
        }

        var explode = parameter["explode"]?.AsBoolean() ?? style == ParameterStyle.Form;
        return (style.Value, explode);
    }

    /// <summary>An object sent as its top-level properties: a generated class, a map of scalars, or free-form JSON.</summary>
    private static bool IsObjectParameter(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.JsonObject => true,
        TypeKind.Dictionary => type.Element is { } element && IsSimple(element),
        _ => false,
    };

    /// <summary>Whether a <c>oneOf</c>/<c>anyOf</c> schema only allows strings, numbers, booleans and null.</summary>
    private bool IsScalarUnion(JsonObject? schema)
    {
        var members = schema is null ? null : (schema.GetArray("anyOf") ?? schema.GetArray("oneOf"));
        if (members is null)
        {
            return false;
        }

        foreach (var item in members.Items)
        {
            var member = item as JsonObject;
            for (var depth = 0; member?.GetString("$ref") is { } reference && depth < 16; depth++)
            {
                member = ResolvePointer(reference) as JsonObject;
            }

            if (member is null || member.Has("properties") || member.Has("items"))
            {
                return false;
            }

            var types = TypeNames(member);
            var scalar = types.Count > 0
                ? types.All(t => t is "string" or "integer" or "number" or "boolean" or "null")
                : member.Has("enum") || member.Has("const");
            if (!scalar)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSimple(TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Decimal or TypeKind.Boolean
            or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Enum => true,
        TypeKind.List => type.Element is { } element && element.Kind != TypeKind.List && IsSimple(element),
        _ => false,
    };

    private void ReadPath(OperationDraft draft, string path)
    {
        var position = 0;
        foreach (Match match in Regex.Matches(path, @"\{([^}]*)\}"))
        {
            if (match.Index > position)
            {
                draft.PathParts.Add(new PathPart(path.Substring(position, match.Index - position), null));
            }

            var wireName = match.Groups[1].Value;
            var parameter = draft.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.WireName == wireName);
            if (parameter is null)
            {
                Report(DiagnosticDescriptors.Unsupported, draft.Location, $"The path parameter '{wireName}' without a definition", "it is taken as a required string");
                var taken = new HashSet<string>(draft.Parameters.Select(p => p.Name), StringComparer.Ordinal) { "body", "cancellationToken", "pageSize" };
                var name = UniqueMember(Naming.ToCamel(wireName).Length > 0 ? Naming.ToCamel(wireName) : "parameter", taken, "Parameter", wireName, draft.Location);
                parameter = new ParameterModel(name, wireName, ParameterLocation.Path, new TypeRef(TypeKind.String, false), true, ParameterStyle.Simple, false, null);
                draft.Parameters.Add(parameter);
            }

            draft.PathParts.Add(new PathPart(null, parameter.Name));
            position = match.Index + match.Length;
        }

        if (position < path.Length)
        {
            draft.PathParts.Add(new PathPart(path.Substring(position), null));
        }

        // Path parameters the template does not use would never be sent: drop them.
        var used = new HashSet<string>(draft.PathParts.Where(p => p.Parameter is not null).Select(p => p.Parameter!), StringComparer.Ordinal);
        draft.Parameters.RemoveAll(p => p.In == ParameterLocation.Path && !used.Contains(p.Name));
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
