namespace Waldur.Emulator.Journal;

/// <summary>The last <see cref="Capacity"/> Waldur-surface requests in arrival order; safe for concurrent use.</summary>
public sealed class RequestJournal
{
    public const int Capacity = 10_000;

    private readonly Queue<JournalEntry> _entries = new();
    private readonly Lock _lock = new();

    public JournalEntry Begin(string method, string path, string query)
    {
        var entry = new JournalEntry(method, path, query);
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
