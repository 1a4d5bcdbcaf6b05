using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Opper.Models;

namespace Opper;

// CUSTOM: waiting for a trace to be indexed and fetching many traces are workflows over the
// spec's GET /traces and GET /traces/{trace_id}, not operations of their own, so the generator
// cannot emit them. They are written here on the generated partial class and call its virtual
// methods, so a mocked GetAsync or ListAllAsync serves them too.
public partial class TracesClient
{
    /// <summary>The delay before the second poll of <see cref="WaitForTraceAsync"/>; later ones double it.</summary>
    internal static readonly TimeSpan DefaultPollDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two polls of <see cref="WaitForTraceAsync"/>.</summary>
    internal static readonly TimeSpan MaxPollDelay = TimeSpan.FromSeconds(2);

    /// <summary>The largest page <see cref="GetManyAsync"/> asks of <c>GET /traces</c>.</summary>
    private const int MaxListPageSize = 100;

    /// <summary>
    /// Waits until a trace has been indexed: polls <c>GET /traces/{trace_id}</c> until the trace
    /// exists and its span count stayed the same over two polls, and returns it. Opper indexes
    /// spans a moment after they are written, so a trace read right after a call can be missing
    /// (404) or incomplete.
    /// </summary>
    /// <remarks>
    /// Polls back off: 200 ms after the first, doubling up to 2 s, never past the timeout. A 404
    /// means "not yet"; any other error ends the wait with that error.
    /// </remarks>
    /// <param name="traceId">The trace's id.</param>
    /// <param name="timeout">How long to wait in all; <see cref="Timeout.InfiniteTimeSpan"/> waits until cancelled.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The trace, as the last poll read it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="traceId"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="TimeoutException">The trace did not settle in time; the message names the id and the last span count seen.</exception>
    /// <exception cref="OpperApiException">The API answered with an error other than 404.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <example>
    /// <code>
    /// var response = await client.Functions.CallAsync(functionId, request);
    /// var span = await client.Spans.GetAsync(response.SpanId);
    /// GetTraceResponse trace = await client.Traces.WaitForTraceAsync(span.TraceId!, TimeSpan.FromSeconds(30));
    /// </code>
    /// </example>
    public virtual Task<GetTraceResponse> WaitForTraceAsync(string traceId, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForTraceCoreAsync(traceId, timeout, DefaultPollDelay, cancellationToken);

    /// <summary>
    /// Fetches many traces: lists them (<c>GET /traces</c>, optionally by name), then fetches each
    /// with <c>GET /traces/{trace_id}</c>, at most <paramref name="maxConcurrency"/> calls at once,
    /// and yields them in list order as they arrive.
    /// </summary>
    /// <remarks>
    /// Every call, list pages included, holds one of the <paramref name="maxConcurrency"/> slots,
    /// and at most that many traces are fetched ahead of the one the caller reads next, so memory
    /// is bounded whatever <paramref name="limit"/> is. Stopping the enumeration (or cancelling)
    /// cancels the calls in flight and lists no further.
    /// </remarks>
    /// <param name="name">Only traces with this name (the name of their root span); all when null.</param>
    /// <param name="limit">The most traces to fetch.</param>
    /// <param name="maxConcurrency">The most calls in flight at once.</param>
    /// <param name="onError">
    /// Called with the trace id and the exception when fetching one trace fails; that trace is
    /// skipped and the rest go on. Without it, the first failed fetch ends the enumeration with its
    /// exception. Failures of the listing itself always end the enumeration.
    /// </param>
    /// <param name="cancellationToken">Cancels listing and fetching.</param>
    /// <returns>The traces, in the order the list gives them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> or <paramref name="maxConcurrency"/> is less than 1.</exception>
    /// <example>
    /// <code>
    /// await foreach (GetTraceResponse trace in client.Traces.GetManyAsync(name: "research", limit: 50,
    ///     onError: (id, error) =&gt; Console.Error.WriteLine($"{id}: {error.Message}")))
    /// {
    ///     Console.WriteLine($"{trace.Id}: {trace.Summarize().SpanCount} spans");
    /// }
    /// </code>
    /// </example>
    public virtual IAsyncEnumerable<GetTraceResponse> GetManyAsync(
        string? name = null,
        int limit = 100,
        int maxConcurrency = 8,
        Action<string, Exception>? onError = null,
        CancellationToken cancellationToken = default)
    {
        if (limit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must be 1 or more.");
        }

        if (maxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "The concurrency must be 1 or more.");
        }

        return TraceFetcher.GetManyAsync(this, name, limit, Math.Min(limit, MaxListPageSize), maxConcurrency, onError, cancellationToken);
    }

    /// <summary><see cref="WaitForTraceAsync(string, TimeSpan, CancellationToken)"/> with the first poll delay given (tests shorten it).</summary>
    internal async Task<GetTraceResponse> WaitForTraceCoreAsync(string traceId, TimeSpan timeout, TimeSpan firstDelay, CancellationToken cancellationToken)
    {
        if (traceId is null)
        {
            throw new ArgumentNullException(nameof(traceId));
        }

        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must not be negative.");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(timeout);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan delay = firstDelay;
        int? lastCount = null;
        bool found = false;
        try
        {
            while (true)
            {
                GetTraceResponse? trace = null;
                try
                {
                    trace = await GetAsync(traceId, deadline.Token).ConfigureAwait(false);
                }
                catch (OpperNotFoundException)
                {
                    // Not indexed yet.
                }

                if (trace is not null)
                {
                    int count = CountSpans(trace);
                    if (found && lastCount == count)
                    {
                        return trace;
                    }

                    found = true;
                    lastCount = count;
                }

                if (timeout != Timeout.InfiniteTimeSpan && clock.Elapsed + delay > timeout)
                {
                    // The next poll would come after the deadline: wait out the rest and give up.
                    await Task.Delay(Remaining(timeout, clock.Elapsed), deadline.Token).ConfigureAwait(false);
                    break;
                }

                await Task.Delay(delay, deadline.Token).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPollDelay.Ticks));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The deadline, not the caller, cancelled the poll in flight or the wait.
        }

        throw new TimeoutException(
            "Trace '" + traceId + "' did not settle within " + Describe(timeout) + ": "
            + (found
                ? "last span count seen: " + lastCount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (it had not yet stayed the same over two polls)."
                : "it was not found (404) on any poll; last span count seen: 0."));
    }

    private static int CountSpans(GetTraceResponse trace)
    {
        int count = 0;
        if (trace.Spans is { } spans)
        {
            foreach (SpanSchema? span in spans)
            {
                if (span is not null)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static TimeSpan Remaining(TimeSpan timeout, TimeSpan elapsed) =>
        elapsed >= timeout ? TimeSpan.Zero : timeout - elapsed;

    private static string Describe(TimeSpan timeout) =>
        timeout.TotalSeconds >= 1
            ? timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s"
            : timeout.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " ms";
}
