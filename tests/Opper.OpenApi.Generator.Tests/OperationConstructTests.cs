using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using Opper.OpenApi.Generator.Tests.Infrastructure;
using static Opper.OpenApi.Generator.Tests.Infrastructure.SpecBuilder;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>One small spec per operation construct: the method it becomes and the request it sends.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class OperationConstructTests
{
    private static Dictionary<string, object?> Args(params (string Name, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value);

    [Test]
    public async Task Keywords_as_parameter_and_path_names()
    {
        var result = GeneratorHarness.Run(Paths("""
            {
              "/things/{class}": {
                "get": {
                  "operationId": "getThing",
                  "tags": ["things"],
                  "parameters": [
                    { "name": "class", "in": "path", "required": true, "schema": { "type": "string" } },
                    { "name": "namespace", "in": "query", "required": true, "schema": { "type": "string" } },
                    { "name": "params", "in": "query", "schema": { "type": "integer" } },
                    { "name": "event", "in": "header", "schema": { "type": "string" } }
                  ],
                  "responses": { "204": { "description": "done" } }
                }
              }
            }
            """)).AssertClean();

        Assert.That(result.Parameters("Acme.ThingsClient", "GetAsync"), Is.EqualTo("string @class, string @namespace, long? @params = null, string? @event = null"));

        var probe = new ClientProbe(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var client = probe.CreateClient(result);
        var things = Reflect.Get(client, "Things")!;
        await ClientProbe.InvokeAsync(things, "GetAsync", Args(("class", "a b/c"), ("namespace", "n&s"), ("params", 3L), ("event", "e1")));

        var request = probe.Requests.Single();
        Assert.That(request.Method, Is.EqualTo("GET"));
        Assert.That(request.Uri.AbsoluteUri, Is.EqualTo("https://api.acme.test/v1/things/a%20b%2Fc?namespace=n%26s&params=3"));
        Assert.That(request.Headers["event"], Is.EqualTo("e1"));
    }

    [Test]
    public async Task Path_level_parameters_apply_to_every_operation_and_can_be_overridden()
    {
        var result = GeneratorHarness.Run(Paths("""
            {
              "/stores/{store_id}/pets": {
                "parameters": [
                  { "name": "store_id", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": "limit", "in": "query", "schema": { "type": "integer", "format": "int32" }, "description": "path level" }
                ],
                "get": {
                  "operationId": "listPets",
                  "tags": ["pets"],
                  "parameters": [ { "name": "limit", "in": "query", "schema": { "type": "integer" }, "description": "operation level" } ],
                  "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "type": "string" } } } } } }
                },
                "delete": {
                  "operationId": "deletePets",
                  "tags": ["pets"],
                  "responses": { "204": { "description": "gone" } }
                }
              }
            }
            """)).AssertClean();

        Assert.That(result.Parameters("Acme.PetsClient", "ListAsync"), Is.EqualTo("string storeId, long? limit = null"), "the operation's own limit (integer) wins");
        Assert.That(result.ReturnType("Acme.PetsClient", "ListAsync"), Is.EqualTo("Task<IList<string>>"));
        Assert.That(result.Parameters("Acme.PetsClient", "DeleteAsync"), Is.EqualTo("string storeId, int? limit = null"));

        var probe = new ClientProbe(request => request.Method == HttpMethod.Get
            ? ClientProbe.Json(HttpStatusCode.OK, """["a","b"]""")
            : new HttpResponseMessage(HttpStatusCode.NoContent));
        var pets = Reflect.Get(probe.CreateClient(result), "Pets")!;
        var list = await ClientProbe.InvokeAsync(pets, "ListAsync", Args(("storeId", "s1"), ("limit", 10L)));
        await ClientProbe.InvokeAsync(pets, "DeleteAsync", Args(("storeId", "s2")));

        Assert.That(list, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(probe.Requests.Select(r => r.Method + " " + r.Uri.PathAndQuery), Is.EqualTo(new[] { "GET /v1/stores/s1/pets?limit=10", "DELETE /v1/stores/s2/pets" }));
    }

    [Test]
    public async Task Query_parameters_of_every_simple_type_are_formatted_invariantly()
    {
        var result = GeneratorHarness.Run(Paths("""
            {
              "/search": {
                "get": {
                  "operationId": "search",
                  "parameters": [
                    { "name": "q", "in": "query", "required": true, "schema": { "type": "string" } },
                    { "name": "ratio", "in": "query", "schema": { "type": "number" } },
                    { "name": "exact", "in": "query", "schema": { "type": "boolean" } },
                    { "name": "since", "in": "query", "schema": { "type": "string", "format": "date-time" } },
                    { "name": "day", "in": "query", "schema": { "type": "string", "format": "date" } },
                    { "name": "sort", "in": "query", "schema": { "type": "string", "enum": ["asc", "desc"] } },
                    { "name": "ids", "in": "query", "schema": { "type": "array", "items": { "type": "integer" } } },
                    { "name": "tags", "in": "query", "explode": false, "schema": { "type": "array", "items": { "type": "string" } } },
                    { "name": "X-Trace", "in": "header", "schema": { "type": "array", "items": { "type": "string" } } },
                    { "name": "session", "in": "cookie", "schema": { "type": "string" } }
                  ],
                  "responses": { "200": { "description": "ok", "content": { "text/plain": { "schema": { "type": "string" } } } } }
                }
              }
            }
            """));
        result.AssertCompiles();
        Assert.That(result.Diagnostics("OPENAPI003").Select(d => d.GetMessage()), Has.One.Contains("cookie parameter 'session'"));
        Assert.That(result.Parameters("Acme.AcmeClient", "SearchAsync"), Is.EqualTo(
            "string q, double? ratio = null, bool? exact = null, DateTimeOffset? since = null, DateTime? day = null, SearchSort? sort = null, IList<long>? ids = null, IList<string>? tags = null, IList<string>? xTrace = null"));
        Assert.That(result.ReturnType("Acme.AcmeClient", "SearchAsync"), Is.EqualTo("Task<string>"));

        var probe = new ClientProbe(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("found") });
        var client = probe.CreateClient(result);
        var sortType = result.Type("Acme.Models.SearchSort");
        var text = await ClientProbe.InvokeAsync(client, "SearchAsync", Args(
            ("q", "a+b"),
            ("ratio", 0.5),
            ("exact", true),
            ("since", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)),
            ("day", new DateTime(2024, 2, 29)),
            ("sort", Reflect.Static(sortType, "Desc")),
            ("ids", new List<long> { 1, 2 }),
            ("tags", new List<string> { "x", "y" }),
            ("xTrace", new List<string> { "t1", "t2" })));

        Assert.That(text, Is.EqualTo("found"));
        var request = probe.Requests.Single();
        Assert.That(Uri.UnescapeDataString(request.Uri.Query), Is.EqualTo("?q=a+b&ratio=0.5&exact=true&since=2024-01-02T03:04:05Z&day=2024-02-29&sort=desc&ids=1&ids=2&tags=x,y"));
        Assert.That(request.Uri.Query, Does.StartWith("?q=a%2Bb&"));
        Assert.That(request.Headers["X-Trace"], Is.EqualTo("t1,t2"));
    }

    [Test]
    public async Task Default_and_range_responses_become_typed_errors()
    {
        var result = GeneratorHarness.Run(Document(
            """
            {
              "Pet": { "type": "object", "properties": { "name": { "type": "string" } } },
              "NotFound": { "type": "object", "properties": { "missing": { "type": "string" } } },
              "Problem": { "type": "object", "properties": { "title": { "type": "string" } } },
              "Error": { "type": "object", "properties": { "code": { "type": "integer" }, "message": { "type": "string" } } }
            }
            """,
            """
            {
              "/pets/{id}": {
                "get": {
                  "operationId": "getPet",
                  "tags": ["pets"],
                  "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                  "responses": {
                    "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } },
                    "404": { "description": "no pet", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NotFound" } } } },
                    "4XX": { "description": "client error", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
                    "default": { "description": "error", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                  }
                }
              },
              "/pets": {
                "get": {
                  "operationId": "listPets",
                  "tags": ["pets"],
                  "responses": {
                    "default": { "description": "the pets", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } } } } }
                  }
                }
              }
            }
            """)).AssertClean();

        Assert.That(result.ReturnType("Acme.PetsClient", "ListAsync"), Is.EqualTo("Task<IList<Pet>>"), "with no 2XX, default is the success response");

        var answers = new Queue<HttpResponseMessage>(new[]
        {
            ClientProbe.Json(HttpStatusCode.NotFound, """{"missing":"p1"}"""),
            new HttpResponseMessage((HttpStatusCode)418) { Content = new StringContent("""{"title":"teapot"}""", System.Text.Encoding.UTF8, "application/problem+json") },
            ClientProbe.Json(HttpStatusCode.ServiceUnavailable, """{"code":7,"message":"down"}"""),
        });
        var probe = new ClientProbe(_ => answers.Dequeue());
        var pets = Reflect.Get(probe.CreateClient(result), "Pets")!;

        async Task<Exception> Fail()
        {
            try
            {
                await ClientProbe.InvokeAsync(pets, "GetAsync", Args(("id", "p1")));
            }
            catch (TargetInvocationException ex)
            {
                return ex.InnerException!;
            }
            catch (Exception ex)
            {
                return ex;
            }

            throw new AssertionException("The call did not fail.");
        }

        var notFound = await Fail();
        Assert.That(notFound.GetType().Name, Is.EqualTo("AcmeNotFoundException"));
        Assert.That(Reflect.Get(notFound, "Error")!.GetType().Name, Is.EqualTo("NotFound"));
        Assert.That(Reflect.Get(Reflect.Get(notFound, "Error")!, "Missing"), Is.EqualTo("p1"));

        var teapot = await Fail();
        Assert.That(Reflect.Get(teapot, "StatusCode"), Is.EqualTo(418));
        Assert.That(Reflect.Get(Reflect.Get(teapot, "Error")!, "Title"), Is.EqualTo("teapot"));

        var unavailable = await Fail();
        Assert.That(unavailable.GetType().Name, Is.EqualTo("AcmeServerException"));
        Assert.That(Reflect.Get(Reflect.Get(unavailable, "Error")!, "Code"), Is.EqualTo(7L));
    }

    [Test]
    public async Task Non_json_bodies_and_responses()
    {
        var result = GeneratorHarness.Run(Paths("""
            {
              "/notes": {
                "post": {
                  "operationId": "createNote",
                  "tags": ["files"],
                  "requestBody": { "required": true, "content": { "text/plain": { "schema": { "type": "string" } } } },
                  "responses": { "200": { "description": "ok", "content": { "text/plain": { "schema": { "type": "string" } } } } }
                }
              },
              "/blobs": {
                "put": {
                  "operationId": "uploadBlob",
                  "tags": ["files"],
                  "requestBody": { "required": true, "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } },
                  "responses": { "201": { "description": "stored" } }
                },
                "get": {
                  "operationId": "downloadBlob",
                  "tags": ["files"],
                  "responses": { "200": { "description": "bytes", "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } } }
                }
              },
              "/forms": {
                "post": {
                  "operationId": "submitForm",
                  "tags": ["files"],
                  "requestBody": {
                    "content": {
                      "multipart/form-data": { "schema": { "type": "object", "properties": { "file": { "type": "string", "format": "binary" }, "name": { "type": "string" } } } }
                    }
                  },
                  "responses": { "204": { "description": "ok" } }
                }
              }
            }
            """)).AssertClean();

        Assert.That(result.Parameters("Acme.FilesClient", "CreateNoteAsync"), Is.EqualTo("string body"));
        Assert.That(result.ReturnType("Acme.FilesClient", "CreateNoteAsync"), Is.EqualTo("Task<string>"));
        Assert.That(result.Parameters("Acme.FilesClient", "UploadBlobAsync"), Is.EqualTo("Stream body"));
        Assert.That(result.ReturnType("Acme.FilesClient", "DownloadBlobAsync"), Is.EqualTo("Task<byte[]>"));
        Assert.That(result.Parameters("Acme.FilesClient", "SubmitFormAsync"), Is.EqualTo("HttpContent? body = null"));

        var probe = new ClientProbe(request => request.RequestUri!.AbsolutePath switch
        {
            "/v1/notes" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("saved: ü", System.Text.Encoding.UTF8, "text/plain") },
            "/v1/blobs" when request.Method == HttpMethod.Get => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[] { 1, 2, 255 }) },
            _ => new HttpResponseMessage(HttpStatusCode.Created),
        });
        var files = Reflect.Get(probe.CreateClient(result), "Files")!;
        Assert.That(await ClientProbe.InvokeAsync(files, "CreateNoteAsync", Args(("body", "hello"))), Is.EqualTo("saved: ü"));
        await ClientProbe.InvokeAsync(files, "UploadBlobAsync", Args(("body", new MemoryStream(new byte[] { 65, 66 }))));
        Assert.That(await ClientProbe.InvokeAsync(files, "DownloadBlobAsync"), Is.EqualTo(new byte[] { 1, 2, 255 }));
        using var form = new MultipartFormDataContent { { new StringContent("n"), "name" } };
        await ClientProbe.InvokeAsync(files, "SubmitFormAsync", Args(("body", form)));

        Assert.That(probe.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath} {r.MediaType}"), Is.EqualTo(new[]
        {
            "POST /v1/notes text/plain",
            "PUT /v1/blobs application/octet-stream",
            "GET /v1/blobs ",
            "POST /v1/forms multipart/form-data",
        }));
        Assert.That(probe.Requests[0].Body, Is.EqualTo("hello"));
        Assert.That(probe.Requests[1].Body, Is.EqualTo("AB"));
    }

    [Test]
    public async Task Json_bodies_required_optional_and_inline()
    {
        var result = GeneratorHarness.Run(Document(
            """
            { "Pet": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } } }
            """,
            """
            {
              "/pets": {
                "post": {
                  "operationId": "createPet",
                  "tags": ["pets"],
                  "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } },
                  "responses": { "201": { "description": "created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } }
                },
                "patch": {
                  "operationId": "renamePets",
                  "tags": ["pets"],
                  "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "prefix": { "type": "string" } } } } } },
                  "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object", "properties": { "renamed": { "type": "integer" } } } } } } }
                }
              }
            }
            """)).AssertClean();

        Assert.That(result.Parameters("Acme.PetsClient", "CreateAsync"), Is.EqualTo("Pet body"));
        Assert.That(result.Parameters("Acme.PetsClient", "RenameAsync"), Is.EqualTo("PetsRenameRequest? body = null"));
        Assert.That(result.ReturnType("Acme.PetsClient", "RenameAsync"), Is.EqualTo("Task<PetsRenameResponse>"));

        var probe = new ClientProbe(request => ClientProbe.Json(HttpStatusCode.OK, request.Method == HttpMethod.Post ? """{"name":"Rex","id":1}""" : """{"renamed":2}"""));
        var pets = Reflect.Get(probe.CreateClient(result), "Pets")!;
        var pet = Activator.CreateInstance(result.Type("Acme.Models.Pet"))!;
        Reflect.Set(pet, "Name", "Rex");
        var created = await ClientProbe.InvokeAsync(pets, "CreateAsync", Args(("body", pet)));
        Assert.That(Reflect.Serialize(created), Is.EqualTo("""{"name":"Rex","id":1}"""));
        var renamed = await ClientProbe.InvokeAsync(pets, "RenameAsync");
        Assert.That(Reflect.Get(renamed!, "Renamed"), Is.EqualTo(2L));

        Assert.That(probe.Requests[0].Body, Is.EqualTo("""{"name":"Rex"}"""));
        Assert.That(probe.Requests[0].MediaType, Is.EqualTo("application/json"));
        Assert.That(probe.Requests[1].Body, Is.Null, "an optional body left out sends no content");
    }

    [Test]
    public void Operations_without_ids_or_tags_get_names_from_method_and_path()
    {
        var result = GeneratorHarness.Run(Paths("""
            {
              "/health": { "get": { "responses": { "200": { "description": "ok" } } } },
              "/users/{id}/avatar": {
                "get": { "tags": ["users"], "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ], "responses": { "200": { "description": "ok" } } },
                "delete": { "tags": ["users"], "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ], "responses": { "204": { "description": "ok" } } }
              }
            }
            """)).AssertClean();

        Assert.That(result.Method("Acme.AcmeClient", "GetHealthAsync").Parameters.Select(p => p.Name), Is.EqualTo(new[] { "cancellationToken" }));
        Assert.That(result.Parameters("Acme.UsersClient", "GetAvatarAsync"), Is.EqualTo("long id"));
        Assert.That(result.Parameters("Acme.UsersClient", "DeleteAvatarAsync"), Is.EqualTo("long id"));
    }

    [Test]
    public void Clashing_operation_names_in_one_tag_are_made_unique_deterministically()
    {
        const string paths = """
            {
              "/a": { "get": { "operationId": "list_items", "tags": ["items"], "responses": { "200": { "description": "ok" } } } },
              "/b": { "get": { "operationId": "listItems", "tags": ["items"], "responses": { "200": { "description": "ok" } } } },
              "/c": { "get": { "operationId": "get_item", "tags": ["items"], "responses": { "200": { "description": "ok" } } } },
              "/d": { "get": { "operationId": "get_archive", "tags": ["archive"], "responses": { "200": { "description": "ok" } } } },
              "/e": { "get": { "operationId": "get_archives", "tags": ["archive"], "responses": { "200": { "description": "ok" } } } }
            }
            """;
        var first = GeneratorHarness.Run(Paths(paths)).AssertCompiles();
        var second = GeneratorHarness.Run(Paths(paths));

        var methods = first.Symbol("Acme.ItemsClient").GetMembers().OfType<Microsoft.CodeAnalysis.IMethodSymbol>()
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => m.Name).ToArray();
        // Neither the full words nor the HTTP method tell them apart: the second is numbered (and reported).
        Assert.That(methods, Is.EqualTo(new[] { "ListAsync", "List2Async", "GetAsync" }));
        Assert.That(first.Diagnostics("OPENAPI004").Select(d => d.GetMessage()), Has.One.Contains("listItems"));

        // get_archive and get_archives both shorten to Get under the tag archive: their full words tell them apart.
        var archive = first.Symbol("Acme.ArchiveClient").GetMembers().OfType<Microsoft.CodeAnalysis.IMethodSymbol>()
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => m.Name).ToArray();
        Assert.That(archive, Is.EqualTo(new[] { "GetArchiveAsync", "GetArchivesAsync" }));
        Assert.That(second.Sources, Is.EqualTo(first.Sources));
    }

    [Test]
    public async Task A_path_parameter_the_operation_does_not_declare_is_reported_and_still_sent()
    {
        var result = GeneratorHarness.Run(Paths("""
            {
              "/orgs/{org}/teams/{team_slug}": {
                "get": {
                  "operationId": "getTeam",
                  "tags": ["teams"],
                  "parameters": [ { "name": "org", "in": "path", "required": true, "schema": { "type": "string" } } ],
                  "responses": { "204": { "description": "ok" } }
                }
              }
            }
            """));
        result.AssertCompiles();
        Assert.That(result.Diagnostics("OPENAPI003").Select(d => d.GetMessage()), Has.One.Contains("'team_slug'"));
        Assert.That(result.Parameters("Acme.TeamsClient", "GetAsync"), Is.EqualTo("string org, string teamSlug"));

        var probe = new ClientProbe(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        await ClientProbe.InvokeAsync(Reflect.Get(probe.CreateClient(result), "Teams")!, "GetAsync", Args(("org", "o"), ("teamSlug", "t/1")));
        Assert.That(probe.Requests.Single().Uri.AbsolutePath, Is.EqualTo("/v1/orgs/o/teams/t%2F1"));
    }

    [Test]
    public void Deprecated_operations_types_and_properties_are_obsolete_and_compile_cleanly()
    {
        var result = GeneratorHarness.Run(Document(
            """
            {
              "Old": { "type": "object", "deprecated": true, "properties": { "a": { "type": "string" } } },
              "Holder": { "type": "object", "properties": { "old": { "$ref": "#/components/schemas/Old" }, "legacy": { "type": "string", "deprecated": true } } }
            }
            """,
            """
            {
              "/old": { "get": { "operationId": "getOld", "deprecated": true, "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Holder" } } } } } } }
            }
            """)).AssertClean();

        static bool Obsolete(Microsoft.CodeAnalysis.ISymbol symbol) => symbol.GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute");
        Assert.That(Obsolete(result.Symbol("Acme.Models.Old")), Is.True);
        Assert.That(Obsolete(result.Property("Acme.Models.Holder", "Legacy")), Is.True);
        Assert.That(Obsolete(result.Method("Acme.AcmeClient", "GetOldAsync")), Is.True);
        Assert.That(Obsolete(result.Property("Acme.Models.Holder", "Old")), Is.False);
    }

    [Test]
    public async Task Parameters_that_are_not_simple_values_are_sent_as_strings_and_leave_no_types_behind()
    {
        var result = GeneratorHarness.Run(Paths("""
            {
              "/items": {
                "get": {
                  "operationId": "listItems",
                  "parameters": [
                    { "name": "id", "in": "query", "schema": { "anyOf": [ { "type": "integer" }, { "type": "string" }, { "type": "null" } ] } },
                    { "name": "range", "in": "query", "schema": { "type": "array", "items": { "type": "object", "properties": { "gt": { "type": "integer" } } } } },
                    { "name": "anything", "in": "query", "schema": {} }
                  ],
                  "responses": { "204": { "description": "ok" } }
                }
              }
            }
            """));
        result.AssertCompiles();

        Assert.That(result.Parameters("Acme.AcmeClient", "ListItemsAsync"), Is.EqualTo("string? id = null, string? range = null, string? anything = null"));
        Assert.That(result.Diagnostics("OPENAPI003").Select(d => d.GetMessage()), Is.EqualTo(new[]
        {
            "The query parameter 'range' of a structured type is not supported; it is passed as a string",
        }), "a union of scalars and free-form JSON are naturally strings; a list of objects is reported");
        Assert.That(result.Sources.Keys.Where(k => k.Contains(".Models.", StringComparison.Ordinal)), Is.Empty, "no unused parameter types");

        var probe = new ClientProbe(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        await ClientProbe.InvokeAsync(probe.CreateClient(result), "ListItemsAsync", Args(("id", "42")));
        Assert.That(probe.Requests.Single().Uri.Query, Is.EqualTo("?id=42"));
    }

    [Test]
    public async Task Request_bodies_of_value_types_and_nullable_bodies()
    {
        var result = GeneratorHarness.Run(Document(
            """
            {
              "Mode": { "type": "string", "enum": ["fast", "slow"] },
              "Note": { "type": "object", "properties": { "text": { "type": "string" } } }
            }
            """,
            """
            {
              "/mode": {
                "put": {
                  "operationId": "setMode",
                  "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Mode" } } } },
                  "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "integer", "format": "int32" } } } } }
                }
              },
              "/flag": {
                "put": {
                  "operationId": "setFlag",
                  "requestBody": { "content": { "application/json": { "schema": { "type": "boolean" } } } },
                  "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "string", "format": "date-time" } } } } }
                }
              },
              "/note": {
                "put": {
                  "operationId": "setNote",
                  "requestBody": { "required": true, "content": { "application/json": { "schema": { "anyOf": [ { "$ref": "#/components/schemas/Note" }, { "type": "null" } ] } } } },
                  "responses": { "204": { "description": "ok" } }
                }
              }
            }
            """)).AssertClean();

        Assert.That(result.Parameters("Acme.AcmeClient", "SetModeAsync"), Is.EqualTo("Mode body"));
        Assert.That(result.ReturnType("Acme.AcmeClient", "SetModeAsync"), Is.EqualTo("Task<int>"));
        Assert.That(result.Parameters("Acme.AcmeClient", "SetFlagAsync"), Is.EqualTo("bool? body = null"));
        Assert.That(result.ReturnType("Acme.AcmeClient", "SetFlagAsync"), Is.EqualTo("Task<DateTimeOffset>"));
        Assert.That(result.Parameters("Acme.AcmeClient", "SetNoteAsync"), Is.EqualTo("Note? body"), "required, and null is a value the spec allows");

        var probe = new ClientProbe(request => request.RequestUri!.AbsolutePath switch
        {
            "/v1/mode" => ClientProbe.Json(HttpStatusCode.OK, "3"),
            "/v1/flag" => ClientProbe.Json(HttpStatusCode.OK, "\"2024-01-01T00:00:00Z\""),
            _ => new HttpResponseMessage(HttpStatusCode.NoContent),
        });
        var client = probe.CreateClient(result);
        var slow = Reflect.Static(result.Type("Acme.Models.Mode"), "Slow");
        Assert.That(await ClientProbe.InvokeAsync(client, "SetModeAsync", Args(("body", slow))), Is.EqualTo(3));
        Assert.That(await ClientProbe.InvokeAsync(client, "SetFlagAsync", Args(("body", true))), Is.EqualTo(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        await ClientProbe.InvokeAsync(client, "SetNoteAsync", Args(("body", null)));

        Assert.That(probe.Requests.Select(r => r.Body), Is.EqualTo(new[] { "\"slow\"", "true", "null" }));
    }

    [Test]
    public async Task Responses_and_errors_of_any_json_are_never_a_null_the_signature_denies()
    {
        var result = GeneratorHarness.Run(Paths("""
            {
              "/config": {
                "get": {
                  "operationId": "getConfig",
                  "responses": {
                    "200": { "description": "ok", "content": { "application/json": { "schema": {} } } },
                    "480": { "description": "Throttling", "content": { "application/json": { "schema": {} } } }
                  }
                }
              }
            }
            """)).AssertClean();
        Assert.That(result.ReturnType("Acme.AcmeClient", "GetConfigAsync"), Is.EqualTo("Task<JToken>"));

        var bodies = new Queue<(HttpStatusCode, string)>(new[] { (HttpStatusCode.OK, "null"), ((HttpStatusCode)480, """{"Message":"slow down"}""") });
        var probe = new ClientProbe(_ => bodies.Dequeue() is var (status, body) ? ClientProbe.Json(status, body) : null!);
        var client = probe.CreateClient(result);

        var read = await ClientProbe.InvokeAsync(client, "GetConfigAsync");
        Assert.That(read, Is.InstanceOf<Newtonsoft.Json.Linq.JValue>().And.Property("Type").EqualTo(Newtonsoft.Json.Linq.JTokenType.Null), "JSON null is a JValue");

        var error = Assert.CatchAsync<Exception>(() => ClientProbe.InvokeAsync(client, "GetConfigAsync"));
        Assert.That(Reflect.Get(error!, "Error")?.ToString(), Does.Contain("slow down"));
    }
}
