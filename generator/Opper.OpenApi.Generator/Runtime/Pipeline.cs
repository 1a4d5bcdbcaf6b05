// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// Sends every request of a client through its stages, then reads the success body from
    /// memory. The stages, outermost first: authentication and the https guard, retries and
    /// timeouts, error mapping, body reading, redirects, transport. Built once from a snapshot of
    /// the options (later changes to the options or their retry policy do not reach it);
    /// thread-safe, one instance shared by the root client and its sub-clients.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__Pipeline : global::System.IDisposable
    {
        private readonly global::System.Net.Http.HttpClient _http;
        private readonly bool _ownsHttp;
        private readonly global::System.Uri? _baseUrl;
        private readonly int _maxJsonDepth;
        private readonly __Client__Redactor _redactor;
        private readonly __Client__PipelineStage? _stages;
        private int _disposed;

        public __Client__Pipeline(global::System.Net.Http.HttpClient? httpClient, __Client__ClientOptions options)
        {
            if (options is null)
            {
                throw new global::System.ArgumentNullException(nameof(options));
            }

            _ownsHttp = httpClient is null;
            _http = httpClient ?? CreateHttpClient();
            var apiKey = options.ResolveApiKey();
            _redactor = new __Client__Redactor(apiKey);
            _baseUrl = options.BaseUrl;
            _maxJsonDepth = options.MaxJsonDepth;
            var version = typeof(__Client__Pipeline).Assembly
                .GetCustomAttributes(typeof(global::System.Reflection.AssemblyInformationalVersionAttribute), false)
                is { Length: > 0 } attributes
                ? ((global::System.Reflection.AssemblyInformationalVersionAttribute)attributes[0]).InformationalVersion.Split('+')[0]
                : "0.0.0";
            var userAgent = __Client__ClientDefaults.UserAgent + "/" + version
                + (string.IsNullOrWhiteSpace(options.UserAgentSuffix) ? string.Empty : " " + options.UserAgentSuffix!.Trim());
            var defaultHeaders = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>(options.DefaultHeaders).ToArray();
            if (_baseUrl is not null)
            {
                _stages = __Client__PipelineStage.Chain(
                    new __Client__AuthenticationStage(apiKey, _baseUrl, options.AllowInsecureHttp),
                    new __Client__RetryStage((options.RetryPolicy ?? new __Client__RetryPolicy()).Snapshot(), options.MaxRetries, options.Timeout, options.MaxRetryAfter, _http),
                    new __Client__ErrorStage(_redactor, options.MaxResponseBytes, options.MaxJsonDepth),
                    new __Client__BodyStage(options.MaxResponseBytes),
                    new __Client__RedirectStage(_baseUrl),
                    new __Client__TransportStage(_http, userAgent, defaultHeaders));
            }
        }

        private static global::System.Net.Http.HttpClient CreateHttpClient()
        {
#if NET5_0_OR_GREATER
            var handler = new global::System.Net.Http.SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = global::System.Net.DecompressionMethods.All,
                PooledConnectionLifetime = global::System.TimeSpan.FromMinutes(5),
            };
#else
            var handler = new global::System.Net.Http.HttpClientHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = global::System.Net.DecompressionMethods.GZip | global::System.Net.DecompressionMethods.Deflate,
            };
