using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Opper.OpenApi.Generator.Tests.Infrastructure;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>
/// Specs shaped like real public APIs (under <c>Specs/</c>): each generates code that compiles
/// with no errors and no warnings; the generator may warn only where it falls back.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class BreadthTests
{
    private static readonly string[] FallbackDiagnostics = { "OPENAPI002", "OPENAPI003", "OPENAPI004" };

    private static readonly ConcurrentDictionary<string, Lazy<GenerationResult>> Results = new(StringComparer.Ordinal);

    public static string[] SpecFiles() => Directory.GetFiles(TestPaths.Specs, "*.openapi.json")
        .Select(f => Path.GetFileName(f))
        .Where(f => f != "tiny-petstore.openapi.json")
        .OrderBy(f => f, StringComparer.Ordinal)
        .ToArray();

    /// <summary>One generation and compilation per spec, shared by the tests of this fixture.</summary>
    private static GenerationResult Generate(string file) =>
        Results.GetOrAdd(file, f => new Lazy<GenerationResult>(() => GeneratorHarness.Run(TestPaths.ReadSpec(f), f, OptionsFor(f)))).Value;

    // The weird spec is generated with the client named Acme, so that its tag "acme" and its
    // schemas "AcmeClient" and "AcmeJson" meet the client's own names.
    private static GeneratorOptions? OptionsFor(string file) => file == "weird-names.openapi.json" ? new GeneratorOptions(ClientName: "Acme") : null;

    private static Dictionary<string, object?> Args(params (string Name, object? Value)[] pairs) => pairs.ToDictionary(p => p.Name, p => p.Value);

    private static string BaseUrl(GenerationResult result, string prefix) =>
        (string)result.Symbol($"Acme.{prefix}ClientDefaults").GetMembers("BaseUrl").OfType<IFieldSymbol>().Single().ConstantValue!;

    [Test]
    public void There_are_enough_specs()
    {
        Assert.That(SpecFiles(), Has.Length.InRange(8, 12));
    }

    [TestCaseSource(nameof(SpecFiles))]
    public void Spec_generates_code_that_compiles_cleanly(string file)
    {
        var result = Generate(file);
        Assert.That(result.GeneratorDiagnostics.Select(d => d.Id), Has.All.AnyOf(FallbackDiagnostics), string.Join("\n", result.GeneratorDiagnostics.Select(GenerationResult.Describe)));
        Assert.That(result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        result.AssertCompiles();
        Assert.That(result.CompilerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(GenerationResult.Describe), Is.Empty, "compiler warnings");
        Assert.That(result.Sources.Keys.Count(k => k.Contains(".Models.", StringComparison.Ordinal)), Is.GreaterThan(3));
    }

    [TestCaseSource(nameof(SpecFiles))]
    public void Spec_compiles_under_TreatWarningsAsErrors_at_the_default_warning_level(string file)
    {
        var result = Generate(file);
        var strict = result.Compilation.WithOptions(result.Compilation.Options
            .WithWarningLevel(4)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        Assert.That(strict.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(GenerationResult.Describe), Is.Empty);
    }

    [TestCase("aws-secretsmanager.openapi.json")]
    [TestCase("aws-account.openapi.json")]
    public void Aws_documents_generate_without_nullable_warnings(string file)
    {
        // AWS documents describe each error status (480, 481...) with an empty schema (any JSON),
        // and wrap primitives in allOf to document them.
        var result = Generate(file);
        Assert.That(result.Sources.Values.Count(source => source.Contains("ErrorResponse(\"480\"", StringComparison.Ordinal)), Is.GreaterThan(0));
        Assert.That(result.CompilerDiagnostics.Where(d => d.Id.StartsWith("CS86", StringComparison.Ordinal)).Select(GenerationResult.Describe), Is.Empty);
    }

    [Test]
    public void Petstore()
    {
        var result = Generate("petstore.openapi.json");
        Assert.That(BaseUrl(result, "Petstore"), Is.Empty, "a relative server URL leaves BaseUrl to the caller");
        Assert.That(result.Parameters("Acme.PetClient", "FindByStatusAsync"), Is.EqualTo("PetFindByStatusStatus? status = null"));
        Assert.That(result.Parameters("Acme.PetClient", "UpdateAsync"), Is.EqualTo("Pet? body = null"), "a $ref'd requestBody; JSON chosen over XML");
        Assert.That(result.Parameters("Acme.PetClient", "UpdateWithFormAsync"), Is.EqualTo("long petId, string? name = null, string? status = null, HttpContent? body = null"));
        Assert.That(result.Parameters("Acme.PetClient", "DeleteAsync"), Is.EqualTo("long petId, string? apiKey = null"));
        Assert.That(result.Parameters("Acme.PetClient", "UploadFileAsync"), Is.EqualTo("long petId, string? additionalMetadata = null, Stream? body = null"));
        Assert.That(result.ReturnType("Acme.StoreClient", "GetInventoryAsync"), Is.EqualTo("Task<IDictionary<string, int>>"));
        Assert.That(result.ReturnType("Acme.UserClient", "LoginAsync"), Is.EqualTo("Task<string>"));
        Assert.That(result.ReturnType("Acme.UserClient", "CreateAsync"), Is.EqualTo("Task<User>"), "a default response is the success response");
        Assert.That(result.PropertyType("Acme.Models.Pet", "PhotoUrls"), Is.EqualTo("IList<string>"));
        Assert.That(result.PropertyType("Acme.Models.Pet", "Status"), Is.EqualTo("PetStatus?"));
        Assert.That(result.PropertyType("Acme.Models.Order", "ShipDate"), Is.EqualTo("DateTimeOffset?"));
    }

    [Test]
    public async Task Github()
    {
        var result = Generate("github.openapi.json");
        Assert.That(result.Parameters("Acme.ReactionsClient", "ListForIssueAsync"), Is.EqualTo("string owner, string repo, long issueNumber, ReactionsListForIssueContent? content = null, long? perPage = null, long? page = null"));
        Assert.That(result.ReturnType("Acme.UsersClient", "GetAuthenticatedAsync"), Is.EqualTo("Task<UsersGetAuthenticatedResponse>"));
        Assert.That(result.PropertyType("Acme.Models.Issue", "Milestone"), Is.EqualTo("Milestone?"), "allOf [$ref] with nullable: true");
        Assert.That(result.PropertyType("Acme.Models.Issue", "User"), Is.EqualTo("NullableSimpleUser?"), "a required property whose schema is nullable");
        Assert.That(result.PropertyType("Acme.Models.Issue", "Labels"), Is.EqualTo("IList<IssueLabelsItem>"));
        Assert.That(result.JsonName("Acme.Models.ReactionRollup", "Plus1"), Is.EqualTo("+1"));
        Assert.That(result.JsonName("Acme.Models.ReactionRollup", "Minus1"), Is.EqualTo("-1"));

        const string issue = """
            {"id":1,"node_id":"I_1","url":"https://api.github.com/repos/o/r/issues/5","number":5,"state":"open","title":"Bug","user":null,
             "labels":["bug",{"id":2,"name":"ui","color":null,"default":false}],"assignee":null,"milestone":null,"locked":false,"comments":0,
             "closed_at":null,"created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-02T00:00:00Z","author_association":"NEW_KIND",
             "reactions":{"url":"u","total_count":3,"+1":2,"-1":1,"laugh":0,"confused":0,"heart":0,"hooray":0,"eyes":0,"rocket":0}}
            """;
        var probe = new ClientProbe(request => request.RequestUri!.AbsolutePath.EndsWith("/reactions", StringComparison.Ordinal)
            ? ClientProbe.Json(HttpStatusCode.OK, "[]")
            : ClientProbe.Json(HttpStatusCode.OK, issue));
        var client = probe.CreateClient(result, prefix: "Github");
        var read = (await ClientProbe.InvokeAsync(Reflect.Get(client, "Issues")!, "GetAsync", Args(("owner", "o"), ("repo", "r"), ("issueNumber", 5L))))!;
        var labels = ((IList)Reflect.Get(read, "Labels")!).Cast<object>().ToList();
        Assert.That(Reflect.Call(labels[0], "AsString"), Is.EqualTo("bug"));
        Assert.That(Reflect.Get(Reflect.Call(labels[1], "AsIssueLabelsItemOption2")!, "Name"), Is.EqualTo("ui"));
        Assert.That(Reflect.Get(Reflect.Get(read, "Reactions")!, "Plus1"), Is.EqualTo(2L));
        Assert.That(Reflect.Get(Reflect.Get(read, "AuthorAssociation")!, "IsKnown"), Is.EqualTo(false), "an enum value added later");

        var content = Reflect.Static(result.Type("Acme.Models.ReactionsListForIssueContent"), "Plus1");
        await ClientProbe.InvokeAsync(Reflect.Get(client, "Reactions")!, "ListForIssueAsync", Args(("owner", "octo cat"), ("repo", "hello.world"), ("issueNumber", 5L), ("content", content), ("perPage", 10L)));
        Assert.That(probe.Requests[1].Uri.PathAndQuery, Is.EqualTo("/v1/repos/octo%20cat/hello.world/issues/5/reactions?content=%2B1&per_page=10"));
    }

    [Test]
    public void Stripe()
    {
        var result = Generate("stripe.openapi.json");
        Assert.That(result.Parameters("Acme.StripeClient", "GetCustomersAsync"), Is.EqualTo(
            "string? created = null, string? email = null, string? endingBefore = null, IList<string>? expand = null, long? limit = null, string? startingAfter = null"),
            "a form that can hold nothing is not a parameter; a structured query parameter is sent as a string");
        Assert.That(result.Diagnostics("OPENAPI003").Select(d => d.GetMessage()), Has.One.Contains("'created'"));
        Assert.That(result.GeneratedTypeNames(), Has.None.StartsWith("GetCustomersCreated"), "the degraded parameter leaves no unused types behind");
        Assert.That(result.Parameters("Acme.StripeClient", "PostCustomersAsync"), Is.EqualTo("HttpContent? body = null"));
        Assert.That(result.ReturnType("Acme.StripeClient", "GetCustomersCustomerAsync"), Is.EqualTo("Task<GetCustomersCustomerResponse>"));
        Assert.That(result.PropertyType("Acme.Models.Charge", "Customer"), Is.EqualTo("ChargeCustomer?"));
        Assert.That(result.PropertyType("Acme.Models.Charge", "Metadata"), Is.EqualTo("IDictionary<string, string>"));
        Assert.That(result.PropertyType("Acme.Models.Customer", "Address"), Is.EqualTo("Address?"));
        Assert.That(result.PropertyType("Acme.Models.DeletedCustomer", "Deleted"), Is.EqualTo("bool"));
        Assert.That(result.PropertyType("Acme.Models.ChargePaymentMethodDetailsCardInstallmentsPlan", "Interval"), Is.EqualTo("ChargePaymentMethodDetailsCardInstallmentsPlanInterval?"));

        // An expandable field: an id, or the expanded object.
        var charge = result.Type("Acme.Models.Charge");
        const string template = """{"amount":100,"billing_details":{},"captured":true,"created":1,"currency":"usd","id":"ch_1","livemode":false,"metadata":{"k":"v"},"object":"charge","paid":true,"status":"succeeded","customer":CUSTOMER}""";
        var byId = Reflect.Deserialize(charge, template.Replace("CUSTOMER", "\"cus_1\"", StringComparison.Ordinal));
        Assert.That(Reflect.Call(Reflect.Get(byId, "Customer")!, "AsString"), Is.EqualTo("cus_1"));
        Assert.That(Reflect.Get(Reflect.Get(byId, "Customer")!, "IsCustomer"), Is.EqualTo(false));
        var expanded = Reflect.Deserialize(charge, template.Replace("CUSTOMER", """{"id":"cus_1","object":"customer","created":1,"livemode":false,"email":null}""", StringComparison.Ordinal));
        Assert.That(Reflect.Get(Reflect.Call(Reflect.Get(expanded, "Customer")!, "AsCustomer")!, "Id"), Is.EqualTo("cus_1"));
        Assert.That(Reflect.Get(expanded, "AdditionalProperties") is IDictionary extra && extra.Contains("livemode"), Is.True, "required but not described: kept as an unknown field");
    }

    [Test]
    public async Task Drawing_openapi_3_1()
    {
        var result = Generate("drawing-3.1.openapi.json");
        Assert.That(result.Symbol("Acme.Drawing3_1Client"), Is.Not.Null, "the client is named after the whole file stem");
        Assert.That(BaseUrl(result, "Drawing3_1"), Is.EqualTo("https://eu.drawing.example.com/v2"), "server variables take their defaults");
        Assert.That(result.PropertyType("Acme.Models.Canvas", "Size"), Is.EqualTo("Size"), "a $defs entry is named by its key");
        Assert.That(result.PropertyType("Acme.Models.Canvas", "Layers"), Is.EqualTo("IList<Layer>?"));
        Assert.That(result.PropertyType("Acme.Models.Canvas", "Title"), Is.EqualTo("string?"));
        Assert.That(result.PropertyType("Acme.Models.Canvas", "Version"), Is.EqualTo("long?"), "const 2");
        Assert.That(result.PropertyType("Acme.Models.Canvas", "Background"), Is.EqualTo("Color?"), "a $ref with siblings");
        Assert.That(result.PropertyType("Acme.Models.Rectangle", "CornerRadius"), Is.EqualTo("double?"));
        Assert.That(result.PropertyType("Acme.Models.Problem", "Weights"), Is.EqualTo("IList<long?>?"));
        Assert.That(result.ReturnType("Acme.Models.Color", "AsColorNamed"), Is.EqualTo("ColorNamed?"), "an inline union member is named by its title");
        Assert.That(result.Parameters("Acme.ShapesClient", "ListAllAsync"), Is.EqualTo("string canvasId, IList<ShapeKind>? kind = null, double? minArea = null, int pageSize = 100"));
        Assert.That(result.ReturnType("Acme.CanvasesClient", "GetCanvasAsync"), Is.EqualTo("Task<Canvas>"), "a path item from components.pathItems");

        var pages = new Queue<string>(new[]
        {
            """{"items":[{"kind":"circle","center":{"x":0,"y":0},"radius":1},{"kind":"rectangle","topLeft":{"x":1,"y":1},"width":2,"height":3}],"total":3}""",
            """{"items":[{"kind":"polygon","points":[{"x":0,"y":0},{"x":1,"y":0},{"x":0,"y":1}]}],"total":3}""",
        });
        var probe = new ClientProbe(_ => ClientProbe.Json(HttpStatusCode.OK, pages.Dequeue()));
        var shapes = Reflect.Get(probe.CreateClient(result, prefix: "Drawing3_1"), "Shapes")!;
        var method = shapes.GetType().GetMethod("ListAllAsync")!;
        var all = method.Invoke(shapes, new object?[] { "c1", null, null, 2, default(System.Threading.CancellationToken) })!;
        var kinds = new List<string>();
        await foreach (var shape in (IAsyncEnumerable<object>)all)
        {
            kinds.Add((bool)Reflect.Get(shape, "IsCircle")! ? "circle" : (bool)Reflect.Get(shape, "IsRectangle")! ? "rectangle" : (bool)Reflect.Get(shape, "IsPolygon")! ? "polygon" : "?");
        }

        Assert.That(kinds, Is.EqualTo(new[] { "circle", "rectangle", "polygon" }));
        Assert.That(probe.Requests.Select(r => r.Uri.PathAndQuery), Is.EqualTo(new[] { "/v1/canvases/c1/shapes?offset=0&limit=2", "/v1/canvases/c1/shapes?offset=2&limit=2" }));
    }

    [Test]
    public async Task Kubernetes()
    {
        var result = Generate("kubernetes.openapi.json");
        Assert.That(result.Parameters("Acme.CoreV1Client", "ListNamespacedPodAsync"), Does.StartWith("string @namespace, string? pretty = null, bool? allowWatchBookmarks = null, string? @continue = null"));
        Assert.That(result.Parameters("Acme.CoreV1Client", "PatchNamespacedPodAsync"), Does.StartWith("string name, string @namespace, JObject body"));
        Assert.That(result.ReturnType("Acme.CoreV1Client", "ReadNamespacedPodLogAsync"), Is.EqualTo("Task<string>"));
        Assert.That(result.PropertyType("Acme.Models.IoK8sApiCoreV1Pod", "Metadata"), Is.EqualTo("IoK8sApimachineryPkgApisMetaV1ObjectMeta?"));
        Assert.That(result.PropertyType("Acme.Models.IoK8sApimachineryPkgApisMetaV1ObjectMeta", "CreationTimestamp"), Is.EqualTo("DateTimeOffset?"));
        Assert.That(result.PropertyType("Acme.Models.IoK8sApiCoreV1ResourceRequirements", "Limits"), Is.EqualTo("IDictionary<string, string>?"));
        Assert.That(result.PropertyType("Acme.Models.IoK8sApiCoreV1HTTPGetAction", "Port"), Is.EqualTo("IoK8sApimachineryPkgUtilIntstrIntOrString"));
        Assert.That(result.PropertyNames("Acme.Models.IoK8sExampleV1Level11"), Is.EqualTo(Enumerable.Range(0, 12).Select(i => "Field" + i).ToArray()), "a twelve-step allOf chain");

        var port = Reflect.Deserialize(result.Type("Acme.Models.IoK8sApimachineryPkgUtilIntstrIntOrString"), "8080");
        Assert.That(Reflect.Call(port, "AsInt32"), Is.EqualTo(8080));
        var named = Reflect.Deserialize(result.Type("Acme.Models.IoK8sApimachineryPkgUtilIntstrIntOrString"), "\"http\"");
        Assert.That(Reflect.Get(named, "IsInt32"), Is.EqualTo(false));

        var probe = new ClientProbe(_ => ClientProbe.Json(HttpStatusCode.OK, """{"kind":"Pod","metadata":{"name":"p"}}"""));
        var core = Reflect.Get(probe.CreateClient(result, prefix: "Kubernetes"), "CoreV1")!;
        var patch = Newtonsoft.Json.Linq.JObject.Parse("""{"metadata":{"labels":{"a":"b"}}}""");
        var pod = await ClientProbe.InvokeAsync(core, "PatchNamespacedPodAsync", Args(("name", "p"), ("namespace", "default"), ("body", patch), ("dryRun", "All")));
        Assert.That(Reflect.Get(Reflect.Get(pod!, "Metadata")!, "Name"), Is.EqualTo("p"));
        var request = probe.Requests.Single();
        Assert.That(request.Method + " " + request.Uri.PathAndQuery, Is.EqualTo("PATCH /v1/api/v1/namespaces/default/pods/p?dryRun=All"));
        Assert.That(request.MediaType, Is.EqualTo("application/json-patch+json"));
        Assert.That(request.Body, Is.EqualTo("""{"metadata":{"labels":{"a":"b"}}}"""));
    }

    [Test]
    public async Task Azure()
    {
        var result = Generate("azure-storage.openapi.json");
        Assert.That(result.PropertyNames("Acme.Models.StorageAccount"), Is.EqualTo(new[] { "Id", "Name", "Type", "SystemData", "Tags", "Location", "Sku", "Kind", "Identity", "Properties", "Etag" }));
        Assert.That(result.PropertyType("Acme.Models.StorageAccount", "Location"), Is.EqualTo("string"));
        Assert.That(result.PropertyType("Acme.Models.StorageAccount", "Properties"), Is.EqualTo("StorageAccountProperties?"));
        Assert.That(result.PropertyType("Acme.Models.Identity", "UserAssignedIdentities"), Is.EqualTo("IDictionary<string, UserAssignedIdentity>?"));
        Assert.That(result.PropertyType("Acme.Models.ErrorDetail", "Details"), Is.EqualTo("IList<ErrorDetail>?"));
        Assert.That(result.Parameters("Acme.StorageAccountsClient", "GetPropertiesAsync"), Is.EqualTo("string resourceGroupName, string accountName, string apiVersion, string subscriptionId, StorageAccountsGetPropertiesExpand? expand = null"));

        // The properties are a discriminated union of tiers whose properties are all optional.
        var account = Reflect.Deserialize(result.Type("Acme.Models.StorageAccount"), """{"location":"westeurope","properties":{"accessTierKind":"Cool","coolMoveAfterDays":30}}""");
        var properties = Reflect.Get(account, "Properties")!;
        Assert.That(Reflect.Get(properties, "IsHotTierProperties"), Is.EqualTo(false));
        Assert.That(Reflect.Get(Reflect.Call(properties, "AsCoolTierProperties")!, "CoolMoveAfterDays"), Is.EqualTo(30));

        var probe = new ClientProbe(_ => ClientProbe.Json(HttpStatusCode.BadRequest, """{"error":{"code":"InvalidName","message":"bad","details":[{"code":"Inner"}]}}"""));
        var accounts = Reflect.Get(probe.CreateClient(result, prefix: "AzureStorage"), "StorageAccounts")!;
        var expand = Reflect.Static(result.Type("Acme.Models.StorageAccountsGetPropertiesExpand"), "GeoReplicationStats");
        Exception? failure = null;
        try
        {
            await ClientProbe.InvokeAsync(accounts, "GetPropertiesAsync", Args(("resourceGroupName", "rg"), ("accountName", "acct"), ("apiVersion", "2023-05-01"), ("subscriptionId", "sub"), ("expand", expand)));
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        Assert.That(failure?.GetType().Name, Is.EqualTo("AzureStorageBadRequestException"));
        var error = Reflect.Get(Reflect.Get(failure!, "Error")!, "Error")!;
        Assert.That(Reflect.Get(error, "Code"), Is.EqualTo("InvalidName"), "the default response's CloudError is the typed error");
        Assert.That(probe.Requests.Single().Uri.PathAndQuery, Is.EqualTo("/v1/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct?api-version=2023-05-01&%24expand=geoReplicationStats"));
    }

    [Test]
    public void Weird_names()
    {
        var result = Generate("weird-names.openapi.json");
        var root = result.Symbol("Acme.AcmeClient");
        Assert.That(root.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name), Is.SupersetOf(new[] { "AcmeOperations", "DisposeOperations", "Dogs", "Pipeline" }),
            "tags named like the client or its Dispose method are renamed; other tags keep their names");
        Assert.That(result.Diagnostics("OPENAPI004").Select(d => d.GetMessage()), Has.Some.Contains("Tag 'acme'").And.Some.Contains("Tag 'Dispose'"));
        Assert.That(result.Parameters("Acme.AcmeOperationsClient", "GetThingAsync"), Is.EqualTo(
            "string idWithDots, string? bodyQuery = null, string? cancellationTokenQuery = null, long? pageSizeQuery = null, string? request = null, string? parameter = null, string? filter = null, string? filterQuery = null, string? xApiKey = null, string? bodyHeader = null, string? ünïcödé = null, long? @int = null, string? value = null"));
        Assert.That(result.Symbol("Acme.Models.System").GetMembers("String"), Is.Not.Empty);
        Assert.That(result.Symbol("Acme.Models.SerializationModel"), Is.Not.Null);
        Assert.That(result.PropertyType("Acme.Models.Class", "List"), Is.EqualTo("IList<JToken?>?"), "a self-referencing array falls back (and says so)");

        const string json = """{"class":"c","Class":1,"string":"s","object":{"type":"t","Object":"o"},"Equals":"e","GetHashCode":"h","__present0":"p","_additionalProperties":"a","IsSet":true,"value":"v","":"empty"," ":"space","a\"b":"q","line\nbreak":"n","tab\there":"t","emoji 🎉":"🎉","+1":1,"-1":-1,"1":1,"2.5":2.5,"kind":"+1","task":{"result":"r"},"jtoken":{"type":"x"},"later":[1]}""";
        var value = Reflect.Deserialize(result.Type("Acme.Models.Class"), json);
        Assert.That(Reflect.Get(value, "ClassValue"), Is.EqualTo("c"));
        Assert.That(Reflect.Get(value, "ClassValue2"), Is.EqualTo(1L));
        Assert.That(Reflect.Get(value, "Present0"), Is.EqualTo("p"));
        Assert.That(Reflect.Get(value, "IsSetValue"), Is.EqualTo(true));
        Assert.That(Reflect.Call(value, "IsSet", "__present0"), Is.EqualTo(true));
        Assert.That(Reflect.Get(value, "Kind"), Is.EqualTo(Reflect.Static(result.Type("Acme.Models.Kind"), "Plus1")));
        Assert.That(Reflect.Serialize(value), Is.EqualTo(json));
    }
}
