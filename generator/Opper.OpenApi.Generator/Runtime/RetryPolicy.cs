// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// Which failed attempts are retried, and how long the client waits before each retry:
    /// exponential backoff with jitter, honouring <c>Retry-After</c>. Override
    /// <see cref="ShouldRetry"/> to change which failures are retried, <see cref="GetDelay"/> to
    /// change the delays, or <see cref="DelayAsync"/> to change how the client waits (tests override
    /// it to record delays instead of sleeping). A client takes a copy of its policy when it is
    /// built (<c>MemberwiseClone</c>, so a subclass's fields are copied too, shallowly): changing
    /// the policy afterwards does not change that client.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public class __Client__RetryPolicy
    {
#if !NET6_0_OR_GREATER
        private static readonly global::System.Random Seed = new global::System.Random();
        [global::System.ThreadStatic]
        private static global::System.Random? t_random;
#endif

        /// <summary>The delay before the first retry; each later one doubles it.</summary>
        public global::System.TimeSpan InitialDelay { get; set; } = global::System.TimeSpan.FromMilliseconds(500);

        /// <summary>The longest backoff delay (a longer <c>Retry-After</c> is still honoured).</summary>
        public global::System.TimeSpan MaxDelay { get; set; } = global::System.TimeSpan.FromSeconds(8);

        /// <summary>
        /// Whether to retry after a failed attempt. Asked only for calls that can be sent again (GET,
        /// HEAD, PUT, DELETE and OPTIONS with a body that can be replayed; POST and PATCH never are)
        /// while retries are left, and only for these failures: an error status
        /// (<see cref="__Client__ApiException"/>), a timed-out attempt (<see cref="__Client__TimeoutException"/>)
        /// and a transport failure (<see cref="global::System.Net.Http.HttpRequestException"/>). The
        /// caller's cancellation, an unreadable body and a response over <c>MaxResponseBytes</c> are
        /// never retried, and neither is a status whose <c>Retry-After</c> is longer than
        /// <c>MaxRetryAfter</c>. The default retries 429, 500, 502, 503 and 504, timeouts and
        /// transport failures.
        /// </summary>
        /// <param name="retry">Which retry this would be, starting at 1 (the number of attempts made).</param>
        /// <param name="exception">What the attempt failed with.</param>
        /// <returns>True to retry after <see cref="GetDelay"/>.</returns>
        public virtual bool ShouldRetry(int retry, global::System.Exception exception) =>
            exception is __Client__ApiException api
                ? api.StatusCode is 429 or 500 or 502 or 503 or 504
                : exception is __Client__TimeoutException or global::System.Net.Http.HttpRequestException;

        /// <summary>
        /// The delay before retry number <paramref name="retry"/> (1 for the first retry):
        /// <c>InitialDelay × 2^(retry-1)</c> capped at <see cref="MaxDelay"/>, plus up to 25% jitter,
        /// and never less than the server's <paramref name="retryAfter"/>.
        /// </summary>
        /// <param name="retry">Which retry this is, starting at 1.</param>
        /// <param name="retryAfter">What the server's <c>Retry-After</c> asked for, if anything.</param>
        /// <returns>How long to wait.</returns>
        public virtual global::System.TimeSpan GetDelay(int retry, global::System.TimeSpan? retryAfter)
        {
            var exponent = global::System.Math.Min(global::System.Math.Max(retry - 1, 0), 30);
            var backoff = global::System.Math.Min(InitialDelay.TotalMilliseconds * global::System.Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
            var delay = global::System.TimeSpan.FromMilliseconds(backoff * (1 + (0.25 * NextDouble())));
            return retryAfter is { } asked && asked > delay ? asked : delay;
        }

        /// <summary>Waits; cancelling <paramref name="cancellationToken"/> ends the wait at once.</summary>
        /// <param name="delay">How long to wait.</param>
        /// <param name="cancellationToken">The caller's token.</param>
        /// <returns>A task that completes after the delay.</returns>
        public virtual global::System.Threading.Tasks.Task DelayAsync(global::System.TimeSpan delay, global::System.Threading.CancellationToken cancellationToken) =>
            delay <= global::System.TimeSpan.Zero
                ? global::System.Threading.Tasks.Task.CompletedTask
                : global::System.Threading.Tasks.Task.Delay(delay, cancellationToken);

        /// <summary>The copy a client keeps: later changes to this policy do not reach it.</summary>
        internal __Client__RetryPolicy Snapshot() => (__Client__RetryPolicy)MemberwiseClone();

        private static double NextDouble()
        {
#if NET6_0_OR_GREATER
            return global::System.Random.Shared.NextDouble();
#else
            if (t_random is null)
            {
                int seed;
                lock (Seed)
                {
                    seed = Seed.Next();
                }

                t_random = new global::System.Random(seed);
            }

            return t_random.NextDouble();
#endif
        }
    }
}
