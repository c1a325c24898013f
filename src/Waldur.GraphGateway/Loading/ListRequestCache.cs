using System.Collections.Concurrent;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Per-request (scoped) memory of what Waldur already answered: pages, counts and whole scans, keyed by endpoint and
/// query. Sibling fields resolve concurrently, so entries are lazy tasks: the second field awaits the first field's
/// request instead of sending its own (ten fields over the same pushdown cost one scan). Never outlives the request,
/// so it never mixes callers' credentials. Read only through the request's <see cref="ListFetcher"/>.
/// </summary>
internal sealed class ListRequestCache
{
    private readonly ConcurrentDictionary<QueryKey, Lazy<Task<WaldurPage>>> _pages = new();
    private readonly ConcurrentDictionary<QueryKey, Lazy<Task<ScanResult>>> _scans = new();
    private readonly ConcurrentDictionary<QueryKey, int> _counts = new();

    public async Task<WaldurPage> PageAsync(WaldurEndpoint endpoint, WaldurListQuery query, Func<Task<WaldurPage>> fetch)
    {
        var page = await GetOrAdd(_pages, new QueryKey(endpoint.Path, query.PageKey), fetch);
        SetCount(endpoint, query, page.TotalCount);
        return page;
    }

    public Task<ScanResult> ScanAsync(WaldurEndpoint endpoint, WaldurListQuery query, Func<Task<ScanResult>> scan) =>
        GetOrAdd(_scans, ScanKey(endpoint, query), scan);

    /// <summary>A scan already started (or finished) for these filters, if any: windows and counts read it for free.</summary>
    public Task<ScanResult>? FindScan(WaldurEndpoint endpoint, WaldurListQuery query) =>
        _scans.TryGetValue(ScanKey(endpoint, query), out var entry) ? entry.Value : null;

    public bool TryGetCount(WaldurEndpoint endpoint, WaldurListQuery query, out int count) => _counts.TryGetValue(CountKey(endpoint, query), out count);

    public void SetCount(WaldurEndpoint endpoint, WaldurListQuery query, int count) => _counts[CountKey(endpoint, query)] = count;

    private static Task<T> GetOrAdd<T>(ConcurrentDictionary<QueryKey, Lazy<Task<T>>> entries, QueryKey key, Func<Task<T>> create) =>
        entries.GetOrAdd(key, _ => new Lazy<Task<T>>(create, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static QueryKey ScanKey(WaldurEndpoint endpoint, WaldurListQuery query) => new(endpoint.Path, query.FilterKey);

    // The count depends on the filters alone: a page read with `o` tells the total of the same filters without it.
    private static QueryKey CountKey(WaldurEndpoint endpoint, WaldurListQuery query) =>
        new(endpoint.Path, (query with { Ordering = null, Reads = null, NestedReads = null }).FilterKey);

    /// <summary>A list's path and the query text that decides the answer (a page's, or the filters' for scans and counts).</summary>
    private readonly record struct QueryKey(string Path, string Query);
}
