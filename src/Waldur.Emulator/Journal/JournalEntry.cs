namespace Waldur.Emulator.Journal;

/// <summary>One request to Waldur's surface. <see cref="Status"/> is 0 while the request is in flight and for a
/// connection reset by a fault (no status was sent).</summary>
public sealed class JournalEntry(string method, string path, string query, double atMs = 0, IReadOnlyList<string>? headerNames = null)
{
    private int _status;
    private long _responseBytes;

    public string Method { get; } = method;

    public string Path { get; } = path;

    public string Query { get; } = query;

    /// <summary>Arrival time in milliseconds since the journal was created (monotonic), to see back-off between retries.</summary>
    public double AtMs { get; } = atMs;

    /// <summary>Names of the request headers, lower-case and sorted, to see what a client forwards (never their values).</summary>
    public IReadOnlyList<string> HeaderNames { get; } = headerNames ?? [];

    /// <summary>The request body as UTF-8 text for writes (POST, PUT, PATCH, DELETE); null for other methods.</summary>
    public string? Body { get; internal set; }

    public int Status
    {
        get => Volatile.Read(ref _status);
        internal set => Volatile.Write(ref _status, value);
    }

    /// <summary>The body size the response declared (<c>Content-Length</c>; 0 when it declared none), so a benchmark can
    /// report how many bytes a client read from Waldur per request.</summary>
    public long ResponseBytes
    {
        get => Volatile.Read(ref _responseBytes);
        internal set => Volatile.Write(ref _responseBytes, value);
    }
}
