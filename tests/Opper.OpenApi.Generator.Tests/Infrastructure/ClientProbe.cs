using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace Opper.OpenApi.Generator.Tests.Infrastructure;

/// <summary>A request as the generated client sent it.</summary>
internal sealed record CapturedRequest(string Method, Uri Uri, string? Body, string? MediaType, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// Builds the generated client over a handler that records requests and answers with a canned
/// response: no network, no server.
/// </summary>
internal sealed class ClientProbe : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;

    public ClientProbe(Func<HttpRequestMessage, HttpResponseMessage>? respond = null)
    {
        _respond = respond ?? (_ => Json(HttpStatusCode.OK, "{}"));
    }

    public List<CapturedRequest> Requests { get; } = new();

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add(new CapturedRequest(request.Method.Method, request.RequestUri!, body, request.Content?.Headers.ContentType?.MediaType, headers));
        return _respond(request);
    }

    /// <summary>Creates <c>{Namespace}.{Prefix}Client</c> over this handler, with retries off.</summary>
    public object CreateClient(GenerationResult result, string clientNamespace = "Acme", string prefix = "Acme")
    {
        var optionsType = result.Type($"{clientNamespace}.{prefix}ClientOptions");
        var options = Activator.CreateInstance(optionsType)!;
        Reflect.Set(options, "ApiKey", "test-key");
        Reflect.Set(options, "BaseUrl", new Uri("https://api.acme.test/v1"));
        Reflect.Set(options, "MaxRetries", 0);
        var clientType = result.Type($"{clientNamespace}.{prefix}Client");
        return Activator.CreateInstance(clientType, new HttpClient(this), options)!;
    }

    /// <summary>
    /// Calls <paramref name="method"/> with arguments by parameter name (the rest take their
    /// defaults) and awaits it; returns the task's result, or null for a plain Task.
    /// </summary>
    public static async Task<object?> InvokeAsync(object target, string method, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        var info = target.GetType().GetMethod(method, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new AssertionException($"{target.GetType().Name} has no method {method}.");
        arguments ??= new Dictionary<string, object?>();
        var values = info.GetParameters().Select(p =>
        {
            if (arguments.TryGetValue(p.Name!, out var value))
            {
                return value;
            }

            if (!p.HasDefaultValue)
            {
                throw new AssertionException($"{method} needs the argument {p.Name}.");
            }

            return p.DefaultValue ?? (p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null ? Activator.CreateInstance(p.ParameterType) : null);
        }).ToArray();
        var unknown = arguments.Keys.Except(info.GetParameters().Select(p => p.Name!)).ToList();
        if (unknown.Count > 0)
        {
            throw new AssertionException($"{method} has no parameter(s) {string.Join(", ", unknown)}; it has {string.Join(", ", info.GetParameters().Select(p => p.Name))}.");
        }

        var task = (Task)info.Invoke(target, values)!;
        await task.ConfigureAwait(false);
        return info.ReturnType.IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
    }
}
