// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// One operation's request as the generated client describes it: path, query, headers and
    /// body. Path values are escaped as one segment each; the body is kept as bytes so that a
    /// retry sends exactly the same request.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__Request
    {
        private readonly global::System.Text.StringBuilder _path = new global::System.Text.StringBuilder();
        private global::System.Text.StringBuilder? _query;
        private global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>? _headers;
        private bool _dotSegment;

        public __Client__Request(string method, string operation, string pathTemplate)
        {
            Method = method;
            Operation = operation;
            PathTemplate = pathTemplate;
        }

        /// <summary>The HTTP method, upper case.</summary>
        public string Method { get; }

        /// <summary>The operation id, for messages.</summary>
        public string Operation { get; }

        /// <summary>The spec's path template, for messages (no caller data in it).</summary>
        public string PathTemplate { get; }

        public byte[]? Body { get; private set; }

        public string? BodyMediaType { get; private set; }

        public global::System.Net.Http.HttpContent? Content { get; private set; }

        /// <summary>Whether the request can be sent again as it is (false for caller-owned streams).</summary>
        public bool Replayable { get; private set; } = true;

        public global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, string>> Headers =>
            (global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, string>>?)_headers
            ?? global::System.Array.Empty<global::System.Collections.Generic.KeyValuePair<string, string>>();

        /// <summary>Appends a literal part of the path template.</summary>
        public void AppendPath(string literal) => _path.Append(literal);

        /// <summary>Appends a path parameter as one escaped segment: <c>a/b c?d</c> stays one segment.</summary>
        public void AppendPathParameter(string? value, string parameterName)
        {
            if (value is null)
            {
                throw new global::System.ArgumentNullException(parameterName);
            }

            if (value.Length == 0)
            {
                throw new global::System.ArgumentException("The value cannot be empty: it is a segment of the request path.", parameterName);
            }

            _path.Append(EscapeSegment(value));
            _dotSegment |= value == "." || value == "..";
        }

        /// <summary>Escapes a path segment; <c>.</c> and <c>..</c> are escaped too, so they cannot move up the path.</summary>
        public static string EscapeSegment(string value)
        {
            if (value == "." || value == "..")
            {
                return value.Replace(".", "%2E");
            }

            return global::System.Uri.EscapeDataString(value);
        }

        public void AddQuery(string name, string? value)
        {
            if (value is null)
            {
                return;
            }

            AddEscapedQuery(global::System.Uri.EscapeDataString(name), global::System.Uri.EscapeDataString(value));
        }

        /// <summary>Adds a query pair escaped already (a styled parameter keeps its delimiters literal).</summary>
        public void AddEscapedQuery(string escapedName, string escapedValue)
        {
            if (_query is null)
            {
                _query = new global::System.Text.StringBuilder();
                _query.Append('?');
            }
            else
            {
                _query.Append('&');
            }

            _query.Append(escapedName).Append('=').Append(escapedValue);
        }

        /// <summary>Adds a list: <c>a=1&amp;a=2</c> when exploded, <c>a=1,2</c> otherwise.</summary>
        public void AddQuery<T>(string name, global::System.Collections.Generic.IEnumerable<T>? values, bool explode, global::System.Func<T, string?> format)
        {
            if (values is null)
            {
                return;
            }

            if (explode)
            {
                foreach (var value in values)
                {
                    AddQuery(name, format(value) ?? string.Empty);
                }

                return;
            }

            var parts = new global::System.Collections.Generic.List<string>();
            foreach (var value in values)
            {
                parts.Add(format(value) ?? string.Empty);
            }

            AddQuery(name, string.Join(",", parts));
        }

        public void AddHeader(string name, string? value)
        {
            if (value is null)
            {
                return;
            }

            (_headers ??= new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>())
                .Add(new global::System.Collections.Generic.KeyValuePair<string, string>(name, value));
        }

        public void SetJsonBody<T>(T value, global::System.Action<global::Newtonsoft.Json.JsonWriter, T> write, string mediaType = "application/json")
        {
            Body = __Client__Json.SerializeToUtf8(value, write);
            BodyMediaType = mediaType;
        }

        public void SetTextBody(string? value, string mediaType)
        {
            if (value is null)
            {
                return;
            }

            Body = new global::System.Text.UTF8Encoding(false).GetBytes(value);
            BodyMediaType = mediaType + "; charset=utf-8";
        }

        public void SetStreamBody(global::System.IO.Stream? value, string mediaType)
        {
            if (value is null)
            {
                return;
            }

            var content = new global::System.Net.Http.StreamContent(value);
            content.Headers.ContentType = global::System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
            Content = content;
            Replayable = false;
        }

        public void SetContent(global::System.Net.Http.HttpContent? content)
        {
            if (content is null)
            {
                return;
            }

            Content = content;
            Replayable = false;
        }

        /// <summary>The request URL: the base URL, then the path, then the query.</summary>
        public global::System.Uri BuildUri(global::System.Uri baseUrl)
        {
            var root = baseUrl.GetLeftPart(global::System.UriPartial.Path).TrimEnd('/');
            var text = root + _path.ToString() + (_query?.ToString() ?? string.Empty);
#if NET6_0_OR_GREATER
            // Every part is escaped already. Canonicalizing would unescape an id's "%2E%2E" back
            // to ".." and then drop it together with the segment before it.
            return new global::System.Uri(text, new global::System.UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
#else
            var uri = new global::System.Uri(text, global::System.UriKind.Absolute);
            if (_dotSegment && uri.AbsolutePath.Length < text.Length - (_query?.Length ?? 0) - uri.GetLeftPart(global::System.UriPartial.Authority).Length)
            {
                throw new global::System.ArgumentException(
                    $"{Method} {PathTemplate}: an id of \".\" or \"..\" cannot be sent on this platform, whose URI class turns it into a relative path segment.");
            }

            return uri;
#endif
        }

        // ------------------------------------------------------------ formatting

        public static string Format(string value) => value;

        public static string Format(long value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

        public static string Format(int value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

        public static string Format(double value) => value.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture);

        public static string Format(decimal value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

        public static string Format(bool value) => value ? "true" : "false";

        public static string Format(global::System.DateTimeOffset value) => __Client__Json.FormatTimestamp(value);

        public static string Format(global::System.DateTime value) => value.ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture);

        public static string? Format(long? value) => value is null ? null : Format(value.Value);

        public static string? Format(int? value) => value is null ? null : Format(value.Value);

        public static string? Format(double? value) => value is null ? null : Format(value.Value);

        public static string? Format(decimal? value) => value is null ? null : Format(value.Value);

        public static string? Format(bool? value) => value is null ? null : Format(value.Value);

        public static string? Format(global::System.DateTimeOffset? value) => value is null ? null : Format(value.Value);

        public static string? Format(global::System.DateTime? value) => value is null ? null : Format(value.Value);
    }
}
