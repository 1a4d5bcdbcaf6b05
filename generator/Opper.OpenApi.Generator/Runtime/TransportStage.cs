// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// The last stage: builds the HTTP request of the current hop (default headers, <c>Accept</c>,
    /// <c>User-Agent</c>, the authentication header when the hop may carry it, the operation's
    /// headers, the body) and sends it, returning as soon as the response headers are in.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__TransportStage : __Client__PipelineStage
    {
        private static readonly global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue AcceptJson =
            new global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json");

        private readonly global::System.Net.Http.HttpClient _http;
        private readonly string _userAgent;
        private readonly global::System.Collections.Generic.KeyValuePair<string, string>[] _defaultHeaders;

        public __Client__TransportStage(global::System.Net.Http.HttpClient http, string userAgent, global::System.Collections.Generic.KeyValuePair<string, string>[] defaultHeaders)
        {
            _http = http;
            _userAgent = userAgent;
            _defaultHeaders = defaultHeaders;
        }

        public override async global::System.Threading.Tasks.Task ProcessAsync(__Client__PipelineMessage message)
        {
            using var request = CreateMessage(message);
            message.Response = await _http.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, message.CancellationToken).ConfigureAwait(false);
        }

        private global::System.Net.Http.HttpRequestMessage CreateMessage(__Client__PipelineMessage message)
        {
            var request = message.Request;
            var http = new global::System.Net.Http.HttpRequestMessage(new global::System.Net.Http.HttpMethod(message.Method), message.Uri);
            foreach (var header in _defaultHeaders)
            {
                http.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            http.Headers.Remove("Accept");
            http.Headers.Accept.Add(AcceptJson);
            http.Headers.Remove("User-Agent");
            http.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            if (message.Credential is { } credential)
            {
                http.Headers.Remove(__Client__ClientDefaults.AuthHeader);
                http.Headers.TryAddWithoutValidation(__Client__ClientDefaults.AuthHeader, credential);
            }

            foreach (var header in request.Headers)
            {
                http.Headers.Remove(header.Key);
                http.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (message.SendsBody)
            {
                if (request.Body is { } body)
                {
                    var content = new global::System.Net.Http.ByteArrayContent(body);
                    content.Headers.TryAddWithoutValidation("Content-Type", request.BodyMediaType ?? "application/json");
                    http.Content = content;
                }
                else if (request.Content is { } custom)
                {
                    http.Content = custom;
                }
            }

            return http;
        }
    }
}
