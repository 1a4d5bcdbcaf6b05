// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// Decides, once per call and before anything is sent, whether the API key may go out: there
    /// must be one when the specification requires it, it must fit in a header, and it goes only
    /// over https or to a loopback host (unless <c>AllowInsecureHttp</c>). Then it gives the call
    /// its authentication header, which the redirect stage takes away from hops to another origin.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__AuthenticationStage : __Client__PipelineStage
    {
        private readonly string? _apiKey;
        private readonly string? _credential;
        private readonly global::System.Uri _baseUrl;
        private readonly bool _allowInsecureHttp;

        public __Client__AuthenticationStage(string? apiKey, global::System.Uri baseUrl, bool allowInsecureHttp)
        {
            _apiKey = apiKey;
            _baseUrl = baseUrl;
            _allowInsecureHttp = allowInsecureHttp;
            var scheme = __Client__ClientDefaults.AuthScheme;
            _credential = apiKey is null || scheme.Length == 0 || apiKey.StartsWith(scheme + " ", global::System.StringComparison.OrdinalIgnoreCase)
                ? apiKey
                : scheme + " " + apiKey;
        }

        public override global::System.Threading.Tasks.Task ProcessAsync(__Client__PipelineMessage message)
        {
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

            message.Credential = _credential;
            return ProcessNextAsync(message);
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
    }
}
