using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Types.DigitalOcean;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// Images by 32-hex uuid. Waldur has no batch endpoint (U12), so each batch takes the cheaper of parallel
/// <c>GET …/{uuid}/</c> and one scan of the unfiltered list (<see cref="ByUuidBatchStrategy"/>), given the image total
/// this request already knows (<see cref="ListRequestCache"/>). The scan is the planner's shared one
/// (<see cref="ResidualScanner"/>): a batch and every <c>region.images</c> of the request read the same pages, and a
/// scan already made by the request answers a batch for free. Rows that arrive through the planner prime this loader
/// (<see cref="DigitalOceanResourcePrimer"/>); images fetched one by one prime the regions nested in them.
/// </summary>
public sealed class DigitalOceanImageByUuidDataLoader(
    IWaldurClient client,
    ResidualScanner scanner,
    ListRequestCache cache,
    DigitalOceanRegionByUuidDataLoader regions,
    IOptions<DataLoadingOptions> options)
    : DataLoader<string, DigitalOceanImageDto>(StringComparer.Ordinal)
{
    private const int PageSize = WaldurListQuery.MaxPageSize;

    /// <summary>Primes images seen in any Waldur response (and their regions) so later lookups cost nothing.</summary>
    public void PrimeFrom(IEnumerable<DigitalOceanImageDto> images)
    {
        var list = images as IReadOnlyCollection<DigitalOceanImageDto> ?? images.ToList();
        foreach (var image in list)
            Prime(image.Uuid, image);
        regions.PrimeFrom(list);
    }

    protected override async Task<IReadOnlyDictionary<string, DigitalOceanImageDto>> FetchAsync(
        IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var resource = DigitalOceanListResources.Images;
        var all = WaldurListQuery.Unfiltered();
        var concurrency = options.Value.ByUuidConcurrency;
        var found = new Dictionary<string, DigitalOceanImageDto>(StringComparer.Ordinal);
        if (cache.FindScan(resource.Endpoint, all) is { } running)
        {
            Take((await running).Rows, keys, found);
            return found;
        }

        int? total = cache.TryGetCount(resource.Endpoint, all, out var known) ? known : null;
        var plan = ByUuidBatchStrategy.Choose(keys.Count, total, concurrency, PageSize);
        if (plan.Kind == ByUuidFetchKind.FirstPageThenChoose)
        {
            // Page 1 of the shared scan: it reveals the total, and a scan chosen next reuses it.
            var first = await scanner.FirstPageAsync(resource, all, cancellationToken);
            Take(first.Items, keys, found);
            var stillMissing = keys.Where(k => !found.ContainsKey(k)).ToList();
            keys = stillMissing;
            plan = ByUuidBatchStrategy.ChooseAfterFirstPage(stillMissing.Count, first.TotalCount, concurrency, PageSize);
        }

        switch (plan.Kind)
        {
            case ByUuidFetchKind.GetEach:
                await GetEachAsync(keys, found, concurrency, cancellationToken);
                break;
            case ByUuidFetchKind.Scan:
                await ScanAsync(resource, all, keys, found, concurrency, cancellationToken);
                break;
        }
        return found;
    }

    /// <summary>
    /// The list's pages as Waldur sent them (cached, so a <c>region.images</c> scan of this request reuses them). Waldur's
    /// order has no tie-breaker (U16), so concurrent pages may repeat a row and skip another; re-reading tied runs
    /// exactly as the planner does could cost more than the GETs this plan was chosen to beat, so when the pages hold
    /// fewer distinct rows than the count, the keys they lack are asked for one by one.
    /// </summary>
    private async Task ScanAsync(ListResource<DigitalOceanImageDto> resource, WaldurListQuery all, IReadOnlyList<string> keys,
        Dictionary<string, DigitalOceanImageDto> found, int concurrency, CancellationToken cancellationToken)
    {
        var pages = await scanner.PagesAsync(resource, all, cancellationToken);
        var rows = pages.SelectMany(p => p.Items).ToList();
        Take(rows, keys, found);
        if (rows.Select(r => r.Uuid).Distinct(StringComparer.Ordinal).Count() < pages[0].TotalCount)
            await GetEachAsync(keys.Where(k => !found.ContainsKey(k)).ToList(), found, concurrency, cancellationToken);
    }

    private static void Take(IReadOnlyList<DigitalOceanImageDto> rows, IReadOnlyList<string> keys, Dictionary<string, DigitalOceanImageDto> found)
    {
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        foreach (var image in rows)
        {
            if (wanted.Contains(image.Uuid))
                found.TryAdd(image.Uuid, image);
        }
    }

    private async Task GetEachAsync(IReadOnlyList<string> keys, Dictionary<string, DigitalOceanImageDto> found,
        int concurrency, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var images = await Task.WhenAll(keys.Select(async uuid =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await client.RetrieveAsync(WaldurEndpoints.DigitalOceanImages, uuid, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        var fetched = images.OfType<DigitalOceanImageDto>().ToList();
        foreach (var image in fetched)
            found.TryAdd(image.Uuid, image);
        regions.PrimeFrom(fetched);
    }
}
