// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>A documented error response of one operation: its status key and body reader.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__ErrorResponse
    {
        public __Client__ErrorResponse(string status, global::System.Func<global::Newtonsoft.Json.JsonReader, object>? read)
        {
            Status = status;
            Read = read;
        }

        /// <summary>"404", "4XX" or "DEFAULT", as the spec writes it.</summary>
        public string Status { get; }

        public global::System.Func<global::Newtonsoft.Json.JsonReader, object>? Read { get; }
    }

    /// <summary>
    /// Sends every request of a client: authentication, headers, per-attempt timeout, retries
    /// with backoff, redirects, error mapping and streaming deserialization. Thread-safe; one
    /// instance is shared by the root client and its sub-clients.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__Pipeline : global::System.IDisposable
    {
        private const int MaxErrorBodyChars = 64 * 1024;
        private const int MaxRedirects = 5;
        private const string Redacted = "[REDACTED]";

        /// <summary>Marks (in <c>Exception.Data</c>) a redirect the client will not follow: every attempt would meet it, so it is not retried.</summary>
        private const string RedirectRefused = "__Client__.RedirectRefused";

        private static readonly global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue AcceptJson =
            new global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json");

        private readonly global::System.Net.Http.HttpClient _http;
        private readonly bool _ownsHttp;
        private readonly string? _apiKey;
        private readonly string? _secret;
        private readonly global::System.Uri? _baseUrl;
        private readonly int _maxRetries;
        private readonly global::System.TimeSpan _timeout;
        private readonly global::System.TimeSpan _maxRetryAfter;
        private readonly __Client__RetryPolicy _retryPolicy;
        private readonly long _maxResponseBytes;
        private readonly int _maxJsonDepth;
        private readonly bool _allowInsecureHttp;
        private readonly string _userAgent;
        private readonly global::System.Collections.Generic.KeyValuePair<string, string>[] _defaultHeaders;
        private int _disposed;

        public __Client__Pipeline(global::System.Net.Http.HttpClient? httpClient, __Client__ClientOptions options)
        {
            if (options is null)
            {
                throw new global::System.ArgumentNullException(nameof(options));
            }

            _ownsHttp = httpClient is null;
            _http = httpClient ?? CreateHttpClient();
            _apiKey = options.ResolveApiKey();
            _secret = SecretOf(_apiKey);
            _baseUrl = options.BaseUrl;
            _maxRetries = options.MaxRetries;
            _timeout = options.Timeout;
            _maxRetryAfter = options.MaxRetryAfter;
            _retryPolicy = options.RetryPolicy ?? new __Client__RetryPolicy();
            _maxResponseBytes = options.MaxResponseBytes;
            _maxJsonDepth = options.MaxJsonDepth;
            _allowInsecureHttp = options.AllowInsecureHttp;
            var version = typeof(__Client__Pipeline).Assembly
                .GetCustomAttributes(typeof(global::System.Reflection.AssemblyInformationalVersionAttribute), false)
                is { Length: > 0 } attributes
                ? ((global::System.Reflection.AssemblyInformationalVersionAttribute)attributes[0]).InformationalVersion.Split('+')[0]
                : "0.0.0";
            _userAgent = __Client__ClientDefaults.UserAgent + "/" + version
                + (string.IsNullOrWhiteSpace(options.UserAgentSuffix) ? string.Empty : " " + options.UserAgentSuffix!.Trim());
            _defaultHeaders = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>(options.DefaultHeaders).ToArray();
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

        // ------------------------------------------------------------ entry points

        /// <summary>Sends a request whose success body is JSON read by <paramref name="read"/>.</summary>
        public global::System.Threading.Tasks.Task<T> SendAsync<T>(__Client__Request request, __Client__ErrorResponse[] errors, global::System.Func<global::Newtonsoft.Json.JsonReader, T> read, global::System.Threading.CancellationToken cancellationToken) =>
            ExecuteAsync(request, errors, (response, stream) =>
            {
                if (stream is null)
                {
                    throw Serialization(request, response, "The response has no body; a JSON value was expected.", null, null);
                }

                try
                {
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
            ExecuteAsync<object?>(request, errors, static (_, _) => null, cancellationToken, readBody: false);

        /// <summary>Sends a request whose success body is text.</summary>
        public global::System.Threading.Tasks.Task<string> SendTextAsync(__Client__Request request, __Client__ErrorResponse[] errors, global::System.Threading.CancellationToken cancellationToken) =>
            ExecuteAsync(request, errors, static (_, stream) =>
            {
                if (stream is null)
                {
                    return string.Empty;
                }

                using var reader = new global::System.IO.StreamReader(stream);
                return reader.ReadToEnd();
            }, cancellationToken);

        /// <summary>Sends a request whose success body is binary.</summary>
        public global::System.Threading.Tasks.Task<byte[]> SendBytesAsync(__Client__Request request, __Client__ErrorResponse[] errors, global::System.Threading.CancellationToken cancellationToken) =>
            ExecuteAsync(request, errors, static (_, stream) =>
            {
                if (stream is null)
                {
                    return global::System.Array.Empty<byte>();
                }

                using var buffer = new global::System.IO.MemoryStream();
                stream.CopyTo(buffer);
                return buffer.ToArray();
            }, cancellationToken);

        // ------------------------------------------------------------ the attempt loop

        private static bool IsIdempotent(string method) =>
            method is "GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS";

        private static bool IsRetryableStatus(int status) =>
            status is 429 or 500 or 502 or 503 or 504;

        private async global::System.Threading.Tasks.Task<T> ExecuteAsync<T>(
            __Client__Request request,
            __Client__ErrorResponse[] errors,
            global::System.Func<global::System.Net.Http.HttpResponseMessage, global::System.IO.Stream?, T> onSuccess,
            global::System.Threading.CancellationToken cancellationToken,
            bool readBody = true)
        {
            EnsureUsable();
            cancellationToken.ThrowIfCancellationRequested();
            var retryable = IsIdempotent(request.Method) && request.Replayable;
            var attempts = retryable ? 1 + _maxRetries : 1;
            for (var attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var attemptCts = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (_timeout != global::System.Threading.Timeout.InfiniteTimeSpan)
                {
                    attemptCts.CancelAfter(_timeout);
                }

                global::System.Exception? failure;
                global::System.Net.Http.HttpResponseMessage? response = null;
                try
                {
                    response = await SendWithRedirectsAsync(request, attemptCts.Token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (status >= 200 && status < 300)
                    {
                        return await ReadSuccessAsync(request, response, onSuccess, readBody, attemptCts.Token).ConfigureAwait(false);
                    }

                    var error = await CreateErrorAsync(request, response, errors, attemptCts.Token).ConfigureAwait(false);
                    if (!retryable || attempt >= attempts || !IsRetryableStatus(status))
                    {
                        throw error;
                    }

                    if (error.RetryAfter is { } asked && asked > _maxRetryAfter)
                    {
                        throw error;
                    }

                    response.Dispose();
                    response = null;
                    await _retryPolicy.DelayAsync(_retryPolicy.GetDelay(attempt, error.RetryAfter), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (global::System.Exception ex) when (cancellationToken.IsCancellationRequested && ex is not __Client__ApiException)
                {
                    throw new global::System.OperationCanceledException("The call was cancelled.", ex, cancellationToken);
                }
                catch (global::System.Exception ex) when (attemptCts.IsCancellationRequested && ex is not __Client__ApiException and not __Client__SerializationException)
                {
                    failure = new __Client__TimeoutException(
                        $"{request.Method} {request.PathTemplate} timed out: the attempt took longer than the {Describe(_timeout)} timeout ({attempt} of {attempts} attempts made).",
                        attempt,
                        ex);
                }
                catch (global::System.OperationCanceledException ex)
                {
                    // Neither the caller nor our per-attempt timer cancelled: the HttpClient's own
                    // Timeout did (a caller's client keeps its Timeout, 100 s unless changed).
                    failure = new __Client__TimeoutException(
                        $"{request.Method} {request.PathTemplate} timed out: the HttpClient's own Timeout ({Describe(_http.Timeout)}) ended the attempt ({attempt} of {attempts} attempts made).",
                        attempt,
                        ex);
                }
                catch (global::System.Net.Http.HttpRequestException ex) when (!ex.Data.Contains(RedirectRefused))
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
                finally
                {
                    response?.Dispose();
                }

                if (!retryable || attempt >= attempts)
                {
                    global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                }

                await _retryPolicy.DelayAsync(_retryPolicy.GetDelay(attempt, null), cancellationToken).ConfigureAwait(false);
            }
        }

        private static string Describe(global::System.TimeSpan timeout) =>
            timeout.TotalSeconds >= 1
                ? timeout.TotalSeconds.ToString("0.###", global::System.Globalization.CultureInfo.InvariantCulture) + " s"
                : timeout.TotalMilliseconds.ToString("0.###", global::System.Globalization.CultureInfo.InvariantCulture) + " ms";

        private async global::System.Threading.Tasks.Task<T> ReadSuccessAsync<T>(
            __Client__Request request,
            global::System.Net.Http.HttpResponseMessage response,
            global::System.Func<global::System.Net.Http.HttpResponseMessage, global::System.IO.Stream?, T> onSuccess,
            bool readBody,
            global::System.Threading.CancellationToken attemptToken)
        {
            if (!readBody || (int)response.StatusCode == 204 || response.Content is null || response.Content.Headers.ContentLength == 0)
            {
                return onSuccess(response, null);
            }

            if (response.Content.Headers.ContentLength is { } length && length > _maxResponseBytes)
            {
                throw TooLarge(request, length);
            }

            // The body is read asynchronously into pooled buffers, then parsed from memory: no
            // thread waits on the network. The read stops one byte past the limit, so an endless
            // or oversized body costs at most the limit. Each read waits with the attempt's token,
            // so a cancelled or timed-out attempt ends a read that is waiting on the network (the
            // handler closes that connection). Disposing the response instead is not safe there:
            // SocketsHttpHandler then drains the connection to reuse it while the read still
            // waits on it, and the two split the bytes that arrive between them.
            var beyondLimit = _maxResponseBytes == long.MaxValue ? long.MaxValue : _maxResponseBytes + 1;
            using var body = await ReadBodyAsync(response, response.Content, beyondLimit, attemptToken).ConfigureAwait(false);
            if (body.Length > _maxResponseBytes)
            {
                throw TooLarge(request, body.Length);
            }

            using var stream = body.OpenRead(release: true);
            return onSuccess(response, stream);
        }

        /// <summary>Reads at most <paramref name="maxBytes"/> of a body into pooled buffers; no thread waits on the network.</summary>
        private static async global::System.Threading.Tasks.Task<__Client__ResponseBuffer> ReadBodyAsync(
            global::System.Net.Http.HttpResponseMessage response,
            global::System.Net.Http.HttpContent content,
            long maxBytes,
            global::System.Threading.CancellationToken attemptToken)
        {
#if NET5_0_OR_GREATER
            using var stream = await content.ReadAsStreamAsync(attemptToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);

            // .NET Framework's handler does not end a pending read when its token is cancelled;
            // closing the response does (it does not drain).
            using var registration = CloseToCancel
                ? attemptToken.Register(static state => ((global::System.Net.Http.HttpResponseMessage)state!).Dispose(), response)
                : default;
#endif
            return await __Client__ResponseBuffer.ReadAsync(stream, maxBytes, content.Headers.ContentLength, attemptToken).ConfigureAwait(false);
        }

#if !NET5_0_OR_GREATER
        private static readonly bool CloseToCancel =
            global::System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", global::System.StringComparison.OrdinalIgnoreCase);

#endif
        private global::System.IO.InvalidDataException TooLarge(__Client__Request request, long length) =>
            new global::System.IO.InvalidDataException(
                $"{request.Method} {request.PathTemplate}: the response is larger than MaxResponseBytes ({_maxResponseBytes.ToString(global::System.Globalization.CultureInfo.InvariantCulture)} bytes; at least {length.ToString(global::System.Globalization.CultureInfo.InvariantCulture)} were sent). Raise the limit in the client options if this is expected.");

        private __Client__SerializationException Serialization(__Client__Request request, global::System.Net.Http.HttpResponseMessage response, string message, string? path, global::System.Exception? inner)
        {
            // The reader's messages quote values from the body, which may echo the key: an inner
            // exception that names it is replaced by a copy without it.
            if (inner is global::Newtonsoft.Json.JsonException json && NamesSecret(inner))
            {
                inner = new global::Newtonsoft.Json.JsonSerializationException(Redact(json.Message), Redact(path ?? string.Empty), 0, 0, null);
            }

            return new __Client__SerializationException(
                $"{request.Method} {request.PathTemplate} returned {(int)response.StatusCode} with a body that does not match the specification. {Redact(message)}",
                path is null ? null : Redact(path),
                (int)response.StatusCode,
                inner)
            {
                RequestId = RequestIdOf(response) is { } id ? Redact(id) : null,
            };
        }

        private bool NamesSecret(global::System.Exception? exception)
        {
            for (var e = exception; e is not null; e = e.InnerException)
            {
                if (!ReferenceEquals(Redact(e.Message), e.Message))
                {
                    return true;
                }
            }

            return false;
        }

        // ------------------------------------------------------------ sending

        private void EnsureUsable()
        {
            if (global::System.Threading.Volatile.Read(ref _disposed) != 0)
            {
                throw new global::System.ObjectDisposedException(typeof(__Client__Client).FullName);
            }

            if (_baseUrl is null)
            {
                throw new global::System.InvalidOperationException($"{typeof(__Client__ClientOptions).Name}.BaseUrl is not set and the specification names no absolute server URL.");
            }

            if (_apiKey is null && __Client__ClientDefaults.RequiresApiKey)
            {
                throw new global::System.InvalidOperationException(
                    $"No API key: set {typeof(__Client__ClientOptions).Name}.ApiKey or the environment variable {string.Join(" or ", __Client__ClientDefaults.ApiKeyEnvironmentVariables)}.");
            }

            if (_apiKey is not null && !IsHeaderSafe(_apiKey))
            {
                throw new global::System.InvalidOperationException("The API key contains a line break, another control character or a non-ASCII character; it cannot be sent in a header.");
            }

            if (_apiKey is not null && !IsSafeForKey(_baseUrl) && !_allowInsecureHttp)
            {
                throw new global::System.InvalidOperationException(
                    $"Refusing to send the API key over plain HTTP to {_baseUrl.Host}: use an https BaseUrl (http is allowed only to loopback hosts), or set {typeof(__Client__ClientOptions).Name}.AllowInsecureHttp.");
            }
        }

        /// <summary>Whether a header value is printable ASCII (and spaces): what HTTP/1.1 carries unaltered.</summary>
        private static bool IsHeaderSafe(string value)
        {
            foreach (var c in value)
            {
                if (c < ' ' || c > '~')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsSafeForKey(global::System.Uri uri) =>
            uri.Scheme == global::System.Uri.UriSchemeHttps || uri.IsLoopback;

        private global::System.Net.Http.HttpRequestMessage CreateMessage(__Client__Request request, global::System.Uri uri, string method, bool withBody, bool withKey)
        {
            var message = new global::System.Net.Http.HttpRequestMessage(new global::System.Net.Http.HttpMethod(method), uri);
            foreach (var header in _defaultHeaders)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            message.Headers.Remove("Accept");
            message.Headers.Accept.Add(AcceptJson);
            message.Headers.Remove("User-Agent");
            message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            if (withKey && _apiKey is not null)
            {
                var header = __Client__ClientDefaults.AuthHeader;
                var scheme = __Client__ClientDefaults.AuthScheme;
                var value = scheme.Length == 0 || _apiKey.StartsWith(scheme + " ", global::System.StringComparison.OrdinalIgnoreCase)
                    ? _apiKey
                    : scheme + " " + _apiKey;
                message.Headers.Remove(header);
                message.Headers.TryAddWithoutValidation(header, value);
            }

            foreach (var header in request.Headers)
            {
                message.Headers.Remove(header.Key);
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (withBody)
            {
                if (request.Body is { } body)
                {
                    var content = new global::System.Net.Http.ByteArrayContent(body);
                    content.Headers.TryAddWithoutValidation("Content-Type", request.BodyMediaType ?? "application/json");
                    message.Content = content;
                }
                else if (request.Content is { } custom)
                {
                    message.Content = custom;
                }
            }

            return message;
        }

        private async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendWithRedirectsAsync(__Client__Request request, global::System.Threading.CancellationToken cancellationToken)
        {
            var uri = request.BuildUri(_baseUrl!);
            var method = request.Method;
            var withBody = true;
            var withKey = true;
            for (var hop = 0; ; hop++)
            {
                using var message = CreateMessage(request, uri, method, withBody, withKey);
                var response = await _http.SendAsync(message, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is null || hop >= MaxRedirects || !request.Replayable)
                {
                    return response;
                }

                var target = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new global::System.Uri(uri, response.Headers.Location);
                response.Dispose();
                if (uri.Scheme == global::System.Uri.UriSchemeHttps && target.Scheme != global::System.Uri.UriSchemeHttps)
                {
                    var refused = new global::System.Net.Http.HttpRequestException($"{request.Method} {request.PathTemplate} was redirected from https to {target.Scheme}; the redirect is not followed.");
                    refused.Data[RedirectRefused] = true;
                    throw refused;
                }

                // The key goes only to the origin it was meant for.
                withKey &= global::System.Uri.Compare(uri, target, global::System.UriComponents.SchemeAndServer, global::System.UriFormat.Unescaped, global::System.StringComparison.OrdinalIgnoreCase) == 0;
                if (status == 303 || ((status == 301 || status == 302) && method == "POST"))
                {
                    method = "GET";
                    withBody = false;
                }

                uri = target;
            }
        }

        // ------------------------------------------------------------ errors

        private async global::System.Threading.Tasks.Task<__Client__ApiException> CreateErrorAsync(
            __Client__Request request,
            global::System.Net.Http.HttpResponseMessage response,
            __Client__ErrorResponse[] errors,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var status = (int)response.StatusCode;
            var body = response.Content is null ? string.Empty : await ReadBoundedTextAsync(response, response.Content, cancellationToken).ConfigureAwait(false);
            body = Redact(body);

            global::Newtonsoft.Json.Linq.JToken? json = null;
            var trimmed = body.TrimStart();
            if (trimmed.StartsWith("{", global::System.StringComparison.Ordinal) || trimmed.StartsWith("[", global::System.StringComparison.Ordinal))
            {
                try
                {
                    json = __Client__Json.Deserialize(body, static reader => __Client__Json.ReadToken(reader), _maxJsonDepth);
                }
                catch (global::Newtonsoft.Json.JsonException)
                {
                    json = null;
                }
            }

            // A key that the body echoes in escaped form ("\/", "\u0041") is found only once the
            // JSON is read: it is removed there, and the body is kept as that redacted JSON.
            if (json is not null && RedactToken(json))
            {
                body = json.ToString(global::Newtonsoft.Json.Formatting.None);
            }

            var truncated = body.Length > MaxErrorBodyChars;
            var kept = truncated ? body.Substring(0, MaxErrorBodyChars) : body;

            string? errorType = null;
            string? errorMessage = null;
            global::Newtonsoft.Json.Linq.JToken? detail = null;
            if (json is global::Newtonsoft.Json.Linq.JObject obj)
            {
                errorType = StringOf(obj["type"]) ?? StringOf(obj["code"]);
                errorMessage = StringOf(obj["message"]) ?? StringOf(obj["title"]) ?? StringOf(obj["error"]);
                detail = obj["detail"];
            }

            object? typed = null;
            var documented = Match(errors, status);
            if (documented?.Read is { } readError && json is not null)
            {
                __Client__Json.TryConvert(json, readError, out typed);
            }

            var reason = response.ReasonPhrase is { Length: > 0 } phrase ? " " + phrase : string.Empty;
            var text = new global::System.Text.StringBuilder();
            text.Append(request.Method).Append(' ').Append(request.PathTemplate).Append(" failed with ").Append(status).Append(reason);
            if (errorType is not null)
            {
                text.Append(" (").Append(errorType).Append(')');
            }

            if (errorMessage is not null)
            {
                text.Append(": ").Append(errorMessage);
            }

            if (detail is not null && detail.Type != global::Newtonsoft.Json.Linq.JTokenType.Null)
            {
                var detailText = detail.Type == global::Newtonsoft.Json.Linq.JTokenType.String ? (string)detail! : detail.ToString(global::Newtonsoft.Json.Formatting.None);
                if (!string.Equals(detailText, errorMessage, global::System.StringComparison.Ordinal))
                {
                    text.Append(errorMessage is null ? ": " : " Detail: ").Append(Shorten(detailText, 500));
                }
            }

            if (json is null)
            {
                var mediaType = response.Content?.Headers.ContentType?.MediaType;
                text.Append(body.Trim().Length == 0
                    ? ". The response body is empty"
                    : $". The response body is not JSON ({mediaType ?? "no content type"}): {Shorten(Redact(StripMarkup(body)), 200)}");
            }

            var requestId = RequestIdOf(response) is { } id ? Redact(id) : null;
            if (requestId is not null)
            {
                text.Append(" (request id ").Append(requestId).Append(')');
            }

            var message = Redact(text.ToString().TrimEnd('.') + ".");
            __Client__ApiException exception = status switch
            {
                400 => new __Client__BadRequestException(message, status, kept),
                401 => new __Client__UnauthorizedException(message, status, kept),
                404 => new __Client__NotFoundException(message, status, kept),
                409 => new __Client__ConflictException(message, status, kept),
                422 => new __Client__ValidationException(message, status, kept),
                429 => new __Client__RateLimitException(message, status, kept),
                >= 500 and < 600 => new __Client__ServerException(message, status, kept),
                _ => new __Client__ApiException(message, status, kept),
            };
            exception.ErrorType = errorType;
            exception.ErrorMessage = errorMessage;
            exception.Detail = detail;
            exception.Error = typed;
            exception.RequestId = requestId;
            exception.RetryAfter = RetryAfterOf(response);
            exception.Headers = HeadersOf(response);
            return exception;
        }

        private static __Client__ErrorResponse? Match(__Client__ErrorResponse[] errors, int status)
        {
            var exact = status.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
            var range = exact.Substring(0, 1) + "XX";
            __Client__ErrorResponse? rangeMatch = null;
            __Client__ErrorResponse? fallback = null;
            foreach (var error in errors)
            {
                if (error.Status == exact)
                {
                    return error;
                }

                if (error.Status == range)
                {
                    rangeMatch = error;
                }
                else if (error.Status == "DEFAULT")
                {
                    fallback = error;
                }
            }

            return rangeMatch ?? fallback;
        }

        private static string? StringOf(global::Newtonsoft.Json.Linq.JToken? token) =>
            token is not null && token.Type == global::Newtonsoft.Json.Linq.JTokenType.String ? (string?)token : null;

        private static string Shorten(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + "…";

        private static string StripMarkup(string text)
        {
            var withoutTags = global::System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", " ");
            return global::System.Text.RegularExpressions.Regex.Replace(global::System.Net.WebUtility.HtmlDecode(withoutTags), "\\s+", " ").Trim();
        }

        private async global::System.Threading.Tasks.Task<string> ReadBoundedTextAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Net.Http.HttpContent content, global::System.Threading.CancellationToken cancellationToken)
        {
            // Enough to parse a large validation error, bounded so a huge error page cannot exhaust memory.
            var limit = global::System.Math.Min(_maxResponseBytes, 4L * 1024 * 1024);
            using var body = await ReadBodyAsync(response, content, limit, cancellationToken).ConfigureAwait(false);
            string text;
            using (var reader = new global::System.IO.StreamReader(body.OpenRead(release: true), new global::System.Text.UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: false))
            {
                text = reader.ReadToEnd();
            }

            // Cut at the limit, the text may end with the start of an echoed key, which Redact
            // (an exact match) cannot see: that fragment goes too.
            return body.Length >= limit ? WithoutTrailingSecretPrefix(text) : text;
        }

        private string WithoutTrailingSecretPrefix(string text)
        {
            if (_secret is null)
            {
                return text;
            }

            for (var length = global::System.Math.Min(_secret.Length - 1, text.Length); length > 0; length--)
            {
                if (string.CompareOrdinal(text, text.Length - length, _secret, 0, length) == 0)
                {
                    return text.Substring(0, text.Length - length) + Redacted;
                }
            }

            return text;
        }

        /// <summary>The secret part of a key: without the auth scheme when the caller included it ("Bearer sk-1" → "sk-1").</summary>
        private static string? SecretOf(string? apiKey)
        {
            if (apiKey is null)
            {
                return null;
            }

            var scheme = __Client__ClientDefaults.AuthScheme;
            var secret = scheme.Length > 0 && apiKey.StartsWith(scheme + " ", global::System.StringComparison.OrdinalIgnoreCase)
                ? apiKey.Substring(scheme.Length + 1).Trim()
                : apiKey;
            return secret.Length >= 4 ? secret : null;
        }

        /// <summary>
        /// Removes the API key from text that came from the server (some echo what they received).
        /// Returns the same instance when there is nothing to remove.
        /// </summary>
        private string Redact(string text)
        {
            if (_secret is null || text.Length == 0 || text.IndexOf(_secret, global::System.StringComparison.Ordinal) < 0)
            {
                return text;
            }

            return text.Replace(_secret, Redacted);
        }

        /// <summary>Removes the API key from every string and property name of a JSON value; true when it found any.</summary>
        private bool RedactToken(global::Newtonsoft.Json.Linq.JToken root)
        {
            if (_secret is null)
            {
                return false;
            }

            var found = false;
            var pending = new global::System.Collections.Generic.Stack<global::Newtonsoft.Json.Linq.JToken>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var token = pending.Pop();
                switch (token)
                {
                    case global::Newtonsoft.Json.Linq.JObject obj:
                        foreach (var property in global::System.Linq.Enumerable.ToList(obj.Properties()))
                        {
                            var name = Redact(property.Name);
                            if (!ReferenceEquals(name, property.Name))
                            {
                                found = true;
                                var renamed = new global::Newtonsoft.Json.Linq.JProperty(name, property.Value);
                                property.Replace(renamed);
                                pending.Push(renamed.Value);
                            }
                            else
                            {
                                pending.Push(property.Value);
                            }
                        }

                        break;
                    case global::Newtonsoft.Json.Linq.JArray array:
                        foreach (var item in array)
                        {
                            pending.Push(item);
                        }

                        break;
                    case global::Newtonsoft.Json.Linq.JValue { Value: string text } value:
                        var redacted = Redact(text);
                        if (!ReferenceEquals(redacted, text))
                        {
                            found = true;
                            value.Value = redacted;
                        }

                        break;
                }
            }

            return found;
        }

        private static string? RequestIdOf(global::System.Net.Http.HttpResponseMessage response)
        {
            foreach (var name in new[] { "x-request-id", "request-id" })
            {
                if (response.Headers.TryGetValues(name, out var values))
                {
                    foreach (var value in values)
                    {
                        if (!string.IsNullOrWhiteSpace(value))
                        {
                            return value.Trim();
                        }
                    }
                }
            }

            return null;
        }

        private static global::System.TimeSpan? RetryAfterOf(global::System.Net.Http.HttpResponseMessage response)
        {
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter is null)
            {
                // Fractional seconds ("1.5") are not valid for the typed header but are sent by some servers.
                if (response.Headers.TryGetValues("Retry-After", out var raw))
                {
                    foreach (var value in raw)
                    {
                        if (double.TryParse(value, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < 1e9)
                        {
                            return global::System.TimeSpan.FromSeconds(seconds);
                        }
                    }
                }

                return null;
            }

            if (retryAfter.Delta is { } delta)
            {
                return delta < global::System.TimeSpan.Zero ? global::System.TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - global::System.DateTimeOffset.UtcNow;
                return wait < global::System.TimeSpan.Zero ? global::System.TimeSpan.Zero : wait;
            }

            return null;
        }

        /// <summary>The response headers, with the API key removed from their names and values.</summary>
        private global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> HeadersOf(global::System.Net.Http.HttpResponseMessage response)
        {
            var headers = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>(global::System.StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers)
            {
                headers[Redact(header.Key)] = global::System.Linq.Enumerable.ToList(global::System.Linq.Enumerable.Select(header.Value, Redact));
            }

            if (response.Content is not null)
            {
                foreach (var header in response.Content.Headers)
                {
                    headers[Redact(header.Key)] = global::System.Linq.Enumerable.ToList(global::System.Linq.Enumerable.Select(header.Value, Redact));
                }
            }

            return headers;
        }
    }
}
