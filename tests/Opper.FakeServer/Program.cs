using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Usage: Opper.FakeServer <routes.json>
// routes.json: { "auth": "Bearer key" (optional), "authHeader": "Authorization" (optional), "routes": [ { "method": "GET", "path": "/v2/traces/{id}",
//                "status": 200, "file": "relative/or/absolute.json", "contentType": "application/json" } ] }
// Prints "listening on <url>" once it accepts connections, then serves until stdin closes.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Opper.FakeServer <routes.json>");
    return 2;
}

var routesPath = Path.GetFullPath(args[0]);
var baseDirectory = Path.GetDirectoryName(routesPath)!;
using var document = JsonDocument.Parse(File.ReadAllText(routesPath));
var auth = document.RootElement.TryGetProperty("auth", out var authElement) ? authElement.GetString() : null;
var authHeader = document.RootElement.TryGetProperty("authHeader", out var headerElement) ? headerElement.GetString()! : "Authorization";
var routes = document.RootElement.GetProperty("routes").EnumerateArray().Select(r => new Route(
    r.GetProperty("method").GetString()!,
    r.GetProperty("path").GetString()!.Split('/', StringSplitOptions.RemoveEmptyEntries),
    r.GetProperty("status").GetInt32(),
    r.TryGetProperty("file", out var file) ? Path.Combine(baseDirectory, file.GetString()!) : null,
    r.TryGetProperty("contentType", out var type) ? type.GetString()! : "application/json")).ToList();

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
var app = builder.Build();
app.Run(async context =>
{
    var request = context.Request;
    Console.WriteLine($"{request.Method} {request.Path}{request.QueryString}");
    if (auth is not null && request.Headers[authHeader].ToString() != auth)
    {
        context.Response.StatusCode = 401;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"type\":\"UnauthorizedError\",\"message\":\"The request is unauthorized\",\"detail\":\"The API key is invalid\"}");
        return;
    }

    var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
    var route = routes.FirstOrDefault(r => r.Matches(request.Method, segments));
    if (route is null)
    {
        context.Response.StatusCode = 404;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"type\":\"NotFoundError\",\"message\":\"The resource was not found\",\"detail\":\"No such route\"}");
        return;
    }

    context.Response.StatusCode = route.Status;
    if (route.File is not null)
    {
        context.Response.ContentType = route.ContentType;
        await context.Response.SendFileAsync(route.File);
    }
});

await app.StartAsync();
var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
    .Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"listening on {address}");
await Task.Run(() => { while (Console.In.ReadLine() is not null) { } });
await app.StopAsync();
return 0;

internal sealed record Route(string Method, string[] Segments, int Status, string? File, string ContentType)
{
    public bool Matches(string method, string[] path) =>
        string.Equals(method, Method, StringComparison.OrdinalIgnoreCase)
        && path.Length == Segments.Length
        && Segments.Zip(path).All(p => p.First.StartsWith('{') || string.Equals(p.First, p.Second, StringComparison.Ordinal));
}
