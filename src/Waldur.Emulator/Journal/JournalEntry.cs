namespace Waldur.Emulator.Journal;

/// <summary>One request to Waldur's surface. <see cref="Status"/> is 0 while the request is in flight and for a
/// connection reset by a fault (no status was sent).</summary>
public sealed class JournalEntry(string method, string path, string query)
{
    private int _status;

    public string Method { get; } = method;

    public string Path { get; } = path;

    public string Query { get; } = query;

    public int Status
    {
        get => Volatile.Read(ref _status);
        internal set => Volatile.Write(ref _status, value);
    }
}
