// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// Runs each attempt under the per-attempt timeout and retries what the retry policy says to:
    /// only calls that can be sent again (GET, HEAD, PUT, DELETE, OPTIONS with a replayable body),
    /// at most <c>MaxRetries</c> times, never past a <c>Retry-After</c> longer than
    /// <c>MaxRetryAfter</c>. It also gives failures their documented types: the caller's
    /// cancellation is an <see cref="global::System.OperationCanceledException"/> with the caller's
    /// token, a timed-out attempt a <see cref="__Client__TimeoutException"/>, a broken connection an
    /// <see cref="global::System.Net.Http.HttpRequestException"/>.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__RetryStage : __Client__PipelineStage
    {
        private readonly __Client__RetryPolicy _policy;
        private readonly int _maxRetries;
        private readonly global::System.TimeSpan _timeout;
        private readonly global::System.TimeSpan _maxRetryAfter;
        private readonly global::System.Net.Http.HttpClient _http;

        public __Client__RetryStage(__Client__RetryPolicy policy, int maxRetries, global::System.TimeSpan timeout, global::System.TimeSpan maxRetryAfter, global::System.Net.Http.HttpClient http)
        {
            _policy = policy;
            _maxRetries = maxRetries;
            _timeout = timeout;
            _maxRetryAfter = maxRetryAfter;
            _http = http;
        }

        private static bool IsIdempotent(string method) =>
            method is "GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS";

        public override async global::System.Threading.Tasks.Task ProcessAsync(__Client__PipelineMessage message)
        {
            var request = message.Request;
            var callToken = message.CallToken;
            var retryable = IsIdempotent(request.Method) && request.Replayable;
            var attempts = retryable ? 1 + _maxRetries : 1;
            for (var attempt = 1; ; attempt++)
            {
                callToken.ThrowIfCancellationRequested();
                using var attemptCts = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(callToken);
                if (_timeout != global::System.Threading.Timeout.InfiniteTimeSpan)
                {
                    attemptCts.CancelAfter(_timeout);
                }

                message.Attempt = attempt;
                message.CancellationToken = attemptCts.Token;
                global::System.Exception failure;
                try
                {
                    await ProcessNextAsync(message).ConfigureAwait(false);
                    return;
                }
                catch (global::System.Exception ex) when (callToken.IsCancellationRequested && ex is not __Client__ApiException)
                {
                    message.Dispose();
                    throw new global::System.OperationCanceledException("The call was cancelled.", ex, callToken);
                }
                catch (__Client__ApiException ex)
                {
                    failure = ex;
                }
                catch (global::System.Exception ex) when (attemptCts.IsCancellationRequested && ex is not global::System.IO.InvalidDataException)
                {
                    failure = new __Client__TimeoutException(
                        $"{request.Method} {request.PathTemplate} timed out: the attempt took longer than the {Describe(_timeout)} timeout ({attempt} of {attempts} attempts made).",
                        attempt,
                        ex);
                }
                catch (global::System.OperationCanceledException ex)
                {
                    // Neither the caller nor the attempt's timer cancelled: the HttpClient's own
                    // Timeout did (a caller's client keeps its Timeout, 100 s unless changed).
                    failure = new __Client__TimeoutException(
                        $"{request.Method} {request.PathTemplate} timed out: the HttpClient's own Timeout ({Describe(_http.Timeout)}) ended the attempt ({attempt} of {attempts} attempts made).",
                        attempt,
                        ex);
                }
                catch (global::System.Net.Http.HttpRequestException ex) when (!ex.Data.Contains(__Client__RedirectStage.RedirectRefused))
                {
                    failure = ex;
                }
                catch (global::System.IO.IOException ex)
                {
                    failure = new global::System.Net.Http.HttpRequestException($"{request.Method} {request.PathTemplate} failed: the connection broke while reading the response.", ex);
                }
                catch (global::System.Net.Sockets.SocketException ex)
                {
                    // SocketsHttpHandler lets some socket errors through unwrapped, such as a reset
                    // that arrives while it sets up a new connection: a transport failure all the same.
                    failure = new global::System.Net.Http.HttpRequestException($"{request.Method} {request.PathTemplate} failed: the connection broke ({ex.SocketErrorCode}).", ex);
                }
                catch
                {
                    // Serialization errors, a response over the size limit, a refused redirect:
                    // every attempt would end the same way.
                    message.Dispose();
                    throw;
                }

                message.Dispose();
                var retryAfter = (failure as __Client__ApiException)?.RetryAfter;
                if (!retryable || attempt >= attempts || !_policy.ShouldRetry(attempt, failure) || (retryAfter is { } asked && asked > _maxRetryAfter))
                {
                    global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                }

                await _policy.DelayAsync(_policy.GetDelay(attempt, retryAfter), callToken).ConfigureAwait(false);
            }
        }

        private static string Describe(global::System.TimeSpan timeout) =>
            timeout.TotalSeconds >= 1
                ? timeout.TotalSeconds.ToString("0.###", global::System.Globalization.CultureInfo.InvariantCulture) + " s"
                : timeout.TotalMilliseconds.ToString("0.###", global::System.Globalization.CultureInfo.InvariantCulture) + " ms";
    }
}
