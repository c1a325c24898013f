using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.WaldurApi;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading;

public class ListRequestCacheLoadingTests
{
    private readonly ListRequestCache _cache = new();
    private static readonly WaldurEndpoint Images = TestCatalog.Images.Endpoint;
    private static readonly WaldurEndpoint Regions = TestCatalog.Regions.Endpoint;

    private static WaldurListQuery Query(string? type = null, string? ordering = null, int page = 1, int size = 300, IReadOnlyList<string>? reads = null, bool sendsFields = true)
    {
        var filters = WaldurListQuery.NoFilters();
        if (type is not null)
        {
            filters["type"] = type;
        }

        return new WaldurListQuery(filters, ordering, page, size) { Reads = reads, SendsFields = sendsFields };
    }

    private static ScanResult Scan(int rows) => new(
        Enumerable.Range(0, rows).Select(i => TestCatalog.Row("DigitalOceanImage", new Dictionary<string, object?> { ["uuid"] = $"u{i}" })).ToList(),
        new Dictionary<string, int>());

    [Fact]
    public void Nothing_is_known_at_first()
    {
        Assert.False(_cache.TryGetCount(Images, Query(), out _));
        Assert.Null(_cache.FindScan(Images, Query()));
    }

    [Fact]
    public async Task A_page_is_fetched_once_per_query_and_tells_the_count()
    {
        var fetches = 0;
        Task<WaldurPage> Fetch(int total)
        {
            Interlocked.Increment(ref fetches);
            return Task.FromResult(new WaldurPage([], total, 1, 300));
        }

        var first = await _cache.PageAsync(Images, Query("base", "name", reads: ["uuid"]), () => Fetch(7));
        var again = await _cache.PageAsync(Images, Query("base", "name", reads: ["uuid"]), () => Fetch(8));
        Assert.Same(first, again);
        Assert.Equal(1, fetches);

        await _cache.PageAsync(Images, Query("base", "name", page: 2, reads: ["uuid"]), () => Fetch(7));
        await _cache.PageAsync(Regions, Query("base", "name", reads: ["uuid"]), () => Fetch(3));
        Assert.Equal(3, fetches);

        // The count ignores `o`, `field=` and paging, but not the filters or the endpoint.
        Assert.True(_cache.TryGetCount(Images, Query("base", page: 5, size: 10), out var count));
        Assert.Equal(7, count);
        Assert.True(_cache.TryGetCount(Images, Query("base", "-type", reads: ["name"]), out count));
        Assert.Equal(7, count);
        Assert.True(_cache.TryGetCount(Regions, Query("base"), out count));
        Assert.Equal(3, count);
        Assert.False(_cache.TryGetCount(Images, Query("snapshot"), out _));
        Assert.False(_cache.TryGetCount(Images, Query(), out _));
    }

    [Fact]
    public async Task Pages_of_one_url_read_with_different_keys_are_separate_entries()
    {
        var fetches = 0;
        Task<WaldurPage> Fetch()
        {
            Interlocked.Increment(ref fetches);
            return Task.FromResult(new WaldurPage([], 4, 1, 300));
        }

        // Without `field=` both ask Waldur the same URL, but rows read for `name` lack `type`: never hand them over.
        var byName = Query("base", reads: ["uuid", "name"], sendsFields: false);
        var byType = Query("base", reads: ["uuid", "type"], sendsFields: false);
        Assert.Equal(byName.ToQueryString(), byType.ToQueryString());
        var first = await _cache.PageAsync(Images, byName, Fetch);
        Assert.NotSame(first, await _cache.PageAsync(Images, byType, Fetch));
        Assert.NotSame(first, await _cache.PageAsync(Images, Query("base"), Fetch));
        Assert.Same(first, await _cache.PageAsync(Images, Query("base", reads: ["uuid", "name"], sendsFields: false), Fetch));
        Assert.Equal(3, fetches);
    }

    [Fact]
    public async Task Concurrent_readers_of_a_page_share_one_fetch()
    {
        var fetches = 0;
        var release = new TaskCompletionSource<WaldurPage>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<WaldurPage> Fetch()
        {
            Interlocked.Increment(ref fetches);
            return release.Task;
        }

        var a = _cache.PageAsync(Images, Query(), Fetch);
        var b = _cache.PageAsync(Images, Query(), Fetch);
        release.SetResult(new WaldurPage([], 2, 1, 300));
        Assert.Same(await a, await b);
        Assert.Equal(1, fetches);
    }

    [Fact]
    public void Set_count_is_read_back_for_the_same_filters()
    {
        _cache.SetCount(Images, Query("base", "name"), 11);
        Assert.True(_cache.TryGetCount(Images, Query("base"), out var count));
        Assert.Equal(11, count);
        _cache.SetCount(Images, Query("base"), 12);
        Assert.True(_cache.TryGetCount(Images, Query("base", "type"), out count));
        Assert.Equal(12, count);
        Assert.False(_cache.TryGetCount(Regions, Query("base"), out _));
    }

    [Fact]
    public async Task Scans_are_keyed_by_filters_fields_and_ordering_not_paging()
    {
        var scans = 0;
        Task<ScanResult> Run(int rows)
        {
            Interlocked.Increment(ref scans);
            return Task.FromResult(Scan(rows));
        }

        var first = await _cache.ScanAsync(Images, Query("base"), () => Run(2));
        Assert.Same(first, await _cache.ScanAsync(Images, Query("base", page: 4, size: 7), () => Run(3)));
        Assert.Equal(1, scans);

        Assert.NotSame(first, await _cache.ScanAsync(Images, Query("base", "name"), () => Run(3)));
        Assert.NotSame(first, await _cache.ScanAsync(Images, Query("base", reads: ["uuid"]), () => Run(3)));
        Assert.NotSame(first, await _cache.ScanAsync(Images, Query("snapshot"), () => Run(3)));
        Assert.NotSame(first, await _cache.ScanAsync(Regions, Query("base"), () => Run(3)));
        Assert.Equal(5, scans);

        Assert.Same(first, await _cache.FindScan(Images, Query("base", page: 9))!);
        Assert.Null(_cache.FindScan(Images, Query("other")));
    }

    [Fact]
    public async Task A_page_is_not_a_scan()
    {
        await _cache.PageAsync(Images, Query("base"), () => Task.FromResult(new WaldurPage([], 1, 1, 300)));
        Assert.Null(_cache.FindScan(Images, Query("base")));
    }
}
