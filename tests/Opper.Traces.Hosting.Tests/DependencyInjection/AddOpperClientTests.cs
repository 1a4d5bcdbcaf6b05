using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Opper.FakeApi;

namespace Opper.Traces.Hosting.Tests.DependencyInjection;

/// <summary>
/// <c>AddOpperClient</c> in a real generic host, configured from appsettings-style JSON, environment
/// variables or a delegate, against the fake Opper API on 127.0.0.1. Not parallel: environment
/// variables are process-wide.
/// </summary>
[NonParallelizable]
public sealed class AddOpperClientTests
{
    private const string Key = "di-test-key";
    private const string TraceId = "123e4567-e89b-12d3-a456-426614174000";
    private const string Trace = """{"id":"123e4567-e89b-12d3-a456-426614174000","name":"seeded","spans":[]}""";

    private FakeOpperApi _api = null!;
    private Dictionary<string, string?> _savedEnvironment = null!;

    [SetUp]
    public async Task StartApi()
    {
        _api = await FakeOpperApi.StartAsync(new FakeOpperApiOptions { ApiKey = Key });
        _api.AddTrace(Trace);
        _savedEnvironment = new[] { "OPPER_API_KEY", "OPPER_HTTP_BEARER", "Opper__BaseUrl", "Opper__ApiKey" }
            .ToDictionary(n => n, Environment.GetEnvironmentVariable);
        foreach (var name in _savedEnvironment.Keys)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [TearDown]
    public async Task StopApi()
    {
        foreach (var (name, value) in _savedEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        await _api.DisposeAsync();
    }

    [Test]
    public async Task A_delegate_configures_one_shared_client_that_works()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOpperClient(options =>
        {
            options.ApiKey = Key;
            options.BaseUrl = _api.BaseUrl;
        });
        using var host = builder.Build();
        await host.StartAsync();

        var client = host.Services.GetRequiredService<OpperClient>();
        var trace = await client.Traces.GetAsync(TraceId);

        Assert.That(trace.Name, Is.EqualTo("seeded"));
        Assert.That(host.Services.GetRequiredService<OpperClient>(), Is.SameAs(client));
        await host.StopAsync();
    }

    [Test]
    public async Task A_configuration_section_sets_every_key_and_the_HttpClient_comes_from_the_factory()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddJsonStream(Json($$"""
            { "Opper": { "ApiKey": "{{Key}}", "BaseUrl": "{{_api.BaseUrl}}", "MaxRetries": 0, "Timeout": "00:00:01" } }
            """));
        var seen = 0;
        builder.Services.AddOpperClient(builder.Configuration.GetSection("Opper"))
            .AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref seen)));
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<OpperClient>();

        await client.Traces.GetAsync(TraceId);
        var options = host.Services.GetRequiredService<IOptions<OpperClientOptions>>().Value;

        Assert.That(seen, Is.EqualTo(1), "the request went through the IHttpClientFactory pipeline");
        Assert.That(options.MaxRetries, Is.Zero);
        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(options.BaseUrl, Is.EqualTo(_api.BaseUrl));
        await host.StopAsync();
    }

    [Test]
    public async Task MaxRetries_and_Timeout_from_configuration_govern_the_client()
    {
        await using var hung = await FakeOpperApi.StartAsync(new FakeOpperApiOptions
        {
            Intercept = (request, _) => Task.FromResult<FakeResponse?>(request.Path.EndsWith("/hang", StringComparison.Ordinal)
                ? FakeResponse.Hang()
                : FakeResponse.Error(503, "Unavailable", "busy", "busy")),
        });
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Opper:ApiKey"] = Key,
            ["Opper:BaseUrl"] = hung.BaseUrl.ToString(),
            ["Opper:MaxRetries"] = "1",
            ["Opper:Timeout"] = "00:00:00.500",
        });
        builder.Services.AddOpperClient(builder.Configuration.GetSection("Opper"));
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<OpperClient>();

        var unavailable = Assert.ThrowsAsync<OpperServerException>(() => client.Traces.GetAsync(TraceId));
        var timedOut = Assert.ThrowsAsync<OpperTimeoutException>(() => client.Traces.GetAsync("hang"));

        Assert.That(unavailable!.StatusCode, Is.EqualTo(503));
        Assert.That(hung.Requests.Count(r => r.Path.EndsWith(TraceId, StringComparison.Ordinal)), Is.EqualTo(2), "MaxRetries 1: two attempts");
        Assert.That(timedOut!.Message, Does.Contain("timed out"));
        await host.StopAsync();
    }

    [Test]
    public async Task Environment_variables_override_appsettings_and_the_key_may_come_from_OPPER_API_KEY()
    {
        Environment.SetEnvironmentVariable("Opper__BaseUrl", _api.BaseUrl.ToString());
        Environment.SetEnvironmentVariable("OPPER_API_KEY", Key);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonStreamConfigurationSource
        {
            Stream = Json("""{ "Opper": { "BaseUrl": "https://api.opper.ai/v2", "MaxRetries": 1 } }"""),
        });
        builder.Services.AddOpperClient(builder.Configuration.GetSection("Opper"));
        using var host = builder.Build();
        await host.StartAsync();

        var trace = await host.Services.GetRequiredService<OpperClient>().Traces.GetAsync(TraceId);

        Assert.That(trace.Id, Is.EqualTo(TraceId), "the environment's BaseUrl won over appsettings, and OPPER_API_KEY was sent");
        Assert.That(host.Services.GetRequiredService<IOptions<OpperClientOptions>>().Value.MaxRetries, Is.EqualTo(1));
        await host.StopAsync();
    }

    [Test]
    public void Invalid_configuration_stops_the_host_at_start_naming_every_bad_key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddJsonStream(Json("""
            { "Opper": { "ApiKey": "secret-value", "BaseUrl": "not a url", "MaxRetries": -1, "Timeout": "0", "AllowInsecureHttp": "maybe" } }
            """));
        builder.Services.AddOpperClient(builder.Configuration.GetSection("Opper"));
        using var host = builder.Build();

        var error = Assert.CatchAsync(() => host.StartAsync());

        var message = Messages(error!);
        Assert.That(message, Does.Contain("Opper:BaseUrl is 'not a url': it must be an absolute http or https URL"));
        Assert.That(message, Does.Contain("Opper:MaxRetries is '-1': it must be a whole number, 0 or more"));
        Assert.That(message, Does.Contain("Opper:Timeout is '0': it must be a positive time span"));
        Assert.That(message, Does.Contain("Opper:AllowInsecureHttp is 'maybe'"));
        Assert.That(message, Does.Not.Contain("secret-value"));
    }

    [Test]
    public void A_value_the_options_refuse_in_the_delegate_stops_the_host_at_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOpperClient(options => options.MaxRetries = -3);
        using var host = builder.Build();

        var error = Assert.CatchAsync(() => host.StartAsync());

        Assert.That(error, Is.InstanceOf<OptionsValidationException>().Or.InstanceOf<AggregateException>());
        Assert.That(Messages(error!), Does.Contain("MaxRetries cannot be negative"));
    }

    [Test]
    public void Plain_http_to_another_host_with_a_key_stops_the_host_without_showing_the_key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOpperClient(options =>
        {
            options.ApiKey = "sk-very-secret";
            options.BaseUrl = new Uri("http://opper.example.com/v2");
        });
        using var host = builder.Build();

        var error = Assert.CatchAsync(() => host.StartAsync());

        Assert.That(Messages(error!), Does.Contain("plain http to opper.example.com").And.Not.Contain("sk-very-secret"));
    }

    [Test]
    public async Task Without_any_key_the_host_starts_and_the_first_call_says_what_is_missing()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOpperClient(options => options.BaseUrl = _api.BaseUrl);
        using var host = builder.Build();
        await host.StartAsync();

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => host.Services.GetRequiredService<OpperClient>().Traces.GetAsync(TraceId));

        Assert.That(error!.Message, Does.Contain("No API key").And.Contain("OPPER_API_KEY"));
        await host.StopAsync();
    }

    private static MemoryStream Json(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Messages(Exception error) => error switch
    {
        AggregateException all => string.Join("\n", all.InnerExceptions.Select(Messages)),
        OptionsValidationException invalid => string.Join("\n", invalid.Failures),
        _ => error.Message,
    };
}
