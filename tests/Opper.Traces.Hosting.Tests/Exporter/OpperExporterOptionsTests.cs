using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Opper.FakeApi;
using Opper.OpenTelemetry;

namespace Opper.Traces.Hosting.Tests.Exporter;

public sealed class OpperExporterOptionsTests
{
    [Test]
    public void Defaults_follow_the_client_and_the_contract()
    {
        var options = new OpperExporterOptions();

        Assert.That(options.BaseUrl, Is.EqualTo(new OpperClientOptions().BaseUrl));
        Assert.That(options.BaseUrl, Is.EqualTo(new Uri("https://api.opper.ai/v2")));
        Assert.That(options.MaxContentLength, Is.EqualTo(32_768));
        Assert.That(options.ApiKey, Is.Null);
    }

    [Test]
    public void Values_that_cannot_work_are_refused_when_set()
    {
        var options = new OpperExporterOptions();

        Assert.Throws<ArgumentException>(() => options.BaseUrl = new Uri("/v2", UriKind.Relative));
        Assert.Throws<ArgumentException>(() => options.BaseUrl = new Uri("ftp://api.opper.ai/v2"));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxContentLength = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxConcurrency = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxRetries = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.Zero);
    }

    [Test]
    public void ToString_never_shows_the_key()
    {
        var options = new OpperExporterOptions { ApiKey = "sk-hidden-value", BaseUrl = new Uri("https://user:pw@api.opper.ai/v2") };

        Assert.That(options.ToString(), Does.Contain("(set)").And.Not.Contain("sk-hidden-value").And.Not.Contain("pw@"));
    }

    [Test]
    [NonParallelizable]
    public async Task The_HttpClientFactory_s_client_sends_the_spans()
    {
        await using var api = await FakeOpperApi.StartAsync();
        using var source = new ActivitySource("Opper.Tests." + Guid.NewGuid().ToString("N"));
        var sent = 0;
        using var http = new HttpClient(new CountingHandler(() => Interlocked.Increment(ref sent), new HttpClientHandler()));
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(source.Name)
            .AddOpperExporter(options =>
            {
                options.ApiKey = "any";
                options.BaseUrl = api.BaseUrl;
                options.HttpClientFactory = () => http;
            })
            .Build())
        {
            source.StartActivity("through the factory")!.Dispose();
        }

        Assert.That(sent, Is.EqualTo(1));
        Assert.That(api.Spans.Select(s => (string?)s["name"]), Is.EqualTo(new[] { "through the factory" }));
    }
}
