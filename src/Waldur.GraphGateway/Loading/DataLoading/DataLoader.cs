using GraphQL.DataLoader;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// A per-request batching cache over GraphQL.NET's <see cref="IDataLoaderResult{T}"/>. Keys loaded while one execution
/// level resolves join one pending batch; the batch is fetched when the execution strategy asks for the first result,
/// which GraphQL.NET's strategies do only after every plain resolver of the level has finished.
/// Keys are deduplicated and cached for the request; every key gets a result (null for a miss); a failed batch fails
/// exactly the loads that waited on it and is evicted, so a later level asks again; keys loaded after a batch was
/// dispatched go in the next one. Register subclasses as scoped services: all state here belongs to one request.
/// </summary>
internal abstract class DataLoader<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, DataLoaderEntry<TKey, TValue>> _cache;
    private DataLoaderBatch<TKey, TValue>? _pending;
    private int _batchCount;

    protected DataLoader(IEqualityComparer<TKey>? comparer = null)
    {
        Comparer = comparer ?? EqualityComparer<TKey>.Default;
        _cache = new Dictionary<TKey, DataLoaderEntry<TKey, TValue>>(Comparer);
    }

    /// <summary>What telemetry calls this loader's batches: its kind, and the resource type it loads, if any.</summary>
    protected internal virtual string TelemetryKind => GetType().Name;

    protected internal virtual string TelemetryResource => "";

    /// <summary>How keys are deduplicated (e.g. normalised uuids compare ordinally).</summary>
    public IEqualityComparer<TKey> Comparer { get; }

    /// <summary>How many batches this loader has fetched in this request (batches with nothing missing do not count).</summary>
    public int BatchCount => Volatile.Read(ref _batchCount);

    /// <summary>A pending result for <paramref name="key"/>: cached, in flight, or queued in the next batch.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_cache.TryGetValue(key, out var entry))
            {
                _pending ??= new DataLoaderBatch<TKey, TValue>(this, Comparer);
                entry = new DataLoaderEntry<TKey, TValue>(key, _pending);
                _pending.Add(entry);
                _cache[key] = entry;
            }
            return entry.Result();
        }
    }

    /// <summary>Results in the order of <paramref name="keys"/> (duplicates allowed), from one batch.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue?>> LoadMany(IEnumerable<TKey> keys) =>
        DataLoaderResult.WhenAll(keys.Select(Load).ToList());

    /// <summary>
    /// Fills the cache with a value seen elsewhere (a list page, a nested object) so a later load costs nothing.
    /// Never overwrites a known value or a fetch in flight; a key queued in a batch not yet dispatched is answered
    /// from the primed value and left out of the fetch. Returns whether the value was taken.
    /// </summary>
    public bool Prime(TKey key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var entry))
            {
                return entry.TryPrime(value);
            }

            _cache[key] = DataLoaderEntry<TKey, TValue>.Known(key, value);
            return true;
        }
    }

    /// <summary>The cached value when <paramref name="key"/> is already known (fetched or primed) in this request.</summary>
    public bool TryGetKnown(TKey key, out TValue? value)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var entry) && entry.IsKnown)
            {
                value = entry.Value;
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <summary>
    /// Fetches <paramref name="keys"/> (distinct, none already known) in one go. Keys absent from the answer resolve to
    /// null. An exception fails every load waiting on this batch. Implementations may <see cref="Prime"/> extra values
    /// they happen to receive (a scan page carries many rows).
    /// </summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    internal Task<IReadOnlyDictionary<TKey, TValue>> RunFetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken) =>
        FetchAsync(keys, cancellationToken);

    /// <summary>Closes the pending batch so later loads start a new one; called once per batch, under no lock.</summary>
    internal bool TryDispatch(DataLoaderBatch<TKey, TValue> batch, out IReadOnlyList<TKey> missing)
    {
        lock (_gate)
        {
            if (!batch.TryClose(out missing))
            {
                return false;
            }

            if (ReferenceEquals(_pending, batch))
            {
                _pending = null;
            }

            if (missing.Count > 0)
            {
                _batchCount++;
            }

            return true;
        }
    }

    internal void Complete(DataLoaderBatch<TKey, TValue> batch, IReadOnlyDictionary<TKey, TValue>? found)
    {
        lock (_gate)
        {
            foreach (var entry in batch.Entries)
            {
                if (found is null)
                {
                    // A failed fetch is not a miss: forget it so a later level may try again.
                    if (!entry.IsKnown && _cache.TryGetValue(entry.Key, out var cached) && ReferenceEquals(cached, entry))
                    {
                        _cache.Remove(entry.Key);
                    }
                }
                else
                {
                    entry.Settle(found.TryGetValue(entry.Key, out var value) ? value : null);
                }
            }
        }
    }
}
