// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// One stage of the client's pipeline (authentication, retries, error mapping, body reading,
    /// redirects, transport). Each stage does its part around the next one, as Azure.Core's
    /// policies do: an in-process chain, so that it works on any <see cref="global::System.Net.Http.HttpClient"/>,
    /// a caller's own included. Stages hold only what the client was built with: one instance
    /// serves every call at once.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal abstract class __Client__PipelineStage
    {
        private __Client__PipelineStage? _next;

        /// <summary>Runs this stage, which runs the stages after it.</summary>
        public abstract global::System.Threading.Tasks.Task ProcessAsync(__Client__PipelineMessage message);

        /// <summary>Links the stages in order; returns the first.</summary>
        public static __Client__PipelineStage Chain(params __Client__PipelineStage[] stages)
        {
            for (var i = 0; i + 1 < stages.Length; i++)
            {
                stages[i]._next = stages[i + 1];
            }

            return stages[0];
        }

        /// <summary>Runs the stages after this one.</summary>
        protected global::System.Threading.Tasks.Task ProcessNextAsync(__Client__PipelineMessage message) =>
            (_next ?? throw new global::System.InvalidOperationException(GetType().Name + " is the last stage and has no next one."))
                .ProcessAsync(message);
    }

    /// <summary>
    /// One call as it moves through the stages: the operation's request, where the current hop
    /// goes, the token of the current attempt, and what came back.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__PipelineMessage : global::System.IDisposable
    {
        private global::System.Net.Http.HttpResponseMessage? _response;
        private __Client__ResponseBuffer? _body;

        public __Client__PipelineMessage(__Client__Request request, __Client__ErrorResponse[] errors, bool readBody, global::System.Threading.CancellationToken callToken)
        {
            Request = request;
            Errors = errors;
            ReadBody = readBody;
            CallToken = callToken;
            CancellationToken = callToken;
            Method = request.Method;
        }

        /// <summary>The operation's request.</summary>
        public __Client__Request Request { get; }

        /// <summary>The operation's documented error responses.</summary>
        public __Client__ErrorResponse[] Errors { get; }

        /// <summary>Whether a success body is read (false for operations whose success has none worth reading).</summary>
        public bool ReadBody { get; }

        /// <summary>The caller's token.</summary>
        public global::System.Threading.CancellationToken CallToken { get; }

        /// <summary>The token of the current attempt: the caller's, ended also by the attempt's timeout.</summary>
        public global::System.Threading.CancellationToken CancellationToken { get; set; }

        /// <summary>Which attempt this is, from 1.</summary>
        public int Attempt { get; set; }

        /// <summary>Where the current hop goes.</summary>
        public global::System.Uri? Uri { get; set; }

        /// <summary>The method of the current hop (a 303 turns it into GET).</summary>
        public string Method { get; set; }

        /// <summary>Whether the current hop carries the request body.</summary>
        public bool SendsBody { get; set; } = true;

        /// <summary>The value of the authentication header, or null when the current hop must not carry the key.</summary>
        public string? Credential { get; set; }

        /// <summary>The response of the current hop; setting another disposes the one before.</summary>
        public global::System.Net.Http.HttpResponseMessage? Response
        {
            get => _response;
            set
            {
                if (!ReferenceEquals(_response, value))
                {
                    _response?.Dispose();
                }

                _response = value;
            }
        }

        /// <summary>The success body, read into memory; setting another disposes the one before.</summary>
        public __Client__ResponseBuffer? Body
        {
            get => _body;
            set
            {
                if (!ReferenceEquals(_body, value))
                {
                    _body?.Dispose();
                }

                _body = value;
            }
        }

        /// <summary>The status of the response, 0 when there is none.</summary>
        public int Status => _response is null ? 0 : (int)_response.StatusCode;

        /// <summary>Lets go of the response and its body (before a retry, and at the end of the call).</summary>
        public void Dispose()
        {
            Body = null;
            Response = null;
        }
    }

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
}
