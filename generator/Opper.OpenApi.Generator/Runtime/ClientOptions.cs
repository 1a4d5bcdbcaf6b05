// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// Settings of a <see cref="__Client__Client"/>. The client copies them when it is built (the
    /// retry policy and the default headers included), so changing an options object later does not
    /// change a client that already exists.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public partial class __Client__ClientOptions
    {
        private int _maxRetries = 2;
        private global::System.TimeSpan _timeout = global::System.TimeSpan.FromSeconds(100);
        private long _maxResponseBytes = 256L * 1024 * 1024;
        private int _maxJsonDepth = 256;

        /// <summary>
        /// The API key, sent as a bearer token. When not set, the client reads the environment
        /// variables listed in <see cref="ApiKeyEnvironmentVariables"/>, first set wins. A missing
        /// key is reported at the first call, not when the client is built. Surrounding whitespace
        /// is ignored.
        /// </summary>
        public string? ApiKey { get; set; }

        /// <summary>The environment variables that may hold the API key, in the order they are read.</summary>
        public static global::System.Collections.Generic.IReadOnlyList<string> ApiKeyEnvironmentVariables => __Client__ClientDefaults.ApiKeyEnvironmentVariables;

        private global::System.Uri? _baseUrl = __Client__ClientDefaults.BaseUrl.Length > 0 ? new global::System.Uri(__Client__ClientDefaults.BaseUrl) : null;

        /// <summary>
        /// The base URL that the spec's paths are appended to; the default is the spec's first
        /// server. It must be an absolute <c>http</c> or <c>https</c> URL.
        /// </summary>
        public global::System.Uri? BaseUrl
        {
            get => _baseUrl;
            set => _baseUrl = value is null || (value.IsAbsoluteUri && (value.Scheme == global::System.Uri.UriSchemeHttps || value.Scheme == global::System.Uri.UriSchemeHttp))
                ? value
                : throw new global::System.ArgumentException("BaseUrl must be an absolute http or https URL.", nameof(value));
        }

        /// <summary>
        /// How many times an idempotent call (GET, HEAD, PUT, DELETE, OPTIONS) is retried on 429,
        /// 500, 502, 503, 504, timeouts and transport failures: 2 means at most 3 attempts.
        /// POST and PATCH are never retried.
        /// </summary>
        public int MaxRetries
        {
            get => _maxRetries;
            set => _maxRetries = value >= 0 ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "MaxRetries cannot be negative.");
        }

        /// <summary>The longest one attempt may take, body included; <see cref="global::System.Threading.Timeout.InfiniteTimeSpan"/> for none.</summary>
        public global::System.TimeSpan Timeout
        {
            get => _timeout;
            set => _timeout = value > global::System.TimeSpan.Zero || value == global::System.Threading.Timeout.InfiniteTimeSpan
                ? value
                : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "Timeout must be positive or infinite.");
        }

        /// <summary>
        /// Which failures are retried and the backoff between retries; replace it to change them (or
        /// to not sleep in tests). The client keeps a copy made when it is built.
        /// </summary>
        public __Client__RetryPolicy RetryPolicy { get; set; } = new __Client__RetryPolicy();

        /// <summary>
        /// The longest <c>Retry-After</c> the client waits for before retrying; a longer one
        /// ends the call at once with the error, whose <c>RetryAfter</c> tells the wait.
        /// </summary>
        public global::System.TimeSpan MaxRetryAfter { get; set; } = global::System.TimeSpan.FromSeconds(60);

        /// <summary>Headers added to every request (the client's own headers take precedence).</summary>
        public global::System.Collections.Generic.IDictionary<string, string> DefaultHeaders { get; } =
            new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.OrdinalIgnoreCase);

        /// <summary>Text appended to the <c>User-Agent</c> header, such as <c>my-app/1.2</c>.</summary>
        public string? UserAgentSuffix { get; set; }

        /// <summary>
        /// Responses larger than this many bytes (256 MiB unless set) are refused with an
        /// <see cref="global::System.IO.InvalidDataException"/> naming <c>MaxResponseBytes</c>, instead of
        /// exhausting memory: when Content-Length announces more, before the body is read; otherwise
        /// (no length, or a compressed body) after reading at most this many bytes and one more. Not retried.
        /// </summary>
        /// <remarks>
        /// The exception's <see cref="global::System.Exception.Data"/> holds the limit, the bytes read and
        /// the Content-Length under the keys of <see cref="__Client__ResponseTooLarge"/>; catch it with
        /// <c>catch (InvalidDataException ex) when (__Client__ResponseTooLarge.Is(ex))</c>. An error
        /// body is never refused: at most this limit (and 4 MiB) of it is read, and the status's
        /// exception is thrown.
        /// </remarks>
        public long MaxResponseBytes
        {
            get => _maxResponseBytes;
            set => _maxResponseBytes = value > 0 ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "MaxResponseBytes must be positive.");
        }

        /// <summary>The deepest JSON nesting a response may have.</summary>
        public int MaxJsonDepth
        {
            get => _maxJsonDepth;
            set => _maxJsonDepth = value > 0 ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "MaxJsonDepth must be positive.");
        }

        /// <summary>
        /// Allows sending the API key over plain <c>http</c> to a host that is not the local
        /// machine. Off by default: the key goes only over https, or http to a loopback host.
        /// </summary>
        public bool AllowInsecureHttp { get; set; }

        /// <summary>The settings, for logs and debuggers; the API key is never shown, only whether it is set.</summary>
        /// <returns>A one-line description.</returns>
        public override string ToString() =>
            $"{GetType().Name} {{ BaseUrl = {Describe(BaseUrl)}, ApiKey = {(string.IsNullOrWhiteSpace(ApiKey) ? "(from the environment)" : "(set)")}, MaxRetries = {MaxRetries.ToString(global::System.Globalization.CultureInfo.InvariantCulture)}, Timeout = {Timeout.ToString("c", global::System.Globalization.CultureInfo.InvariantCulture)} }}";

        /// <summary>A URL for logs: without its user information, which may hold credentials.</summary>
        internal static string Describe(global::System.Uri? url) =>
            url is null
                ? "(none)"
                : url.IsAbsoluteUri
                    ? url.GetComponents(global::System.UriComponents.AbsoluteUri & ~global::System.UriComponents.UserInfo, global::System.UriFormat.UriEscaped)
                    : url.ToString();

        /// <summary>The API key this client uses: the option, else the first environment variable set.</summary>
        internal string? ResolveApiKey()
        {
            if (!string.IsNullOrWhiteSpace(ApiKey))
            {
                return ApiKey!.Trim();
            }

            foreach (var name in __Client__ClientDefaults.ApiKeyEnvironmentVariables)
            {
                var value = global::System.Environment.GetEnvironmentVariable(name);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return value!.Trim();
                }
            }

            return null;
        }
    }
}
