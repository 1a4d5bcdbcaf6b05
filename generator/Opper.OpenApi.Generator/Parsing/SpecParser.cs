using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Json;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Parsing;

/// <summary>
/// Turns one OpenAPI 3.0/3.1 JSON document into the generator's <see cref="SpecModel"/>: a pure
/// function of the spec text and options. It never throws for a bad spec: everything it cannot
/// understand becomes a diagnostic that points into the document, plus a fallback (usually
/// <c>JToken</c>) so that the generated code still compiles.
/// </summary>
internal sealed partial class SpecParser
{
    private readonly SpecInput _input;
    private readonly CancellationToken _cancellationToken;
    private readonly LineMap _lines;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly List<string> _claimedNames = new();
    private readonly List<TypeModel> _types = new();
    private JsonObject _root = null!;
    private string _clientName = string.Empty;

    private SpecParser(SpecInput input, CancellationToken cancellationToken)
    {
        _input = input;
        _cancellationToken = cancellationToken;
        _lines = new LineMap(input.Path, input.Text);
    }

    public static SpecModel Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var parser = new SpecParser(input, cancellationToken);
        try
        {
            return parser.Run();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // A generator must never crash the build: report and emit nothing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var diagnostics = new[]
            {
                new DiagnosticInfo(DiagnosticDescriptors.InternalError, null, new[] { ex.GetType().Name + ": " + ex.Message }.ToEquatableArray()),
            };
            return new SpecModel(parser.DefaultSettings(), EquatableArray<TypeModel>.Empty, EquatableArray<ClientModel>.Empty, diagnostics.ToEquatableArray(), Valid: false);
        }
    }

    private SpecModel Run()
    {
        JsonNode document;
        var yaml = SpecFiles.IsYaml(_input.Path);
        try
        {
            // Both readers build the same positioned nodes: nothing below knows the syntax.
            document = yaml ? YamlReader.Parse(_input.Text) : JsonParser.Parse(_input.Text);
        }
        catch (JsonParseException ex)
        {
            var offset = Math.Min(ex.Offset, _input.Text.Length);
            Report(DiagnosticDescriptors.Malformed, _lines.Location(offset, Math.Min(offset + 1, _input.Text.Length)), yaml ? "YAML" : "JSON", ex.Message);
            return Empty();
        }

        if (document is not JsonObject root)
        {
            Report(DiagnosticDescriptors.NotOpenApi, _lines.Location(document.Start, document.End), "the top-level value is not an object");
            return Empty();
        }

        _root = root;
        var version = root.GetString("openapi");
        if (version is null || !version.StartsWith("3.", StringComparison.Ordinal))
        {
            var reason = root.GetString("swagger") is { } swagger
                ? $"it is a Swagger {swagger} document; convert it to OpenAPI 3 first"
                : "it has no 'openapi: 3.x' version field";
            var at = root.GetProperty("openapi") ?? root.GetProperty("swagger");
            Report(DiagnosticDescriptors.NotOpenApi, at is null ? _lines.Location(root.Start, root.Start + 1) : Span(at), reason);
            return Empty();
        }

        var settings = ReadSettings();
        _clientName = settings.ClientName;

        ReserveComponentNames();
        foreach (var component in ComponentSchemas())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            ResolveComponent(component.Name);
        }

        var operations = ReadOperations();
        DrainPendingTypes();
        var clients = BuildClients(operations);

        return new SpecModel(settings, _types.ToEquatableArray(), clients, _diagnostics.ToEquatableArray(), Valid: true);
    }

    private SpecModel Empty() =>
        new(DefaultSettings(), EquatableArray<TypeModel>.Empty, EquatableArray<ClientModel>.Empty, _diagnostics.ToEquatableArray(), Valid: false);

    // ---------------------------------------------------------------- settings

    /// <summary>The file name without <c>.openapi.json</c> (or <c>.yaml</c>, <c>.yml</c>): <c>drawing-3.1.openapi.json</c> → <c>drawing-3.1</c>.</summary>
    private string SpecStem()
    {
        var fileName = System.IO.Path.GetFileName(_input.Path);
        if (SpecFiles.Suffix(fileName) is { } suffix && fileName.Length > suffix.Length)
        {
            return fileName.Substring(0, fileName.Length - suffix.Length);
        }

        var dot = fileName.IndexOf('.');
        return dot > 0 ? fileName.Substring(0, dot) : fileName;
    }

    private ClientSettings DefaultSettings()
    {
        var clientName = NonEmpty(_input.ClientName) ?? NonEmpty(Naming.ToPascal(SpecStem())) ?? "Api";
        clientName = Naming.ToPascal(clientName);
        var clientNamespace = NonEmpty(_input.Namespace) ?? "Opper";
        var modelsNamespace = NonEmpty(_input.ModelsNamespace) ?? clientNamespace + ".Models";
        var userAgent = NonEmpty(_input.UserAgent) ?? clientName.ToLowerInvariant() + "-dotnet";
        var envVars = NonEmpty(_input.ApiKeyEnvironmentVariables) ?? UpperSnake(clientName) + "_API_KEY";
        var envList = envVars.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Trim())
            .Where(v => v.Length > 0)
            .ToEquatableArray();
        return new ClientSettings(
            SpecStem(),
            clientNamespace,
            modelsNamespace,
            clientName,
            DefaultBaseUrl: string.Empty,
            userAgent,
            envList,
            AuthHeader: "Authorization",
            AuthScheme: "Bearer",
            RequiresApiKey: false,
            Title: clientName,
            ApiVersion: string.Empty);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private static string UpperSnake(string pascal) => string.Join("_", Naming.Words(pascal).Select(w => w.ToUpperInvariant()));

    private ClientSettings ReadSettings()
    {
        var settings = DefaultSettings();
        var info = _root.GetObject("info");
        var title = info?.GetString("title") ?? settings.Title;
        var apiVersion = info?.GetString("version") ?? string.Empty;

        var baseUrl = string.Empty;
        if (_root.GetArray("servers") is { Items.Count: > 0 } servers && servers.Items[0] is JsonObject server)
        {
            baseUrl = ExpandServerUrl(server);
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) || (parsed.Scheme != "http" && parsed.Scheme != "https"))
        {
            baseUrl = string.Empty; // relative or missing: the user must set BaseUrl
        }

        var (header, scheme, requires) = ReadSecurity();
        return settings with
        {
            DefaultBaseUrl = baseUrl,
            AuthHeader = header,
            AuthScheme = scheme,
            RequiresApiKey = requires,
            Title = title,
            ApiVersion = apiVersion,
        };
    }

    private static string ExpandServerUrl(JsonObject server)
    {
        var url = server.GetString("url") ?? string.Empty;
        if (server.GetObject("variables") is { } variables)
        {
            foreach (var variable in variables.Properties)
            {
                var value = (variable.Value as JsonObject)?.GetString("default") ?? string.Empty;
                url = url.Replace("{" + variable.Name + "}", value);
            }
        }

        return url;
    }

    private (string Header, string Scheme, bool Requires) ReadSecurity()
    {
        var schemes = _root.GetObject("components")?.GetObject("securitySchemes");
        if (schemes is null || schemes.Properties.Count == 0)
        {
            return ("Authorization", "Bearer", false);
        }

        // The first scheme named by a security requirement (global, else the first operation's).
        var names = new List<string>();
        void Collect(JsonArray? requirements)
        {
            if (requirements is null)
            {
                return;
            }

            foreach (var requirement in requirements.Items.OfType<JsonObject>())
            {
                names.AddRange(requirement.Properties.Select(p => p.Name));
            }
        }

        Collect(_root.GetArray("security"));
        foreach (var operation in EnumerateOperationNodes())
        {
            Collect(operation.Operation.GetArray("security"));
        }

        var requires = names.Count > 0;
        foreach (var name in names.Concat(schemes.Properties.Select(p => p.Name)))
        {
            if (schemes[name] is not JsonObject scheme)
            {
                continue;
            }

            scheme = Deref(scheme) ?? scheme;
            switch (scheme.GetString("type"))
            {
                case "http" when string.Equals(scheme.GetString("scheme"), "basic", StringComparison.OrdinalIgnoreCase):
                    return ("Authorization", "Basic", requires);
                case "http":
                case "oauth2":
                case "openIdConnect":
                    return ("Authorization", "Bearer", requires);
                case "apiKey" when scheme.GetString("in") == "header" && scheme.GetString("name") is { Length: > 0 } headerName:
                    return (headerName, string.Empty, requires);
            }
        }

        // No scheme the client can apply (an API key in the query or a cookie, mutual TLS): say so.
        var unusable = schemes.Properties.FirstOrDefault(p => p.Value is JsonObject);
        if (unusable is not null)
        {
            var scheme = Deref((JsonObject)unusable.Value) ?? (JsonObject)unusable.Value;
            var described = scheme.GetString("type") == "apiKey"
                ? $"an API key in the {scheme.GetString("in") ?? "(unplaced)"} named '{scheme.GetString("name")}'"
                : $"of type '{scheme.GetString("type")}'";
            Report(DiagnosticDescriptors.Unsupported, Span(unusable), $"The security scheme '{unusable.Name}' ({described})", "the API key is sent as a bearer token in the Authorization header");
        }

        return ("Authorization", "Bearer", requires);
    }

    // ---------------------------------------------------------------- diagnostics

    private LocationInfo Span(JsonNode node) => _lines.Location(node.Start, node.End);

    private LocationInfo Span(JsonProperty property) => _lines.Location(property.NameStart, property.NameEnd);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor, location, args.ToEquatableArray()));

    // ---------------------------------------------------------------- names

    /// <summary>
    /// Claims a C# type name: the first claimant keeps it, later ones get a numeric suffix and
    /// a warning. Components claim their names before any inline schema does.
    /// </summary>
    private string ClaimTypeName(string wanted, string what, string specName, LocationInfo? location, bool report = true)
    {
        if (wanted.Length == 0)
        {
            wanted = "Model";
        }

        if (IsReservedTypeName(wanted))
        {
            wanted += "Model";
        }

        if (_typeNames.Add(wanted))
        {
            _claimedNames.Add(wanted);
            return wanted;
        }

        for (var i = 2; ; i++)
        {
            var candidate = Naming.WithSuffix(wanted, i);
            if (_typeNames.Add(candidate))
            {
                _claimedNames.Add(candidate);
                if (report)
                {
                    Report(DiagnosticDescriptors.NameClash, location, what, specName, wanted, candidate);
                }

                return candidate;
            }
        }
    }

    // "Serialization" is the namespace of the generated converters, next to the models.
    private static bool IsReservedTypeName(string name) => name == "Serialization";

    // ---------------------------------------------------------------- $ref

    /// <summary>Follows a local JSON pointer (<c>#/components/schemas/Pet</c>).</summary>
    private JsonNode? ResolvePointer(string reference)
    {
        if (!reference.StartsWith("#", StringComparison.Ordinal))
        {
            return null;
        }

        var pointer = Uri.UnescapeDataString(reference.Substring(1));
        if (pointer.Length == 0)
        {
            return _root;
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        JsonNode? current = _root;
        foreach (var rawToken in pointer.Substring(1).Split('/'))
        {
            var token = rawToken.Replace("~1", "/").Replace("~0", "~");
            current = current switch
            {
                JsonObject obj => obj[token],
                JsonArray array when int.TryParse(token, out var index) && index >= 0 && index < array.Items.Count => array.Items[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Follows <c>$ref</c>s of a non-schema object (parameter, response, request body).</summary>
    private JsonObject? Deref(JsonObject node)
    {
        var seen = 0;
        while (node.GetString("$ref") is { } reference)
        {
            if (++seen > 32 || ResolvePointer(reference) is not JsonObject target)
            {
                Report(DiagnosticDescriptors.UnresolvedReference, Span(node.GetProperty("$ref")!.Value), reference, "it is left out");
                return null;
            }

            node = target;
        }

        return node;
    }
}
