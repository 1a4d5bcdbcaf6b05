using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Opper.Models;

namespace Opper.OpenTelemetry.Implementation;

/// <summary>
/// Sends spans with <c>POST /spans</c>, one call per span, a bounded number at once, retrying
/// 408, 429, 5xx, timeouts and transport failures with backoff (the client never retries a POST).
/// A 409 means the server already holds the span: it counts as sent. Never throws: each span ends
/// as sent or lost, counted exactly once.
/// </summary>
internal sealed class SpanSender
{
    private readonly OpperClient _client;
    private readonly int _maxConcurrency;
    private readonly int _maxRetries;
    private readonly OpperRetryPolicy _retryPolicy;
    private long _sent;
    private long _lost;

    public SpanSender(OpperClient client, int maxConcurrency, int maxRetries, OpperRetryPolicy retryPolicy)
    {
        _client = client;
        _maxConcurrency = maxConcurrency;
        _maxRetries = maxRetries;
        _retryPolicy = retryPolicy;
    }

    /// <summary>Spans the server accepted (or already held).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Spans given up on.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Counts spans lost before they reached the sender.</summary>
    public void AddLost(long count) => Interlocked.Add(ref _lost, count);

    /// <summary>Sends every span of <paramref name="work"/>; cancelling <paramref name="cancellationToken"/> gives up on the ones not yet sent.</summary>
    /// <returns>A task that ends when every span is sent or lost; it never fails.</returns>
    public Task SendAsync(Work work, CancellationToken cancellationToken)
    {
        var workers = new Task[Math.Min(_maxConcurrency, work.Spans.Count)];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = WorkAsync(work, cancellationToken);
        }

        return Task.WhenAll(workers);
    }

    private async Task WorkAsync(Work state, CancellationToken cancellationToken)
    {
        // Leave the caller's thread at once: the export thread only waits.
        await Task.Yield();
        int index;
        while ((index = state.Take()) < state.Spans.Count)
        {
            var error = await SendOneAsync(state.Spans[index], cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                Interlocked.Increment(ref _sent);
            }
            else
            {
                Interlocked.Increment(ref _lost);
                state.Fail(error);
            }
        }
    }

    /// <returns>Null when sent; else why the span is lost.</returns>
    private async Task<string?> SendOneAsync(CreateSpanRequest span, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string error;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                await _client.Spans.CreateAsync(span, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (OpperConflictException)
            {
                // The server already holds a span with this id: an earlier attempt got through.
                return null;
            }
            catch (OpperSerializationException ex) when (ex.StatusCode is >= 200 and < 300)
            {
                // Accepted; only the echo of the span could not be read.
                return null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return "the export was cancelled (export timeout or shutdown) before the span was sent";
            }
            catch (OpperApiException ex) when (IsRetryable(ex.StatusCode))
            {
                error = Describe(ex);
                retryAfter = ex.RetryAfter;
            }
            catch (TimeoutException ex)
            {
                error = Describe(ex);
            }
            catch (HttpRequestException ex)
            {
                error = Describe(ex);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // 400, 401, 404, 422, a refused configuration: another attempt would meet the same answer.
                return Describe(ex);
            }

            if (attempt > _maxRetries)
            {
                return error + " (after " + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture) + " attempts)";
            }

            var delay = _retryPolicy.GetDelay(attempt, retryAfter);
            OpperExporterEventSource.Log.Retrying((int)Math.Min(delay.TotalMilliseconds, int.MaxValue), attempt, error);
            try
            {
                await _retryPolicy.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return "the export was cancelled (export timeout or shutdown) while waiting to retry: " + error;
            }
        }
    }

    private static bool IsRetryable(int status) =>
        status is 408 or 429 || (status >= 500 && status != 501 && status != 505);

    private static string Describe(Exception ex) => ex.GetType().Name + ": " + ex.Message;

    /// <summary>One batch of spans, and what became of them.</summary>
    internal sealed class Work
    {
        private int _next = -1;
        private int _lost;
        private string? _firstError;

        public Work(IReadOnlyList<CreateSpanRequest> spans) => Spans = spans;

        public IReadOnlyList<CreateSpanRequest> Spans { get; }

        /// <summary>How many of the spans were lost.</summary>
        public int Lost => Volatile.Read(ref _lost);

        /// <summary>Why the first lost span was lost.</summary>
        public string? FirstError => Volatile.Read(ref _firstError);

        /// <summary>The index of the next span to send.</summary>
        public int Take() => Interlocked.Increment(ref _next);

        public void Fail(string error)
        {
            Interlocked.Increment(ref _lost);
            Interlocked.CompareExchange(ref _firstError, error, null);
        }
    }
}
