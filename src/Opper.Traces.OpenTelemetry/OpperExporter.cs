using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenTelemetry;
using Opper.Models;
using Opper.OpenTelemetry.Implementation;

namespace Opper.OpenTelemetry;

/// <summary>
/// Sends ended Activities to Opper as spans (<c>POST /spans</c>). Put it behind OpenTelemetry's
/// batch processor, as <c>AddOpperExporter</c> does: the application thread only enqueues, and
/// the export runs on the processor's thread. The exporter never throws into the application;
/// its failures go to the <c>Opper-Traces-OpenTelemetry</c> event source and to
/// <see cref="LostSpanCount"/>. Its own HTTP calls are not traced.
/// </summary>
public sealed class OpperExporter : BaseExporter<Activity>
{
    /// <summary>
    /// The name of the meter with the exporter's counters, <c>opper.exporter.spans.sent</c> and
    /// <c>opper.exporter.spans.lost</c>: add it to a MeterProvider to watch them.
    /// </summary>
    public const string MeterName = "Opper.Traces.OpenTelemetry";

    private const int GraceMilliseconds = 1000;

    private readonly OpperClient _client;
    private readonly SpanSender _sender;
    private readonly int _maxContentLength;
    private readonly int _exportTimeoutMilliseconds;
    private readonly bool _hasApiKey;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Meter _meter;
    private QueueDrops? _queueDrops;
    private Task? _exporting;
    private int _noKeyReported;
    private int _disposed;

    /// <summary>An exporter with these options (read now; later changes do not affect it).</summary>
    /// <param name="options">The options.</param>
    public OpperExporter(OpperExporterOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var clientOptions = new OpperClientOptions
        {
            ApiKey = options.ApiKey,
            BaseUrl = options.BaseUrl,
            // The client never retries POST; the exporter's own loop does (see SpanSender).
            MaxRetries = 0,
            Timeout = options.Timeout,
            AllowInsecureHttp = options.AllowInsecureHttp,
            UserAgentSuffix = "opentelemetry-exporter",
        };
        _hasApiKey = HasApiKey(options.ApiKey);
        _client = options.HttpClientFactory?.Invoke() is { } http
            ? new OpperClient(http, clientOptions)
            : new OpperClient(clientOptions);
        _sender = new SpanSender(_client, options.MaxConcurrency, options.MaxRetries, options.RetryPolicy ?? new OpperRetryPolicy());
        _maxContentLength = options.MaxContentLength;
        var exportTimeout = options.BatchExportProcessorOptions?.ExporterTimeoutMilliseconds ?? 0;
        _exportTimeoutMilliseconds = exportTimeout > 0 ? exportTimeout : 30_000;

        _meter = new Meter(MeterName, typeof(OpperExporter).Assembly.GetName().Version?.ToString());
        _meter.CreateObservableCounter("opper.exporter.spans.sent", () => SentSpanCount, "{span}", "Spans the Opper API accepted.");
        _meter.CreateObservableCounter("opper.exporter.spans.lost", () => LostSpanCount, "{span}", "Spans that did not reach the Opper API: dropped by a full queue, refused, or failed after the last retry.");
    }

    /// <summary>Spans the Opper API accepted (a 409 for a span it already holds counts too).</summary>
    public long SentSpanCount => _sender.Sent;

    /// <summary>
    /// Spans that never reached Opper: dropped because the batch processor's queue was full (when
    /// the processor was made by <c>AddOpperExporter</c>), sent without an API key, refused by the
    /// server, or still failing after the last retry or when the export timed out or shut down.
    /// </summary>
    public long LostSpanCount => _sender.Lost + (_queueDrops?.Read() ?? 0);

