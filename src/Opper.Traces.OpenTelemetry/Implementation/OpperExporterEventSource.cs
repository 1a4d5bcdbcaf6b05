using System;
using System.Diagnostics.Tracing;

namespace Opper.OpenTelemetry.Implementation;

/// <summary>
/// The exporter's own problems, for <c>dotnet-trace</c>, an <see cref="EventListener"/> or
/// OpenTelemetry's self-diagnostics (<c>OTEL_DIAGNOSTICS.json</c> with this source's name).
/// The application never sees an exception from the exporter; this is where its failures go.
/// No event ever carries the API key.
/// </summary>
[EventSource(Name = SourceName)]
internal sealed class OpperExporterEventSource : EventSource
{
    /// <summary>The event source's name.</summary>
    public const string SourceName = "Opper-Traces-OpenTelemetry";

    public static readonly OpperExporterEventSource Log = new();

    [NonEvent]
    public void ExportFailed(Exception exception)
    {
        if (IsEnabled(EventLevel.Error, EventKeywords.All))
        {
            ExportFailed(exception.GetType().FullName + ": " + exception.Message);
        }
    }

    [Event(1, Message = "Opper exporter: exporting spans failed: {0}", Level = EventLevel.Error)]
    public void ExportFailed(string error) => WriteEvent(1, error);

    [Event(2, Message = "Opper exporter: no API key. Set OpperExporterOptions.ApiKey or the environment variable {0}. Spans are not sent; they are counted as lost.", Level = EventLevel.Error)]
    public void NoApiKey(string environmentVariables) => WriteEvent(2, environmentVariables);

    [Event(3, Message = "Opper exporter: {0} of {1} spans were lost: {2}", Level = EventLevel.Warning)]
    public void SpansLost(int lost, int total, string firstError) => WriteEvent(3, lost, total, firstError);

    [NonEvent]
    public void ConversionFailed(string activityName, Exception exception)
    {
        if (IsEnabled(EventLevel.Warning, EventKeywords.All))
        {
            ConversionFailed(activityName, exception.GetType().FullName + ": " + exception.Message);
        }
    }

    [Event(4, Message = "Opper exporter: the Activity '{0}' could not be turned into a span and is lost: {1}", Level = EventLevel.Warning)]
    public void ConversionFailed(string activityName, string error) => WriteEvent(4, activityName, error);

    [Event(5, Message = "Opper exporter: the export of {0} spans did not end within {1} ms; the spans not yet sent are lost.", Level = EventLevel.Warning)]
    public void ExportTimedOut(int spans, int timeoutMilliseconds) => WriteEvent(5, spans, timeoutMilliseconds);

    [Event(6, Message = "Opper exporter: retrying a span after {0} ms (attempt {1} failed: {2}).", Level = EventLevel.Verbose)]
    public void Retrying(int delayMilliseconds, int attempt, string error) => WriteEvent(6, delayMilliseconds, attempt, error);

    [Event(7, Message = "Opper exporter: the queue's dropped-span count cannot be read from this version of the OpenTelemetry SDK; spans dropped because the queue was full are not counted as lost.", Level = EventLevel.Warning)]
    public void DroppedCountUnavailable() => WriteEvent(7);
}
