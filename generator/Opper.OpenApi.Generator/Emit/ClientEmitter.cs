using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Emit;

/// <summary>Emits the typed clients: one class per tag, plus the root client's sub-client properties.</summary>
internal static class ClientEmitter
{
    private const string Task = "global::System.Threading.Tasks.Task";

    /// <summary>A sub-client class (or, for the untagged operations, a part of the root client).</summary>
    public static string EmitClient(ClientModel client, ClientSettings settings, bool asyncEnumerable)
    {
        var names = new EmitNames(settings);
        var writer = new SourceWriter();
        DocWriter.FileHeader(writer);
        writer.Open($"namespace {names.ClientNamespace}");
        var isRoot = client.Name.Length == 0;
        var className = isRoot ? settings.ClientName + "Client" : client.Name + "Client";
        if (isRoot)
        {
            writer.Open($"public partial class {className}");
        }
        else
        {
            DocWriter.Summary(writer, client.Doc, $"The operations tagged <c>{client.Name}</c>.");
            writer.Line($"/// <remarks>Reached through <see cref=\"{names.Runtime("Client")}.{client.Name}\"/>; methods are virtual so that tests can mock them.</remarks>");
            writer.Line(EmitNames.GeneratedCodeAttribute);
            writer.Open($"public partial class {className}");
            writer.Line($"private readonly {names.Runtime("Pipeline")} _pipeline;");
            writer.Line();
            writer.Line("/// <summary>For mocking: a sub-client that is not connected to anything.</summary>");
            writer.Open($"protected {className}()");
            writer.Line("_pipeline = null!;");
            writer.Close();
            writer.Line();
            writer.Open($"internal {className}({names.Runtime("Pipeline")} pipeline)");
            writer.Line("_pipeline = pipeline;");
            writer.Close();
            writer.Line();
        }

        foreach (var operation in client.Operations)
        {
            EmitErrorTable(writer, operation, names);
        }

        foreach (var operation in client.Operations)
        {
            EmitOperation(writer, operation, names);
            if (operation.Paging is not null && asyncEnumerable)
            {
                EmitPaging(writer, operation, operation.Paging, names);
            }
        }

        writer.Close();
        writer.Close();
        return writer.ToString().Replace("\n\n    }\n}", "\n    }\n}");
    }