    /// <inheritdoc/>
    public override ExportResult Export(in Batch<Activity> batch)
    {
        // Marks the export as under way before the batch is read out of the processor's queue, so
        // that a flush that sees the queue empty still waits for these spans to be sent.
        var exporting = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _exporting, exporting.Task);
        var count = (int)Math.Min(batch.Count, int.MaxValue);
        try
        {
            if (Volatile.Read(ref _disposed) != 0 || _shutdown.IsCancellationRequested)
            {
                _sender.AddLost(count);
                return ExportResult.Failure;
            }

            if (!_hasApiKey)
            {
                if (Interlocked.Exchange(ref _noKeyReported, 1) == 0)
                {
                    OpperExporterEventSource.Log.NoApiKey(string.Join(" or ", OpperClientOptions.ApiKeyEnvironmentVariables));
                }

                _sender.AddLost(count);
                return ExportResult.Failure;
            }

            var spans = ToSpans(batch, count);
            if (spans.Count == 0)
            {
                return count == 0 ? ExportResult.Success : ExportResult.Failure;
            }

            return Send(spans) && spans.Count == count ? ExportResult.Success : ExportResult.Failure;
        }
        catch (Exception ex)
        {
            // Nothing may escape into OpenTelemetry's thread, let alone the application.
            OpperExporterEventSource.Log.ExportFailed(ex);
            return ExportResult.Failure;
        }
        finally
        {
            exporting.TrySetResult(true);
        }
    }

    /// <summary>Reads the queue's dropped count from the processor that feeds this exporter.</summary>
    internal void CountDropsOf(BatchExportProcessor<Activity> processor) => _queueDrops = QueueDrops.Of(processor);

    /// <summary>Waits, up to <paramref name="timeoutMilliseconds"/>, for an export under way to end.</summary>
    /// <param name="timeoutMilliseconds">The longest wait.</param>
    /// <returns>Whether no export is under way any more.</returns>
    protected override bool OnForceFlush(int timeoutMilliseconds) =>
        Volatile.Read(ref _exporting) is not { } exporting || WaitFor(exporting, timeoutMilliseconds);

    /// <inheritdoc/>
    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        // The processor has already exported what was queued (or run out of time doing so):
        // give up on what is still in flight, so that shutdown ends within its timeout.
        _shutdown.Cancel();
        return Volatile.Read(ref _exporting) is not { } exporting || WaitFor(exporting, timeoutMilliseconds);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _shutdown.Cancel();
            _meter.Dispose();
            _client.Dispose();
        }

        base.Dispose(disposing);
    }

    private List<CreateSpanRequest> ToSpans(in Batch<Activity> batch, int count)
    {
        var spans = new List<CreateSpanRequest>(count);
        foreach (var activity in batch)
        {
            try
            {
                spans.Add(activity.ToOpperSpan(_maxContentLength));
            }
            catch (Exception ex)
            {
                _sender.AddLost(1);
                OpperExporterEventSource.Log.ConversionFailed(activity.DisplayName, ex);
            }
        }

        return spans;
    }

    // Hands the spans to the async sender and waits, on this export thread only, for it to finish
    // or for the export timeout (which cancels what is left).
    private bool Send(List<CreateSpanRequest> spans)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        timeout.CancelAfter(_exportTimeoutMilliseconds);
        var work = new SpanSender.Work(spans);
        Task sending;
        using (SuppressInstrumentationScope.Begin())
        {
            sending = _sender.SendAsync(work, timeout.Token);
        }

        if (!WaitFor(sending, _exportTimeoutMilliseconds + GraceMilliseconds))
        {
            OpperExporterEventSource.Log.ExportTimedOut(spans.Count, _exportTimeoutMilliseconds);
            return false;
        }

        if (work.Lost > 0)
        {
            OpperExporterEventSource.Log.SpansLost(work.Lost, spans.Count, work.FirstError ?? "unknown");
        }

        return work.Lost == 0;
    }

    // A wait handle with a timeout: the thread that calls this is OpenTelemetry's, never the application's.
    internal static bool WaitFor(Task task, int timeoutMilliseconds) =>
        task.IsCompleted || ((IAsyncResult)task).AsyncWaitHandle.WaitOne(timeoutMilliseconds);

    private static bool HasApiKey(string? apiKey)
    {
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            return true;
        }

        foreach (var name in OpperClientOptions.ApiKeyEnvironmentVariables)
        {
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)))
            {
                return true;
            }
        }

        return false;
    }
}
