// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// The body as text: UTF-8 decoded straight from the segments into the caller's buffer, with
    /// no stream or byte buffer in between, each segment handed back to the pool once decoded.
    /// </summary>
    internal sealed partial class __Client__ResponseBuffer
    {
        private static readonly global::System.Text.UTF8Encoding Utf8 = new global::System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        /// <summary>
        /// The body behind a stream from <see cref="OpenRead"/> that has not been read yet (and
        /// whether that stream hands segments back), else <see langword="null"/>.
        /// </summary>
        public static __Client__ResponseBuffer? Of(global::System.IO.Stream stream, out bool release)
        {
            release = stream is Reader { Releases: true };
            return stream is Reader { Position: 0 } reader ? reader.Buffer : null;
        }

        /// <summary>
        /// A reader of the body's text, UTF-8 unless a byte-order mark says otherwise (as
        /// <see cref="global::System.IO.StreamReader"/> decides).
        /// </summary>
        /// <param name="release">Hand each segment back to the pool once it has been read: the body can then be read only once.</param>
        public global::System.IO.TextReader OpenText(bool release) =>
            StartsWithOtherByteOrderMark()
                ? new global::System.IO.StreamReader(OpenRead(release), Utf8, detectEncodingFromByteOrderMarks: true)
                : new TextReader(this, release);

        // UTF-16's or UTF-32's byte-order mark (UTF-8's is skipped by the reader below).
        private bool StartsWithOtherByteOrderMark()
        {
            if (Length < 2 || _segments.Count == 0 || _segments[0] is not { Length: >= 2 } first)
            {
                return false;
            }

            return (first[0] == 0xFE && first[1] == 0xFF)
                || (first[0] == 0xFF && first[1] == 0xFE)
                || (Length >= 4 && first.Length >= 4 && first[0] == 0 && first[1] == 0 && first[2] == 0xFE && first[3] == 0xFF);
        }

        /// <summary>Decodes the segments in order; reads complete at once, from memory.</summary>
        private sealed class TextReader : global::System.IO.TextReader
        {
            private readonly __Client__ResponseBuffer _buffer;
            private readonly bool _release;
            private readonly global::System.Text.Decoder _decoder = Utf8.GetDecoder();
            private readonly char[] _spare = new char[2];
            private int _spareStart;
            private int _spareEnd;
            private int _segment;
            private int _offset;
            private long _position;
            private bool _flushed;

            public TextReader(__Client__ResponseBuffer buffer, bool release)
            {
                _buffer = buffer;
                _release = release;
                var first = buffer._segments.Count > 0 ? buffer._segments[0] : null;
                if (first is not null && buffer.Length >= 3 && first.Length >= 3 && first[0] == 0xEF && first[1] == 0xBB && first[2] == 0xBF)
                {
                    _offset = 3;
                    _position = 3;
                }
            }

            public override int Peek()
            {
                if (_spareStart == _spareEnd)
                {
                    _spareStart = 0;
                    _spareEnd = Decode(_spare, 0, _spare.Length);
                }

                return _spareStart < _spareEnd ? _spare[_spareStart] : -1;
            }

            public override int Read()
            {
                var next = Peek();
                if (next >= 0)
                {
                    _spareStart++;
                }

                return next;
            }

            public override int Read(char[] buffer, int index, int count)
            {
                if (count <= 0)
                {
                    return 0;
                }

                // Decoded characters left from Peek, or from a call with room for one character only
                // (a surrogate pair needs two).
                if (_spareStart < _spareEnd || count < 2)
                {
                    var read = 0;
                    while (read < count && Peek() >= 0)
                    {
                        buffer[index + read++] = _spare[_spareStart++];
                    }

                    return read;
                }

                return Decode(buffer, index, count);
            }

            private int Decode(char[] buffer, int index, int count)
            {
                // Room for two characters at least: the decoder cannot split a surrogate pair.
                var written = 0;
                while (count - written >= 2)
                {
                    if (_position >= _buffer.Length)
                    {
                        if (!_flushed)
                        {
                            // A sequence cut off by the end becomes U+FFFD, as StreamReader makes it.
                            _decoder.Convert(global::System.Array.Empty<byte>(), 0, 0, buffer, index + written, count - written, true, out _, out var last, out var completed);
                            written += last;
                            _flushed = completed;
                        }

                        break;
                    }

                    var segment = _buffer.Unread(_segment, _offset, _position, out var available);
                    _decoder.Convert(segment, _offset, available, buffer, index + written, count - written, false, out var bytesUsed, out var charsUsed, out _);
                    written += charsUsed;
                    _offset += bytesUsed;
                    _position += bytesUsed;
                    if (_offset == segment.Length)
                    {
                        _buffer.Passed(ref _segment, ref _offset, _release);
                    }
                    else if (bytesUsed == 0 && charsUsed == 0)
                    {
                        break;
                    }
                }

                return written;
            }
        }
    }
}