    /// <summary>The root client's properties, one per sub-client.</summary>
    public static string EmitRoot(EquatableArray<string> groups, EquatableArray<string> docs, ClientSettings settings)
    {
        var names = new EmitNames(settings);
        var writer = new SourceWriter();
        DocWriter.FileHeader(writer);
        writer.Open($"namespace {names.ClientNamespace}");
        writer.Open($"public partial class {settings.ClientName}Client");
        for (var i = 0; i < groups.Count; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            var group = groups[i];
            var field = "_" + char.ToLowerInvariant(group[0]) + group.Substring(1) + "Client";
            writer.Line($"private {group}Client? {field};");
            writer.Line();
            DocWriter.Summary(writer, docs[i].Length == 0 ? null : docs[i], $"The operations tagged <c>{group}</c>.");
            writer.Line($"public virtual {group}Client {group} => {field} ??= new {group}Client(_pipeline);");
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static string ErrorTable(OperationModel operation) => "s_" + char.ToLowerInvariant(operation.MethodName[0]) + operation.MethodName.Substring(1) + "Errors";

    private static void EmitErrorTable(SourceWriter writer, OperationModel operation, EmitNames names)
    {
        var entries = operation.Errors.Select(e =>
        {
            var read = e.Type is null
                ? "null"
                : $"static reader => (object){TypeSyntax.Read(e.Type.WithNullable(false), names, "reader")}";
            return $"new {names.Runtime("ErrorResponse")}({Naming.Literal(e.Status)}, {read})";
        }).ToList();
        writer.Line($"private static readonly {names.Runtime("ErrorResponse")}[] {ErrorTable(operation)} = new {names.Runtime("ErrorResponse")}[]");
        writer.Open();
        foreach (var entry in entries)
        {
            writer.Line(entry + ",");
        }

        writer.Close(";");
        writer.Line();
    }

    private static string ReturnType(OperationModel operation, EmitNames names) => operation.Response.Kind switch
    {
        ResponseKind.Json => $"{Task}<{TypeSyntax.CSharp(operation.Response.Type!.WithNullable(false), names)}>",
        ResponseKind.Text => $"{Task}<string>",
        ResponseKind.Binary => $"{Task}<byte[]>",
        _ => Task,
    };

    private static string BodyType(BodyModel body, EmitNames names) => body.Kind switch
    {
        BodyKind.Json => TypeSyntax.CSharp(body.Type!.WithNullable(!body.Required || body.Type!.Nullable), names),
        BodyKind.Text => body.Required ? "string" : "string?",
        BodyKind.Binary => body.Required ? "global::System.IO.Stream" : "global::System.IO.Stream?",
        _ => body.Required ? "global::System.Net.Http.HttpContent" : "global::System.Net.Http.HttpContent?",
    };

    /// <summary>The method's parameter list: required parameters, the body, optional parameters, the token.</summary>
    private static List<string> Signature(OperationModel operation, EmitNames names, IEnumerable<ParameterModel>? only = null, bool includeBody = true)
    {
        var parameters = (only ?? operation.Parameters).ToList();
        var list = new List<string>();
        foreach (var parameter in parameters.Where(p => p.Required))
        {
            list.Add($"{TypeSyntax.CSharp(parameter.Type, names)} {Naming.EscapeKeyword(parameter.Name)}");
        }

        if (includeBody && operation.Body is { } body && body.Required)
        {
            list.Add($"{BodyType(body, names)} body");
        }

        foreach (var parameter in parameters.Where(p => !p.Required))
        {
            list.Add($"{TypeSyntax.CSharp(parameter.Type.WithNullable(true), names)} {Naming.EscapeKeyword(parameter.Name)} = null");
        }

        if (includeBody && operation.Body is { } optional && !optional.Required)
        {
            list.Add($"{BodyType(optional, names)} body = null");
        }

        return list;
    }

    private static void EmitDocs(SourceWriter writer, OperationModel operation, EmitNames names, IEnumerable<ParameterModel> parameters, bool includeBody)
    {
        DocWriter.Summary(writer, operation.Summary ?? operation.Description, $"<c>{operation.HttpMethod} {Naming.XmlLine(operation.Path)}</c>");
        writer.Line("/// <remarks>");
        if (operation.Summary is not null && operation.Description is not null)
        {
            foreach (var line in Naming.Xml(operation.Description.Trim()).Split('\n'))
            {
                writer.Line(("/// " + line.TrimEnd()).TrimEnd());
            }

            writer.Line("///");
        }

        writer.Line($"/// <c>{operation.HttpMethod} {Naming.XmlLine(operation.Path)}</c> (operation <c>{Naming.XmlLine(operation.OperationId)}</c>).");

        writer.Line("/// </remarks>");
        foreach (var parameter in parameters.Where(p => p.Required))
        {
            DocWriter.Tag(writer, "param", $" name=\"{parameter.Name}\"", parameter.Doc ?? $"The {parameter.WireName} {parameter.In.ToString().ToLowerInvariant()} parameter.");
        }

        if (includeBody && operation.Body is { Required: true } body)
        {
            DocWriter.Tag(writer, "param", " name=\"body\"", body.Doc ?? "The request body.");
        }

        foreach (var parameter in parameters.Where(p => !p.Required))
        {
            DocWriter.Tag(writer, "param", $" name=\"{parameter.Name}\"", DocWriter.Sentence(parameter.Doc ?? $"The {parameter.WireName} {parameter.In.ToString().ToLowerInvariant()} parameter.") + " Left out of the request when null.");
        }

        if (includeBody && operation.Body is { Required: false } optional)
        {
            DocWriter.Tag(writer, "param", " name=\"body\"", optional.Doc ?? "The request body, if any.");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the call, including its retries.</param>");
    }

    private static void EmitExceptions(SourceWriter writer, OperationModel operation, EmitNames names)
    {
        var documented = operation.Errors.Count == 0
            ? string.Empty
            : " Documented: " + string.Join("; ", operation.Errors.Select(e =>
                (e.Status == "DEFAULT" ? "any other status" : e.Status)
                + (string.IsNullOrWhiteSpace(e.Description) ? string.Empty : " (" + Naming.XmlLine(e.Description!.Trim().TrimEnd('.')) + ")"))) + ".";
        writer.Line($"/// <exception cref=\"{names.Runtime("ApiException")}\">The service answered with an error status (a subclass names the status).{documented}</exception>");
        if (operation.Response.Kind == ResponseKind.Json)
        {
            writer.Line($"/// <exception cref=\"{names.Runtime("SerializationException")}\">The success body does not match the specification.</exception>");
        }

        writer.Line($"/// <exception cref=\"{names.Runtime("TimeoutException")}\">The last attempt ran past the timeout.</exception>");
        writer.Line("/// <exception cref=\"global::System.OperationCanceledException\">The <paramref name=\"cancellationToken\"/> was cancelled.</exception>");
    }

    private static void EmitOperation(SourceWriter writer, OperationModel operation, EmitNames names)
    {
        EmitDocs(writer, operation, names, operation.Parameters, includeBody: true);
        writer.Line(operation.Response.Kind switch
        {
            ResponseKind.Json => "/// <returns>The response body.</returns>",
            ResponseKind.Text => "/// <returns>The response text.</returns>",
            ResponseKind.Binary => "/// <returns>The response bytes.</returns>",
            _ => "/// <returns>A task that completes when the service has answered.</returns>",
        });
        EmitExceptions(writer, operation, names);
        if (operation.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"The API specification marks this operation as deprecated.\")]");
        }

        var parameters = Signature(operation, names);
        parameters.Add($"{EmitNames.CancellationToken} cancellationToken = default");
        writer.Open($"public virtual {ReturnType(operation, names)} {operation.MethodName}Async({string.Join(", ", parameters)})");

        foreach (var parameter in operation.Parameters.Where(p => p.Required && !p.Type.IsValueType && !p.Type.Nullable))
        {
            var name = Naming.EscapeKeyword(parameter.Name);
            writer.Open($"if ({name} is null)");
            writer.Line($"throw new global::System.ArgumentNullException(nameof({name}));");
            writer.Close();
            writer.Line();
        }

        // A required body is checked unless null is a value the spec allows (or C# cannot hold null).
        if (operation.Body is { Required: true } checkedBody && (checkedBody.Kind != BodyKind.Json || (!checkedBody.Type!.Nullable && !checkedBody.Type.IsValueType)))
        {
            writer.Open("if (body is null)");
            writer.Line("throw new global::System.ArgumentNullException(nameof(body));");
            writer.Close();
            writer.Line();
        }

        writer.Line($"var __request = new {names.Runtime("Request")}({Naming.Literal(operation.HttpMethod)}, {Naming.Literal(operation.OperationId)}, {Naming.Literal(operation.Path)});");
        foreach (var part in operation.PathParts)
        {
            if (part.Literal is not null)
            {
                writer.Line($"__request.AppendPath({Naming.Literal(part.Literal)});");
            }
            else
            {
                ParameterEmitter.EmitPathParameter(writer, operation.Parameters.First(p => p.Name == part.Parameter), names);
            }
        }

        foreach (var parameter in operation.Parameters.Where(p => p.In != ParameterLocation.Path))
        {
            ParameterEmitter.EmitQueryOrHeader(writer, parameter, names);
        }

        if (operation.Body is { } body)
        {
            switch (body.Kind)
            {
                case BodyKind.Json when body.Required:
                    writer.Line($"__request.SetJsonBody(body, static (writer, value) => {TypeSyntax.Write(body.Type!, names, "writer", "value")}, {Naming.Literal(body.MediaType)});");
                    break;
                case BodyKind.Json:
                    writer.Open("if (body is not null)");
                    writer.Line($"__request.SetJsonBody(body, static (writer, value) => {TypeSyntax.Write(body.Type!.WithNullable(false), names, "writer", body.Type!.IsValueType ? "value!.Value" : "value!")}, {Naming.Literal(body.MediaType)});");
                    writer.Close();
                    break;
                case BodyKind.Text:
                    writer.Line($"__request.SetTextBody(body, {Naming.Literal(body.MediaType)});");
                    break;
                case BodyKind.Binary:
                    writer.Line($"__request.SetStreamBody(body, {Naming.Literal(body.MediaType)});");
                    break;
                default:
                    writer.Line("__request.SetContent(body);");
                    break;
            }
        }

        var errors = ErrorTable(operation);
        switch (operation.Response.Kind)
        {
            case ResponseKind.Json:
                writer.Line($"return _pipeline.SendAsync(__request, {errors}, static reader => {TypeSyntax.Read(operation.Response.Type!.WithNullable(false), names, "reader")}, cancellationToken);");
                break;
            case ResponseKind.Text:
                writer.Line($"return _pipeline.SendTextAsync(__request, {errors}, cancellationToken);");
                break;
            case ResponseKind.Binary:
                writer.Line($"return _pipeline.SendBytesAsync(__request, {errors}, cancellationToken);");
                break;
            default:
                writer.Line($"return _pipeline.SendAsync(__request, {errors}, cancellationToken);");
                break;
        }

        writer.Close();
        writer.Line();
    }

    private static void EmitPaging(SourceWriter writer, OperationModel operation, PagingModel paging, EmitNames names)
    {
        var parameters = operation.Parameters.Where(p => p.Name != paging.OffsetParameter && p.Name != paging.LimitParameter).ToList();
        var itemType = TypeSyntax.CSharp(paging.ItemType, names);
        var pageType = TypeSyntax.CSharp(operation.Response.Type!.WithNullable(false), names);
        DocWriter.SummaryXml(writer, $"Every item of <see cref=\"{operation.MethodName}Async\"/>, fetching pages of <paramref name=\"pageSize\"/> as the enumeration needs them.");
        writer.Line("/// <remarks>");
        writer.Line("/// Pages are requested at offsets 0, pageSize, 2 × pageSize… until a page is short or empty, or");
        writer.Line("/// the total the server reports is reached. Only one page is held in memory at a time.");
        writer.Line("/// </remarks>");
        foreach (var parameter in parameters.Where(p => p.Required))
        {
            DocWriter.Tag(writer, "param", $" name=\"{parameter.Name}\"", parameter.Doc ?? $"The {parameter.WireName} parameter.");
        }

        if (operation.Body is { Required: true } body)
        {
            DocWriter.Tag(writer, "param", " name=\"body\"", body.Doc ?? "The request body.");
        }

        foreach (var parameter in parameters.Where(p => !p.Required))
        {
            DocWriter.Tag(writer, "param", $" name=\"{parameter.Name}\"", DocWriter.Sentence(parameter.Doc ?? $"The {parameter.WireName} parameter.") + " Left out of the request when null.");
        }

        if (operation.Body is { Required: false })
        {
            writer.Line("/// <param name=\"body\">The request body, if any.</param>");
        }

        writer.Line("/// <param name=\"pageSize\">How many items to ask for per request.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the enumeration.</param>");
        writer.Line("/// <returns>The items, in the order the service lists them.</returns>");
        writer.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"pageSize\"/> is not positive.</exception>");
        if (operation.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"The API specification marks this operation as deprecated.\")]");
        }

        var signature = Signature(operation, names, parameters);
        signature.Add("int pageSize = 100");
        signature.Add($"{EmitNames.CancellationToken} cancellationToken = default");
        writer.Open($"public virtual global::System.Collections.Generic.IAsyncEnumerable<{itemType}> {operation.MethodName}AllAsync({string.Join(", ", signature)})");
        writer.Open("if (pageSize <= 0)");
        writer.Line("throw new global::System.ArgumentOutOfRangeException(nameof(pageSize), pageSize, \"The page size must be positive.\");");
        writer.Close();
        writer.Line();

        var offset = operation.Parameters.First(p => p.Name == paging.OffsetParameter);
        var limit = operation.Parameters.First(p => p.Name == paging.LimitParameter);
        var arguments = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var name = Naming.EscapeKeyword(parameter.Name);
            if (parameter == offset)
            {
                arguments.Add($"{name}: {(offset.Type.Kind == TypeKind.Int32 ? "(int)__offset" : "__offset")}");
            }
            else if (parameter == limit)
            {
                arguments.Add($"{name}: {(limit.Type.Kind == TypeKind.Int32 ? "(int)__limit" : "__limit")}");
            }
            else
            {
                arguments.Add($"{name}: {name}");
            }
        }

        if (operation.Body is not null)
        {
            arguments.Add("body: body");
        }

        arguments.Add("cancellationToken: __cancellationToken");
        var items = "__page." + string.Join(string.Empty, paging.Items.Select((s, i) => (i == 0 ? string.Empty : ".") + s.Property));
        var total = paging.Total.Count == 0
            ? "null"
            : "static __page => (long?)__page" + string.Join(string.Empty, paging.Total.Select((s, i) => (i > 0 && paging.Total[i - 1].Nullable ? "?." : ".") + s.Property));
        writer.Line($"return {names.Runtime("Paging")}.ByOffsetAsync<{pageType}, {itemType}>(");
        writer.Indent();
        writer.Line($"(__offset, __limit, __cancellationToken) => {operation.MethodName}Async({string.Join(", ", arguments)}),");
        writer.Line($"static __page => {items},");
        writer.Line($"{total},");
        writer.Line("pageSize,");
        writer.Line("cancellationToken);");
        writer.Outdent();
        writer.Close();
        writer.Line();
    }
}
