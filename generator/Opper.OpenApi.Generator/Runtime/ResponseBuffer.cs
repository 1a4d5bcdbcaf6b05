// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// A response body read asynchronously into pooled buffers, up to a byte limit, so that it can
    /// then be parsed from memory without a thread ever waiting on the network. The body is kept as
    /// a list of segments (16 KB doubling to 1 MB, or one segment of the announced length), never
    /// copied into one array; <see cref="OpenRead"/> reads it back and can hand each segment back
    /// to the pool as soon as it has been read. Not thread-safe: one reader at a time.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed partial class __Client__ResponseBuffer : global::System.IDisposable
    {
        private const int FirstSegment = 16 * 1024;
        private const int LargestSegment = 1024 * 1024;

        private readonly global::System.Collections.Generic.List<byte[]?> _segments = new global::System.Collections.Generic.List<byte[]?>();

        private __Client__ResponseBuffer()
        {
        }

        /// <summary>How many bytes were read.</summary>
        public long Length { get; private set; }

        /// <summary>
        /// Reads <paramref name="stream"/> to its end, or until <paramref name="maxBytes"/> bytes
        /// have been read, whichever comes first: never more. Each read waits with
        /// <paramref name="cancellationToken"/>, so a cancelled attempt ends a read that waits on the
        /// network (the handler then closes that connection).
        /// </summary>
        /// <param name="stream">The body.</param>
        /// <param name="maxBytes">The most bytes to read.</param>
        /// <param name="announcedLength">The body's Content-Length, when known: the first segment's size.</param>
        /// <param name="cancellationToken">Ends a pending read.</param>
        public static async global::System.Threading.Tasks.Task<__Client__ResponseBuffer> ReadAsync(
            global::System.IO.Stream stream,
            long maxBytes,
            long? announcedLength,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var buffer = new __Client__ResponseBuffer();
            try
            {
                // One spare byte past an announced length, so that the end is seen without another segment.
                var next = announcedLength is { } announced && announced >= 0 && announced < LargestSegment
                    ? (int)announced + 1
                    : announcedLength is null ? FirstSegment : LargestSegment;
                byte[]? current = null;
                var used = 0;
                while (buffer.Length < maxBytes)
                {
                    if (current is null || used == current.Length)
                    {
                        current = Rent((int)global::System.Math.Min(next, global::System.Math.Max(maxBytes - buffer.Length, 1)));
                        buffer._segments.Add(current);
                        used = 0;
                        next = (int)global::System.Math.Min((long)current.Length * 2, LargestSegment);
                    }

                    var want = (int)global::System.Math.Min(current.Length - used, maxBytes - buffer.Length);
                    var read = await stream.ReadAsync(current, used, want, cancellationToken).ConfigureAwait(false);
                    if (read <= 0)
                    {
                        break;
                    }

                    used += read;
                    buffer.Length += read;
                }

                return buffer;
            }
            catch
            {
                buffer.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Reads at most <paramref name="maxBytes"/> of a response's body. Each read waits with
        /// <paramref name="cancellationToken"/>: a cancelled or timed-out attempt ends a read that
        /// waits on the network, and the handler closes that connection. Disposing the response
        /// instead is not safe there: SocketsHttpHandler then drains the connection to reuse it
        /// while the read still waits on it, and the two split the bytes that arrive.
        /// </summary>
        public static async global::System.Threading.Tasks.Task<__Client__ResponseBuffer> ReadAsync(
            global::System.Net.Http.HttpResponseMessage response,
            global::System.Net.Http.HttpContent content,
            long maxBytes,
            global::System.Threading.CancellationToken cancellationToken)
        {
#if NET5_0_OR_GREATER
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);

            // .NET Framework's handler does not end a pending read when its token is cancelled;
            // closing the response does (it does not drain).
            using var registration = CloseToCancel
                ? cancellationToken.Register(static state => ((global::System.Net.Http.HttpResponseMessage)state!).Dispose(), response)
                : default;
#endif
            return await ReadAsync(stream, maxBytes, content.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
        }

#if !NET5_0_OR_GREATER
        private static readonly bool CloseToCancel =
            global::System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", global::System.StringComparison.OrdinalIgnoreCase);

#endif
        /// <summary>A read-only stream over the body, from its start.</summary>
        /// <param name="release">Hand each segment back to the pool once it has been read: the body can then be read only once.</param>
        public global::System.IO.Stream OpenRead(bool release) => new Reader(this, release);

        /// <summary>Hands every segment back to the pool.</summary>
        public void Dispose()
        {
            for (var i = 0; i < _segments.Count; i++)
            {
                Release(i);
            }
        }

        /// <summary>Segment <paramref name="index"/>, and how many of its bytes from <paramref name="offset"/> belong to the body.</summary>
        private byte[] Unread(int index, int offset, long position, out int available)
        {
            var segment = _segments[index] ?? throw new global::System.InvalidOperationException("The body has been read already.");
            available = (int)global::System.Math.Min(segment.Length - offset, Length - position);
            return segment;
        }

        /// <summary>Moves a reader past a segment read to its end, handing it back when asked.</summary>
        private void Passed(ref int index, ref int offset, bool release)
        {
            if (release)
            {
                Release(index);
            }

            index++;
            offset = 0;
        }

        private void Release(int index)
        {
            var segment = _segments[index];
            if (segment is not null)
            {
                _segments[index] = null;
                Return(segment);
            }
        }

        private static byte[] Rent(int size) =>
#if NETCOREAPP2_1_OR_GREATER || NETSTANDARD2_1_OR_GREATER
            global::System.Buffers.ArrayPool<byte>.Shared.Rent(size);
#else
            new byte[size];
#endif

        private static void Return(byte[] segment)
        {
#if NETCOREAPP2_1_OR_GREATER || NETSTANDARD2_1_OR_GREATER
            global::System.Buffers.ArrayPool<byte>.Shared.Return(segment);
#endif
        }

        /// <summary>Reads the segments in order; reads complete at once, from memory.</summary>
        private sealed class Reader : global::System.IO.Stream
        {
            private readonly __Client__ResponseBuffer _buffer;
            private readonly bool _release;
            private int _segment;
            private int _offset;
            private long _position;

            public Reader(__Client__ResponseBuffer buffer, bool release)
            {
                _buffer = buffer;
                _release = release;
            }

            /// <summary>The body this stream reads.</summary>
            public __Client__ResponseBuffer Buffer => _buffer;

            /// <summary>Whether segments go back to the pool once read.</summary>
            public bool Releases => _release;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => _buffer.Length;

            public override long Position
            {
                get => _position;
                set => throw new global::System.NotSupportedException();
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var copied = 0;
                while (copied < count && _position < _buffer.Length)
                {
                    var segment = _buffer.Unread(_segment, _offset, _position, out var available);
                    var take = global::System.Math.Min(available, count - copied);
                    global::System.Buffer.BlockCopy(segment, _offset, buffer, offset + copied, take);
                    copied += take;
                    _offset += take;
                    _position += take;
                    if (_offset == segment.Length)
                    {
                        _buffer.Passed(ref _segment, ref _offset, _release);
                    }
                }

                return copied;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, global::System.IO.SeekOrigin origin) => throw new global::System.NotSupportedException();

            public override void SetLength(long value) => throw new global::System.NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new global::System.NotSupportedException();
        }
    }
}
