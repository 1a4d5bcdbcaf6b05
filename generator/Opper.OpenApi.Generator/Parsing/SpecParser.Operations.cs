using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Json;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Parsing;

/// <summary>Operations: where they are, their tags, sub-clients and method names; their parts are read by the other files.</summary>
internal sealed partial class SpecParser
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

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
}
