using System.Diagnostics;
using System.Threading;
using OpenTelemetry;

namespace Opper.OpenTelemetry.Implementation;

/// <summary>
/// OpenTelemetry's batch processor, whose flush also waits for the export under way: the SDK's
/// own flush returns once the queue is empty, which can be while the last batch is still being sent.
/// </summary>
internal sealed class OpperExportProcessor : BatchActivityExportProcessor
{
    private readonly OpperExporter _exporter;

    public OpperExportProcessor(OpperExporter exporter, BatchExportProcessorOptions<Activity> options)
        : base(exporter, options.MaxQueueSize, options.ScheduledDelayMilliseconds, options.ExporterTimeoutMilliseconds, options.MaxExportBatchSize)
    {
        _exporter = exporter;
    }

    protected override bool OnForceFlush(int timeoutMilliseconds)
    {
        var started = Stopwatch.GetTimestamp();
        var queueFlushed = base.OnForceFlush(timeoutMilliseconds);
        var remaining = timeoutMilliseconds;
        if (timeoutMilliseconds != Timeout.Infinite)
        {
            var elapsed = (Stopwatch.GetTimestamp() - started) * 1000 / Stopwatch.Frequency;
            remaining = (int)System.Math.Max(0, timeoutMilliseconds - elapsed);
        }

        return _exporter.ForceFlush(remaining) && queueFlushed;
    }
}
