// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// Turns a response that is not a success into the exception of its status: it reads a bounded
    /// part of the body, takes <c>type</c>, <c>message</c> and <c>detail</c> from a JSON body, reads
    /// the error type the specification documents for the status, and removes the API key from
    /// everything it keeps. Redirects it was not asked to follow end here too.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__ErrorStage : __Client__PipelineStage
    {
        private const int MaxErrorBodyChars = 64 * 1024;

        private readonly __Client__Redactor _redactor;
        private readonly long _maxResponseBytes;
        private readonly int _maxJsonDepth;

        public __Client__ErrorStage(__Client__Redactor redactor, long maxResponseBytes, int maxJsonDepth)
        {
            _redactor = redactor;
            _maxResponseBytes = maxResponseBytes;
            _maxJsonDepth = maxJsonDepth;
        }

        public override async global::System.Threading.Tasks.Task ProcessAsync(__Client__PipelineMessage message)
        {
            await ProcessNextAsync(message).ConfigureAwait(false);
            var response = message.Response!;
            var status = (int)response.StatusCode;
            if (status < 200 || status >= 300)
            {
                throw await CreateErrorAsync(message.Request, response, message.Errors, message.CancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The exception for an error response: typed by status, every field filled, the key removed.</summary>
        public async global::System.Threading.Tasks.Task<__Client__ApiException> CreateErrorAsync(
            __Client__Request request,
            global::System.Net.Http.HttpResponseMessage response,
            __Client__ErrorResponse[] errors,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var status = (int)response.StatusCode;
            var body = response.Content is null ? string.Empty : await ReadBoundedTextAsync(response, response.Content, cancellationToken).ConfigureAwait(false);
            body = _redactor.Redact(body);

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
            if (json is not null && _redactor.RedactToken(json))
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
                    : $". The response body is not JSON ({mediaType ?? "no content type"}): {Shorten(_redactor.Redact(StripMarkup(body)), 200)}");
            }

            var requestId = RequestIdOf(response) is { } id ? _redactor.Redact(id) : null;
            if (requestId is not null)
            {
                text.Append(" (request id ").Append(requestId).Append(')');
            }

            var message = _redactor.Redact(text.ToString().TrimEnd('.') + ".");
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
            using var body = await __Client__ResponseBuffer.ReadAsync(response, content, limit, cancellationToken).ConfigureAwait(false);
            string text;
            using (var reader = new global::System.IO.StreamReader(body.OpenRead(release: true), new global::System.Text.UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: false))
            {
                text = reader.ReadToEnd();
            }

            // Cut at the limit, the text may end with the start of an echoed key, which Redact
            // (an exact match) cannot see: that fragment goes too.
            return body.Length >= limit ? _redactor.WithoutTrailingSecretPrefix(text) : text;
        }

        /// <summary>The request id from <c>x-request-id</c>, else <c>request-id</c>.</summary>
        public static string? RequestIdOf(global::System.Net.Http.HttpResponseMessage response)
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
                headers[_redactor.Redact(header.Key)] = global::System.Linq.Enumerable.ToList(global::System.Linq.Enumerable.Select(header.Value, _redactor.Redact));
            }

            if (response.Content is not null)
            {
                foreach (var header in response.Content.Headers)
                {
                    headers[_redactor.Redact(header.Key)] = global::System.Linq.Enumerable.ToList(global::System.Linq.Enumerable.Select(header.Value, _redactor.Redact));
                }
            }

            return headers;
        }
    }
}
