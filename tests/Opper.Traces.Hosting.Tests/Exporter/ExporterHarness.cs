using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Threading.Tasks;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Opper.FakeApi;
using Opper.OpenTelemetry;

namespace Opper.Traces.Hosting.Tests.Exporter;

/// <summary>
/// One fake Opper API, one ActivitySource with a name of its own, and one TracerProvider that
/// listens to that source only, so that nothing leaks between tests (OpenTelemetry's state is global).
/// </summary>
internal sealed class ExporterHarness : IAsyncDisposable
{
    public const string ApiKey = "exporter-test-key";

    private ExporterHarness(FakeOpperApi api, ActivitySource source, TracerProvider provider, MeterReader meter)
    {
        Api = api;
        Source = source;
        Provider = provider;
        Meter = meter;
    }

    public FakeOpperApi Api { get; }

    public ActivitySource Source { get; }

    public TracerProvider Provider { get; }

    /// <summary>The exporter's counters, read through the public meter.</summary>
    public MeterReader Meter { get; }

    public static async Task<ExporterHarness> StartAsync(
        Action<OpperExporterOptions>? configure = null,
        FakeOpperApiOptions? apiOptions = null,
        Action<TracerProviderBuilder>? provider = null)
    {
        var api = await FakeOpperApi.StartAsync(apiOptions ?? new FakeOpperApiOptions { ApiKey = ApiKey });
        var source = new ActivitySource("Opper.Tests." + Guid.NewGuid().ToString("N"));
        var builder = Sdk.CreateTracerProviderBuilder()
            .AddSource(source.Name)
            .SetSampler(new AlwaysOnSampler())
            .AddOpperExporter(options =>
            {
                options.ApiKey = ApiKey;
                options.BaseUrl = api.BaseUrl;
                options.RetryPolicy = Fast();
                options.BatchExportProcessorOptions.ScheduledDelayMilliseconds = 50;
                configure?.Invoke(options);
            });
        provider?.Invoke(builder);
        return new ExporterHarness(api, source, builder.Build()!, new MeterReader());
    }

    /// <summary>Backoff of a few milliseconds, so retries do not slow the tests.</summary>
    public static OpperRetryPolicy Fast() => new() { InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) };

    /// <summary>Starts and stops <paramref name="count"/> Activities; returns them.</summary>
    public List<Activity> Run(int count, string name = "work")
    {
        var activities = new List<Activity>(count);
        for (var i = 0; i < count; i++)
        {
            using var activity = Source.StartActivity(name) ?? throw new InvalidOperationException("The provider does not listen to the test's source.");
            activities.Add(activity);
        }

        return activities;
    }

    public async ValueTask DisposeAsync()
    {
        Provider.Dispose();
        Source.Dispose();
        Meter.Dispose();
        await Api.DisposeAsync();
    }
}

/// <summary>Reads the exporter's observable counters from its meter.</summary>
internal sealed class MeterReader : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _values = new();

    public MeterReader()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OpperExporter.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _values.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        _listener.Start();
    }

    /// <summary>The sum over every live exporter of the named counter.</summary>
    public long Read(string name)
    {
        _values.Clear();
        _listener.RecordObservableInstruments();
        return _values.TryGetValue(name, out var value) ? value : 0;
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>Collects the exporter's events (its EventSource) while alive.</summary>
internal sealed class ExporterEvents : EventListener
{
    private readonly ConcurrentQueue<EventWrittenEventArgs> _events = new();

    public IReadOnlyList<EventWrittenEventArgs> Events => _events.ToArray();

    public IEnumerable<string> Messages => Events.Select(e => e.Message is null ? e.EventName ?? string.Empty : string.Format(System.Globalization.CultureInfo.InvariantCulture, e.Message, e.Payload?.ToArray() ?? Array.Empty<object?>()));

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Opper-Traces-OpenTelemetry")
        {
            EnableEvents(eventSource, EventLevel.Verbose);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData) => _events.Enqueue(eventData);
}
