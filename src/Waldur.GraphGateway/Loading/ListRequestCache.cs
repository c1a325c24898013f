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

    public async Task<WaldurPage> PageAsync(WaldurEndpoint endpoint, WaldurListQuery query, Func<Task<WaldurPage>> fetch)
    {
        var page = (WaldurPage)await GetOrAdd($"page|{endpoint.Path}|{query.PageKey}", async () => await fetch())
            ;
        SetCount(endpoint, query, page.TotalCount);
        return page;
    }

    public async Task<ScanResult> ScanAsync(WaldurEndpoint endpoint, WaldurListQuery query, Func<Task<ScanResult>> scan) =>
        (ScanResult)await GetOrAdd(ScanKey(endpoint, query), async () => await scan());

    /// <summary>A scan already started (or finished) for these filters, if any: windows and counts read it for free.</summary>
    public Task<ScanResult>? FindScan(WaldurEndpoint endpoint, WaldurListQuery query) =>
        _entries.TryGetValue(ScanKey(endpoint, query), out var entry) ? Cast(entry.Value) : null;

    public bool TryGetCount(WaldurEndpoint endpoint, WaldurListQuery query, out int count) => _counts.TryGetValue(CountKey(endpoint, query), out count);

    public void SetCount(WaldurEndpoint endpoint, WaldurListQuery query, int count) => _counts[CountKey(endpoint, query)] = count;

    private Task<object> GetOrAdd(string key, Func<Task<object>> create) =>
        _entries.GetOrAdd(key, _ => new Lazy<Task<object>>(create, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static async Task<ScanResult> Cast(Task<object> task) => (ScanResult)await task;

    private static string ScanKey(WaldurEndpoint endpoint, WaldurListQuery query) => $"scan|{endpoint.Path}|{query.FilterKey}";

    // The count depends on the filters alone: a page read with `o` tells the total of the same filters without it.
    private static string CountKey(WaldurEndpoint endpoint, WaldurListQuery query) => $"{endpoint.Path}|{(query with { Ordering = null, Reads = null, NestedReads = null }).FilterKey}";
}
