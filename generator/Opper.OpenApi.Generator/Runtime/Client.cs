// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// The client of the API. Thread-safe: build one and share it. The operations are grouped
    /// into sub-clients, one per tag of the specification.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public partial class __Client__Client : global::System.IDisposable
    {
        private readonly __Client__Pipeline _pipeline;

        /// <summary>A client with default options (the API key from the environment).</summary>
        public __Client__Client()
            : this(new __Client__ClientOptions())
        {
        }

        /// <summary>A client with this API key and default options.</summary>
        /// <param name="apiKey">The API key.</param>
        public __Client__Client(string apiKey)
            : this(new __Client__ClientOptions { ApiKey = apiKey })
        {
        }

        /// <summary>A client with these options; it owns (and disposes) its own HTTP connection pool.</summary>
        /// <param name="options">The options; they are copied, so later changes do not affect this client.</param>
        public __Client__Client(__Client__ClientOptions options)
        {
            _pipeline = new __Client__Pipeline(null, options ?? throw new global::System.ArgumentNullException(nameof(options)));
        }

        /// <summary>
        /// A client that sends through a caller's <see cref="global::System.Net.Http.HttpClient"/>
        /// (for example one from <c>IHttpClientFactory</c>). The client never disposes it, and
        /// always uses <see cref="__Client__ClientOptions.BaseUrl"/>, not the HttpClient's BaseAddress.
        /// </summary>
        /// <param name="httpClient">The HTTP client to send with.</param>
        /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
        public __Client__Client(global::System.Net.Http.HttpClient httpClient, __Client__ClientOptions? options = null)
        {
            _pipeline = new __Client__Pipeline(httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient)), options ?? new __Client__ClientOptions());
        }

        /// <summary>The client's base URL, for logs and debuggers; the API key is never shown.</summary>
        /// <returns>A one-line description.</returns>
        public override string ToString() => $"{GetType().Name} {{ BaseUrl = {__Client__ClientOptions.Describe(_pipeline.BaseUrl)} }}";

        /// <summary>Releases the HTTP connection pool, if this client created it.</summary>
        public void Dispose()
        {
            Dispose(true);
            global::System.GC.SuppressFinalize(this);
        }

        /// <summary>Releases resources.</summary>
        /// <param name="disposing">Whether this is called from <see cref="Dispose()"/>.</param>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                _pipeline.Dispose();
            }
        }
    }
}
