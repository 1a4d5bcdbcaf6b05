// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// The service answered with a status that is not a success. The subclasses name the statuses
    /// that callers handle differently; every field is filled from the response, and none of them
    /// (nor the message) ever contains the API key.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public class __Client__ApiException : global::System.Exception
    {
        /// <summary>Creates the exception (for tests and mocks; the client fills every field).</summary>
        /// <param name="message">The message.</param>
        /// <param name="statusCode">The HTTP status code.</param>
        /// <param name="responseBody">The response body, possibly truncated.</param>
        /// <param name="innerException">The cause, if any.</param>
        public __Client__ApiException(string message, int statusCode, string? responseBody = null, global::System.Exception? innerException = null)
            : base(message, innerException)
        {
            StatusCode = statusCode;
            ResponseBody = responseBody ?? string.Empty;
            Headers = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>(global::System.StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The HTTP status code.</summary>
        public int StatusCode { get; }

        /// <summary>The error body's <c>type</c>, when the body is JSON and has one.</summary>
        public string? ErrorType { get; internal set; }

        /// <summary>The error body's <c>message</c> (or <c>title</c>), when the body is JSON and has one.</summary>
        public string? ErrorMessage { get; internal set; }

        /// <summary>The error body's <c>detail</c>, as sent.</summary>
        public global::Newtonsoft.Json.Linq.JToken? Detail { get; internal set; }

        /// <summary>The error body read as the type the specification documents for this status, if any.</summary>
        public object? Error { get; internal set; }

        /// <summary>The response body as text, truncated to a bounded length.</summary>
        public string ResponseBody { get; internal set; }

        /// <summary>The request id from the <c>x-request-id</c> (else <c>request-id</c>) response header.</summary>
        public string? RequestId { get; internal set; }

        /// <summary>How long the server asked to wait (<c>Retry-After</c>), when it said.</summary>
        public global::System.TimeSpan? RetryAfter { get; internal set; }

        /// <summary>The response headers.</summary>
        public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> Headers { get; internal set; }
    }

    /// <summary>400 Bad Request.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public class __Client__BadRequestException : __Client__ApiException
    {
        /// <inheritdoc cref="__Client__ApiException(string, int, string?, global::System.Exception?)"/>
        public __Client__BadRequestException(string message, int statusCode = 400, string? responseBody = null, global::System.Exception? innerException = null)
            : base(message, statusCode, responseBody, innerException)
        {
        }
    }

    /// <summary>401 Unauthorized: the API key is missing, wrong or revoked.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public class __Client__UnauthorizedException : __Client__ApiException
    {
        /// <inheritdoc cref="__Client__ApiException(string, int, string?, global::System.Exception?)"/>
        public __Client__UnauthorizedException(string message, int statusCode = 401, string? responseBody = null, global::System.Exception? innerException = null)
            : base(message, statusCode, responseBody, innerException)
        {
        }
    }

    /// <summary>404 Not Found.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public class __Client__NotFoundException : __Client__ApiException
    {
        /// <inheritdoc cref="__Client__ApiException(string, int, string?, global::System.Exception?)"/>
        public __Client__NotFoundException(string message, int statusCode = 404, string? responseBody = null, global::System.Exception? innerException = null)
            : base(message, statusCode, responseBody, innerException)
        {
        }
    }

    /// <summary>409 Conflict: the resource already exists.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public class __Client__ConflictException : __Client__ApiException
    {
        /// <inheritdoc cref="__Client__ApiException(string, int, string?, global::System.Exception?)"/>
        public __Client__ConflictException(string message, int statusCode = 409, string? responseBody = null, global::System.Exception? innerException = null)
            : base(message, statusCode, responseBody, innerException)
        {
        }
    }

    /// <summary>422 Unprocessable Entity: the request did not validate; <see cref="__Client__ApiException.Detail"/> says where.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public class __Client__ValidationException : __Client__ApiException
    {
        /// <inheritdoc cref="__Client__ApiException(string, int, string?, global::System.Exception?)"/>
        public __Client__ValidationException(string message, int statusCode = 422, string? responseBody = null, global::System.Exception? innerException = null)
            : base(message, statusCode, responseBody, innerException)
        {
        }
    }

    /// <summary>429 Too Many Requests; <see cref="__Client__ApiException.RetryAfter"/> says how long the server asked to wait.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public class __Client__RateLimitException : __Client__ApiException
    {
        /// <inheritdoc cref="__Client__ApiException(string, int, string?, global::System.Exception?)"/>
        public __Client__RateLimitException(string message, int statusCode = 429, string? responseBody = null, global::System.Exception? innerException = null)
            : base(message, statusCode, responseBody, innerException)
        {
        }
    }

    /// <summary>A 5xx status: the service (or a proxy in front of it) failed.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public class __Client__ServerException : __Client__ApiException
    {
        /// <inheritdoc cref="__Client__ApiException(string, int, string?, global::System.Exception?)"/>
        public __Client__ServerException(string message, int statusCode = 500, string? responseBody = null, global::System.Exception? innerException = null)
            : base(message, statusCode, responseBody, innerException)
        {
        }
    }

    /// <summary>
    /// A success response whose body cannot be read as the type the specification promises;
    /// <see cref="Path"/> gives the JSON path of the problem (<c>spans[1].duration_ms</c>).
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public class __Client__SerializationException : global::System.Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">The message.</param>
        /// <param name="path">The JSON path of the problem.</param>
        /// <param name="statusCode">The HTTP status of the response.</param>
        /// <param name="innerException">The reader's error.</param>
        public __Client__SerializationException(string message, string? path = null, int statusCode = 0, global::System.Exception? innerException = null)
            : base(message, innerException)
        {
            Path = path ?? string.Empty;
            StatusCode = statusCode;
        }

        /// <summary>The JSON path where reading failed, in Newtonsoft's form.</summary>
        public string Path { get; }

        /// <summary>The HTTP status of the response that could not be read.</summary>
        public int StatusCode { get; }

        /// <summary>The request id of the response, when the server sent one.</summary>
        public string? RequestId { get; internal set; }
    }

    /// <summary>
    /// How a response larger than <c>MaxResponseBytes</c> ends a call, and how to recognise it. The
    /// call throws <see cref="global::System.IO.InvalidDataException"/> (a sealed type: no client
    /// exception can derive from it, and throwing another type would break
    /// <c>catch (InvalidDataException)</c> blocks), whose <see cref="global::System.Exception.Data"/>
    /// holds the figures under the keys below, each a <see cref="long"/>. Such a call is not retried.
    /// </summary>
    /// <example>
    /// <code>
    /// catch (InvalidDataException ex) when (__Client__ResponseTooLarge.Is(ex))
    /// {
    ///     var limit = (long)ex.Data[__Client__ResponseTooLarge.MaxResponseBytesKey]!;
    /// }
    /// </code>
    /// </example>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public static class __Client__ResponseTooLarge
    {
        /// <summary>The key of the limit that was exceeded: the client's <c>MaxResponseBytes</c>.</summary>
        public const string MaxResponseBytesKey = "__Client__.MaxResponseBytes";

        /// <summary>
        /// The key of how many bytes of the body the client read before refusing it: 0 when the
        /// Content-Length announced more than the limit (nothing is read then), otherwise the limit
        /// and one byte (decompressed bytes, for a compressed body).
        /// </summary>
        public const string BytesReadKey = "__Client__.ResponseBytesRead";

        /// <summary>
        /// The key of the response's Content-Length, present only when the body as read had one (a
        /// body that the handler decompresses has none: the header gave the compressed size).
        /// </summary>
        public const string ContentLengthKey = "__Client__.ResponseContentLength";

        /// <summary>Whether <paramref name="exception"/> is the refusal of a response over <c>MaxResponseBytes</c>.</summary>
        /// <param name="exception">The exception a call threw.</param>
        /// <returns>True for an <see cref="global::System.IO.InvalidDataException"/> that carries <see cref="MaxResponseBytesKey"/>.</returns>
        public static bool Is(global::System.Exception? exception) =>
            exception is global::System.IO.InvalidDataException && exception.Data[MaxResponseBytesKey] is long;

        /// <summary>The exception for a refused response, its figures in <see cref="global::System.Exception.Data"/>.</summary>
        internal static global::System.IO.InvalidDataException Create(string message, long maxResponseBytes, long bytesRead, long? contentLength)
        {
            var exception = new global::System.IO.InvalidDataException(message);
            exception.Data[MaxResponseBytesKey] = maxResponseBytes;
            exception.Data[BytesReadKey] = bytesRead;
            if (contentLength is { } length)
            {
                exception.Data[ContentLengthKey] = length;
            }

            return exception;
        }
    }

    /// <summary>The call's last attempt ran past <c>Timeout</c>.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    public class __Client__TimeoutException : global::System.TimeoutException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">The message.</param>
        /// <param name="attempts">How many attempts were made.</param>
        /// <param name="innerException">The cancellation that ended the last attempt.</param>
        public __Client__TimeoutException(string message, int attempts, global::System.Exception? innerException = null)
            : base(message, innerException)
        {
            Attempts = attempts;
        }

        /// <summary>How many attempts were made, all of which failed.</summary>
        public int Attempts { get; }
    }
}