#endif
            return new global::System.Net.Http.HttpClient(handler, disposeHandler: true)
            {
                Timeout = global::System.Threading.Timeout.InfiniteTimeSpan,
            };
        }

        /// <summary>The base URL that requests go to.</summary>
        public global::System.Uri? BaseUrl => _baseUrl;

        public void Dispose()
        {
            if (global::System.Threading.Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttp)
            {
                _http.Dispose();
            }
        }

        /// <summary>Sends a request whose success body is JSON read by <paramref name="read"/>.</summary>
        public global::System.Threading.Tasks.Task<T> SendAsync<T>(__Client__Request request, __Client__ErrorResponse[] errors, global::System.Func<global::Newtonsoft.Json.JsonReader, T> read, global::System.Threading.CancellationToken cancellationToken) =>
            ExecuteAsync(request, errors, true, message =>
            {
                var response = message.Response!;
                if (message.Body is not { } body)
                {
                    throw Serialization(request, response, "The response has no body; a JSON value was expected.", null, null);
                }

                try
                {
                    using var stream = body.OpenRead(release: true);
                    var value = __Client__Json.Deserialize(stream, read, _maxJsonDepth);
                    if (value is null)
                    {
                        throw Serialization(request, response, "The response body is null; a JSON value was expected.", string.Empty, null);
                    }

                    return value;
                }
                catch (global::Newtonsoft.Json.JsonException ex)
                {
                    var path = ex is global::Newtonsoft.Json.JsonSerializationException s ? s.Path : (ex as global::Newtonsoft.Json.JsonReaderException)?.Path;
                    throw Serialization(request, response, "The response body cannot be read: " + ex.Message, path, ex);
                }
            }, cancellationToken);

        /// <summary>Sends a request whose success has no body worth reading.</summary>
        public global::System.Threading.Tasks.Task SendAsync(__Client__Request request, __Client__ErrorResponse[] errors, global::System.Threading.CancellationToken cancellationToken) =>
            ExecuteAsync<object?>(request, errors, false, static _ => null, cancellationToken);

        /// <summary>Sends a request whose success body is text.</summary>
        public global::System.Threading.Tasks.Task<string> SendTextAsync(__Client__Request request, __Client__ErrorResponse[] errors, global::System.Threading.CancellationToken cancellationToken) =>
            ExecuteAsync(request, errors, true, static message =>
            {
                if (message.Body is not { } body)
                {
                    return string.Empty;
                }

                using var reader = new global::System.IO.StreamReader(body.OpenRead(release: true));
                return reader.ReadToEnd();
            }, cancellationToken);

        /// <summary>Sends a request whose success body is binary.</summary>
        public global::System.Threading.Tasks.Task<byte[]> SendBytesAsync(__Client__Request request, __Client__ErrorResponse[] errors, global::System.Threading.CancellationToken cancellationToken) =>
            ExecuteAsync(request, errors, true, static message =>
            {
                if (message.Body is not { } body)
                {
                    return global::System.Array.Empty<byte>();
                }

                var bytes = new byte[body.Length];
                using var stream = body.OpenRead(release: true);
                var read = 0;
                while (read < bytes.Length)
                {
                    read += stream.Read(bytes, read, bytes.Length - read);
                }

                return bytes;
            }, cancellationToken);

        /// <summary>Runs the stages, then makes the result from the response and its body, which are then let go.</summary>
        private async global::System.Threading.Tasks.Task<T> ExecuteAsync<T>(
            __Client__Request request,
            __Client__ErrorResponse[] errors,
            bool readBody,
            global::System.Func<__Client__PipelineMessage, T> onSuccess,
            global::System.Threading.CancellationToken cancellationToken)
        {
            if (global::System.Threading.Volatile.Read(ref _disposed) != 0)
            {
                throw new global::System.ObjectDisposedException(typeof(__Client__Client).FullName);
            }

            if (_stages is null)
            {
                throw new global::System.InvalidOperationException($"{typeof(__Client__ClientOptions).Name}.BaseUrl is not set and the specification names no absolute server URL.");
            }

            cancellationToken.ThrowIfCancellationRequested();
            using var message = new __Client__PipelineMessage(request, errors, readBody, cancellationToken);
            await _stages.ProcessAsync(message).ConfigureAwait(false);
            return onSuccess(message);
        }

        private __Client__SerializationException Serialization(__Client__Request request, global::System.Net.Http.HttpResponseMessage response, string message, string? path, global::System.Exception? inner)
        {
            // The reader's messages quote values from the body, which may echo the key: an inner
            // exception that names it is replaced by a copy without it.
            if (inner is global::Newtonsoft.Json.JsonException json && _redactor.NamesSecret(inner))
            {
                inner = new global::Newtonsoft.Json.JsonSerializationException(_redactor.Redact(json.Message), _redactor.Redact(path ?? string.Empty), 0, 0, null);
            }

            return new __Client__SerializationException(
                $"{request.Method} {request.PathTemplate} returned {(int)response.StatusCode} with a body that does not match the specification. {_redactor.Redact(message)}",
                path is null ? null : _redactor.Redact(path),
                (int)response.StatusCode,
                inner)
            {
                RequestId = __Client__ErrorStage.RequestIdOf(response) is { } id ? _redactor.Redact(id) : null,
            };
        }
    }
}
