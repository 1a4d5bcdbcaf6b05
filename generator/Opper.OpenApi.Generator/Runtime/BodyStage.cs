// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// Reads a success body into memory, asynchronously, so that it can be parsed without a thread
    /// waiting on the network: pooled buffers, at most <c>MaxResponseBytes</c> (announced by
    /// Content-Length or not, compressed or not). A larger body ends the call with an
    /// <see cref="global::System.IO.InvalidDataException"/> naming <c>MaxResponseBytes</c> (figures in
    /// its <c>Data</c>, see <see cref="__Client__ResponseTooLarge"/>) after at most the limit and one
    /// byte were read, so an endless body costs no more than the limit.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__BodyStage : __Client__PipelineStage
    {
        private readonly long _maxResponseBytes;

        public __Client__BodyStage(long maxResponseBytes)
        {
            _maxResponseBytes = maxResponseBytes;
        }

        public override async global::System.Threading.Tasks.Task ProcessAsync(__Client__PipelineMessage message)
        {
            await ProcessNextAsync(message).ConfigureAwait(false);
            var response = message.Response!;
            var status = (int)response.StatusCode;
            if (!message.ReadBody || status < 200 || status >= 300 || status == 204 || response.Content is null || response.Content.Headers.ContentLength == 0)
            {
                return;
            }

            if (response.Content.Headers.ContentLength is { } length && length > _maxResponseBytes)
            {
                throw TooLarge(message.Request, length, 0, length);
            }

            // One byte past the limit tells a body over it from one that ends there.
            var beyondLimit = _maxResponseBytes == long.MaxValue ? long.MaxValue : _maxResponseBytes + 1;
            message.Body = await __Client__ResponseBuffer.ReadAsync(response, response.Content, beyondLimit, message.CancellationToken).ConfigureAwait(false);
            if (message.Body.Length > _maxResponseBytes)
            {
                throw TooLarge(message.Request, message.Body.Length, message.Body.Length, response.Content.Headers.ContentLength);
            }
        }

        private global::System.IO.InvalidDataException TooLarge(__Client__Request request, long length, long bytesRead, long? contentLength) =>
            __Client__ResponseTooLarge.Create(
                $"{request.Method} {request.PathTemplate}: the response is larger than MaxResponseBytes ({_maxResponseBytes.ToString(global::System.Globalization.CultureInfo.InvariantCulture)} bytes; at least {length.ToString(global::System.Globalization.CultureInfo.InvariantCulture)} were sent). Raise the limit in the client options if this is expected.",
                _maxResponseBytes,
                bytesRead,
                contentLength);
    }
}
