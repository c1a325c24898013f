using System.Buffers;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// A Waldur body read whole into a buffer rented from the shared pool, sized from <c>Content-Length</c> when the
/// response declares it: no per-request array (a 150-row page is over 85 KB, a large-object-heap array each time)
/// and no copy out of HttpClient's own growing buffer. Dispose returns the buffer; nothing may keep the span.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private const int UnknownLengthStart = 16 * 1024;

    private byte[] _buffer;
    private int _length;

    private PooledBody(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public static async Task<PooledBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        // One byte more than declared, so the read that sees the end needs no bigger buffer.
        var body = new PooledBody(declared is > 0 and < int.MaxValue - 1 ? (int)declared.Value + 1 : UnknownLengthStart);
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken);
            int read;
            do
            {
                if (body._length == body._buffer.Length)
                {
                    body.Grow();
                }

                read = await stream.ReadAsync(body._buffer.AsMemory(body._length), cancellationToken);
                body._length += read;
            }
            while (read > 0);
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    private void Grow()
    {
        var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _length = 0;
    }
}
