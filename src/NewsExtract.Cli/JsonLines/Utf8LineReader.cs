using System.Buffers;

namespace NewsExtract.Cli.JsonLines;

/// <summary>The outcome of <see cref="Utf8LineReader.ReadLineAsync"/>.</summary>
internal enum LineStatus
{
    /// <summary>A line is available in <see cref="Utf8LineReader.Line"/>.</summary>
    Line,

    /// <summary>The line was longer than the limit; it was skipped without being held in memory.</summary>
    TooLong,

    /// <summary>The end of the input.</summary>
    End,
}

/// <summary>
/// Reads a stream line by line (<c>\n</c>-terminated, a trailing <c>\r</c> kept for the JSON reader
/// to treat as white space) into one pooled buffer that never grows past the line limit, so memory
/// stays bounded whatever the input's size or its longest line.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private const int InitialSize = 64 * 1024;
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private int _lineStart;
    private int _lineLength;

    public Utf8LineReader(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialSize, maxLineBytes + 1));
    }

    /// <summary>Gets the 1-based number of the line last returned (or skipped).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Gets the bytes of the current line (valid until the next read), without its <c>\n</c>.</summary>
    public ReadOnlyMemory<byte> Line => _buffer.AsMemory(_lineStart, _lineLength);

    public async ValueTask<LineStatus> ReadLineAsync(CancellationToken cancellationToken)
    {
        int scanned = 0;
        while (true)
        {
            int newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                int length = scanned + newline;
                LineNumber++;
                _lineStart = _start;
                _start += length + 1;
                if (length > _maxLineBytes)
                {
                    return LineStatus.TooLong;
                }

                _lineLength = length;
                return LineStatus.Line;
            }

            scanned = _end - _start;
            if (_eof)
            {
                if (scanned == 0)
                {
                    return LineStatus.End;
                }

                LineNumber++;
                _lineStart = _start;
                _lineLength = scanned;
                _start = _end;
                return scanned > _maxLineBytes ? LineStatus.TooLong : LineStatus.Line;
            }

            if (scanned > _maxLineBytes)
            {
                // Too long already: drop what is buffered and the rest of the line as it streams past.
                LineNumber++;
                await SkipRestOfLineAsync(cancellationToken).ConfigureAwait(false);
                return LineStatus.TooLong;
            }

            MakeRoom();
            int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }
    }

    private void MakeRoom()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // Grow up to one byte past the limit, enough to tell that a line is too long.
            int size = (int)Math.Min((long)_buffer.Length * 2, (long)_maxLineBytes + 1);
            size = Math.Max(size, _end + 1);
            byte[] bigger = ArrayPool<byte>.Shared.Rent(size);
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }

    private async ValueTask SkipRestOfLineAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = 0;
        while (true)
        {
            int read = await _stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _eof = true;
                return;
            }

            int newline = _buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start = newline + 1;
                _end = read;
                return;
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
