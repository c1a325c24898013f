namespace Waldur.GraphGateway.WaldurApi.Caching;

/// <summary>
/// Per request: what the HTTP layer tells the Waldur client (<see cref="BypassCache"/>: the client sent
/// <c>Cache-Control: no-cache</c>) and what the client tells it back (how many answers came from the cache, and how old
/// the oldest was, which rows it had to leave out), without the Waldur client knowing anything of HTTP requests.
/// </summary>
internal sealed class WaldurCallContext
{
    private int _hits;
    private int _misses;
    private long _oldestTicks;
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _generations = new(StringComparer.Ordinal);

    public bool BypassCache { get; set; }

    public void Hit(TimeSpan age)
    {
        Interlocked.Increment(ref _hits);
        for (var oldest = Volatile.Read(ref _oldestTicks); age.Ticks > oldest; oldest = Volatile.Read(ref _oldestTicks))
        {
            Interlocked.CompareExchange(ref _oldestTicks, age.Ticks, oldest);
        }
    }

    public void Miss() => Interlocked.Increment(ref _misses);

    /// <summary>The caller's cache generation as this request knows it (<see cref="CallerGenerations"/>): read once per request.</summary>
    public string? Generation(string authorization)
    {
        lock (_generations)
        {
            return _generations.GetValueOrDefault(authorization);
        }
    }

    public void RememberGeneration(string authorization, string generation)
    {
        lock (_generations)
        {
            _generations[authorization] = generation;
        }
    }

    /// <summary>A list response held rows the gateway could not key (no uuid): they were left out of the answer.</summary>
    public void RowsSkipped(WaldurEndpoint endpoint, int rows)
    {
        lock (_skipped)
        {
            _skipped[endpoint.Path] = _skipped.GetValueOrDefault(endpoint.Path) + rows;
        }
    }

    /// <summary>Rows left out since the last call, by Waldur path (one GraphQL operation's worth), then starts afresh.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> TakeSkippedRows()
    {
        lock (_skipped)
        {
            var taken = _skipped.ToList();
            _skipped.Clear();
            return taken;
        }
    }

    /// <summary>What the cache did since the last call (one GraphQL operation's worth), then starts counting afresh.</summary>
    public WaldurCacheUse TakeUse() => new(Interlocked.Exchange(ref _hits, 0), Interlocked.Exchange(ref _misses, 0),
        TimeSpan.FromTicks(Interlocked.Exchange(ref _oldestTicks, 0)));
}

/// <summary>One operation's use of the cache: answers served from it, answers fetched from Waldur, the oldest served.</summary>
internal sealed record WaldurCacheUse(int Hits, int Misses, TimeSpan OldestAge);
