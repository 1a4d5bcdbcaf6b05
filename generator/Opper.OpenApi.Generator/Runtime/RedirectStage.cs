// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// Follows up to 5 redirects of a request that can be sent again (301, 302, 303, 307, 308 with
    /// a <c>Location</c>). The key goes only to the origin it was meant for: once a hop leaves it,
    /// no later hop carries it. An https to http redirect is refused. A 303, and a 301 or 302 of a
    /// POST, become a GET without a body. Each attempt starts again from the request's own URL.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__RedirectStage : __Client__PipelineStage
    {
        /// <summary>Marks (in <c>Exception.Data</c>) a redirect the client will not follow: every attempt would meet it, so it is not retried.</summary>
        public const string RedirectRefused = "__Client__.RedirectRefused";

        private const int MaxRedirects = 5;

        private readonly global::System.Uri _baseUrl;

        public __Client__RedirectStage(global::System.Uri baseUrl)
        {
            _baseUrl = baseUrl;
        }

        public override async global::System.Threading.Tasks.Task ProcessAsync(__Client__PipelineMessage message)
        {
            var request = message.Request;
            var credential = message.Credential;
            message.Uri = request.BuildUri(_baseUrl);
            message.Method = request.Method;
            message.SendsBody = true;
            try
            {
                for (var hop = 0; ; hop++)
                {
                    await ProcessNextAsync(message).ConfigureAwait(false);
                    var response = message.Response!;
                    var status = (int)response.StatusCode;
                    if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is null || hop >= MaxRedirects || !request.Replayable)
                    {
                        return;
                    }

                    var uri = message.Uri!;
                    var target = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new global::System.Uri(uri, response.Headers.Location);
                    message.Response = null;
                    if (uri.Scheme == global::System.Uri.UriSchemeHttps && target.Scheme != global::System.Uri.UriSchemeHttps)
                    {
                        var refused = new global::System.Net.Http.HttpRequestException($"{request.Method} {request.PathTemplate} was redirected from https to {target.Scheme}; the redirect is not followed.");
                        refused.Data[RedirectRefused] = true;
                        throw refused;
                    }

                    if (global::System.Uri.Compare(uri, target, global::System.UriComponents.SchemeAndServer, global::System.UriFormat.Unescaped, global::System.StringComparison.OrdinalIgnoreCase) != 0)
                    {
                        message.Credential = null;
                    }

                    if (status == 303 || ((status == 301 || status == 302) && message.Method == "POST"))
                    {
                        message.Method = "GET";
                        message.SendsBody = false;
                    }

                    message.Uri = target;
                }
            }
            finally
            {
                message.Credential = credential;
            }
        }
    }
}
