using System;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Opper.OpenTelemetry;
using Opper.OpenTelemetry.Implementation;

namespace OpenTelemetry.Trace;

/// <summary>Adds the Opper exporter to a <see cref="TracerProviderBuilder"/>.</summary>
public static class OpperExporterHelperExtensions
{
    /// <summary>
    /// Sends every ended, sampled Activity to Opper as a span, in batches on a background thread
    /// (OpenTelemetry's <see cref="BatchActivityExportProcessor"/>). The options come from
    /// <paramref name="configure"/> over any <c>services.Configure&lt;OpperExporterOptions&gt;(...)</c>
    /// made before; without an API key, <c>OPPER_API_KEY</c> then <c>OPPER_HTTP_BEARER</c> are read.
    /// </summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <param name="configure">Sets the exporter's options; optional.</param>
    /// <returns>The builder, to chain calls.</returns>
    public static TracerProviderBuilder AddOpperExporter(this TracerProviderBuilder builder, Action<OpperExporterOptions>? configure = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.ConfigureServices(services =>
        {
            services.AddOptions<OpperExporterOptions>();
            if (configure is not null)
            {
                services.Configure(configure);
            }
        });

        return builder.AddProcessor(serviceProvider =>
        {
            var options = serviceProvider.GetRequiredService<IOptionsMonitor<OpperExporterOptions>>().Get(Options.DefaultName);
            return CreateProcessor(options);
        });
    }

    /// <summary>The exporter behind a batch processor set up from <see cref="OpperExporterOptions.BatchExportProcessorOptions"/>.</summary>
    internal static BatchActivityExportProcessor CreateProcessor(OpperExporterOptions options)
    {
#pragma warning disable CA2000 // The processor owns the exporter and disposes it.
        var exporter = new OpperExporter(options);
#pragma warning restore CA2000
        var processor = new OpperExportProcessor(exporter, options.BatchExportProcessorOptions ?? new BatchExportActivityProcessorOptions());
        exporter.CountDropsOf(processor);
        return processor;
    }
}
