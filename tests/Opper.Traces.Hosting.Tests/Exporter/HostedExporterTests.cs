using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Opper.FakeApi;
using Opper.OpenTelemetry;

namespace Opper.Traces.Hosting.Tests.Exporter;

/// <summary>The exporter in a generic host, its options bound from configuration.</summary>
[NonParallelizable]
public sealed class HostedExporterTests
{
    [Test]
    public async Task Options_bound_from_configuration_reach_the_exporter_and_stopping_the_host_sends_what_is_pending()
    {
        await using var api = await FakeOpperApi.StartAsync(new FakeOpperApiOptions { ApiKey = "hosted-key" });
        using var source = new ActivitySource("Opper.Tests." + Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OpperExporter:ApiKey"] = "hosted-key",
            ["OpperExporter:BaseUrl"] = api.BaseUrl.ToString(),
            ["OpperExporter:MaxContentLength"] = "10",
        });
        builder.Services.Configure<OpperExporterOptions>(builder.Configuration.GetSection("OpperExporter"));
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddSource(source.Name)
            .AddOpperExporter(options => options.BatchExportProcessorOptions.ScheduledDelayMilliseconds = 60_000));

        using (var host = builder.Build())
        {
            await host.StartAsync();
            using (var activity = source.StartActivity("hosted work"))
            {
                activity!.SetTag("opper.input", "a question longer than ten characters");
            }

            Assert.That(api.Spans, Is.Empty, "the batch waits for its scheduled delay");
            await host.StopAsync();
        }

        var span = api.Spans.Single();
        Assert.That((string?)span["name"], Is.EqualTo("hosted work"));
        Assert.That((string?)span["input"], Does.StartWith("a question…[truncated by Opper exporter: 10 of 37"));
    }
}
