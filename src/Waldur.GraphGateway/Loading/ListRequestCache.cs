using System.Collections.Concurrent;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Per-request (scoped) memory of what Waldur already answered: pages, counts and whole scans, keyed by endpoint and
/// query. Sibling fields resolve concurrently, so entries are lazy tasks: the second field awaits the first field's
/// request instead of sending its own (ten fields over the same pushdown cost one scan). Never outlives the request,
/// so it never mixes callers' credentials.
/// </summary>
public sealed class ListRequestCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public async Task<WaldurPage<T>> PageAsync<T>(WaldurEndpoint<T> endpoint, WaldurListQuery query, Func<Task<WaldurPage<T>>> fetch)
        where T : class
    {
        var page = (WaldurPage<T>)await GetOrAdd($"page|{endpoint.Path}|{query.ToQueryString()}", async () => await fetch().ConfigureAwait(false))
            .ConfigureAwait(false);
        SetCount(endpoint, query, page.TotalCount);
        return page;
    }

    public async Task<ScanResult<T>> ScanAsync<T>(WaldurEndpoint<T> endpoint, WaldurListQuery query, Func<Task<ScanResult<T>>> scan)
        where T : class =>
        (ScanResult<T>)await GetOrAdd(ScanKey(endpoint, query), async () => await scan().ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>A scan already started (or finished) for these filters, if any: windows and counts read it for free.</summary>
    public Task<ScanResult<T>>? FindScan<T>(WaldurEndpoint<T> endpoint, WaldurListQuery query)
        where T : class =>
        _entries.TryGetValue(ScanKey(endpoint, query), out var entry) ? Cast<T>(entry.Value) : null;

    public bool TryGetCount<T>(WaldurEndpoint<T> endpoint, WaldurListQuery query, out int count)
        where T : class => _counts.TryGetValue(CountKey(endpoint, query), out count);

    public void SetCount<T>(WaldurEndpoint<T> endpoint, WaldurListQuery query, int count)
        where T : class => _counts[CountKey(endpoint, query)] = count;

    private Task<object> GetOrAdd(string key, Func<Task<object>> create) =>
        _entries.GetOrAdd(key, _ => new Lazy<Task<object>>(create, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static async Task<ScanResult<T>> Cast<T>(Task<object> task)
        where T : class => (ScanResult<T>)await task.ConfigureAwait(false);

    private static string ScanKey<T>(WaldurEndpoint<T> endpoint, WaldurListQuery query)
        where T : class => $"scan|{endpoint.Path}|{query.FilterKey}";

    // The count depends on the filters alone: a page read with `o` tells the total of the same filters without it.
    private static string CountKey<T>(WaldurEndpoint<T> endpoint, WaldurListQuery query)
        where T : class => $"{endpoint.Path}|{(query with { Ordering = null }).FilterKey}";
}
