namespace Waldur.Emulator.Journal;

/// <summary>The last <see cref="Capacity"/> Waldur-surface requests in arrival order; safe for concurrent use.</summary>
public sealed class RequestJournal
{
    public const int Capacity = 10_000;

    private readonly Queue<JournalEntry> _entries = new();
    private readonly Lock _lock = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public JournalEntry Begin(string method, string path, string query, IEnumerable<string>? headerNames = null)
    {
        var names = headerNames?.Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        var entry = new JournalEntry(method, path, query, _clock.Elapsed.TotalMilliseconds, names);
        lock (_lock)
        {
            _entries.Enqueue(entry);
            while (_entries.Count > Capacity)
            {
                _entries.Dequeue();
            }
        }

        return entry;
    }

    public IReadOnlyList<JournalEntry> Snapshot()
    {
        lock (_lock)
        {
            return [.. _entries];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }
}
