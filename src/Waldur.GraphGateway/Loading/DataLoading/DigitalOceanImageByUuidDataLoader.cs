using Microsoft.Extensions.Options;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// Images by 32-hex uuid. Waldur has no batch endpoint (U12), so each batch takes the cheaper of parallel
/// <c>GET …/{uuid}/</c> and one scan of the list (<see cref="ByUuidBatchStrategy"/>), given the image total this
/// request already knows. Every image fetched primes this loader and the regions nested in it.
/// </summary>
public sealed class DigitalOceanImageByUuidDataLoader(
    IWaldurClient client,
    DigitalOceanRegionByUuidDataLoader regions,
    WaldurRequestFacts facts,
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
        var concurrency = options.Value.ByUuidConcurrency;
        var found = new Dictionary<string, DigitalOceanImageDto>(StringComparer.Ordinal);
        var plan = ByUuidBatchStrategy.Choose(keys.Count, facts.ImageTotal, concurrency, PageSize);
        switch (plan.Kind)
        {
            case ByUuidFetchKind.GetEach:
                await GetEachAsync(keys, found, concurrency, cancellationToken);
                break;
            case ByUuidFetchKind.Scan:
                var scan = await WaldurListScan.PagesAsync(client, WaldurEndpoints.DigitalOceanImages, 1,
                    ByUuidBatchStrategy.Pages(facts.ImageTotal ?? 0, PageSize), concurrency, cancellationToken);
                Take(scan, found);
                await GetUnseenAsync(keys, found, facts.ImageTotal ?? 0, concurrency, cancellationToken);
                break;
            case ByUuidFetchKind.FirstPageThenChoose:
                var first = await client.ListAsync(WaldurEndpoints.DigitalOceanImages, WaldurListScan.Page(1), cancellationToken);
                facts.ObserveImageTotal(first.TotalCount);
                Take(first.Items, found);
                var stillMissing = keys.Where(k => !found.ContainsKey(k)).ToList();
                var rest = ByUuidBatchStrategy.ChooseAfterFirstPage(stillMissing.Count, first.TotalCount, concurrency, PageSize);
                if (rest.Kind == ByUuidFetchKind.GetEach)
                {
                    await GetEachAsync(stillMissing, found, concurrency, cancellationToken);
                }
                else if (rest.Kind == ByUuidFetchKind.Scan)
                {
                    var pages = await WaldurListScan.PagesAsync(client, WaldurEndpoints.DigitalOceanImages, 2,
                        ByUuidBatchStrategy.Pages(first.TotalCount, PageSize), concurrency, cancellationToken);
                    Take(pages, found);
                    await GetUnseenAsync(keys, found, first.TotalCount, concurrency, cancellationToken);
                }
                break;
        }
        return found;
    }

    /// <summary>
    /// Waldur's list order has no tie-breaker (U16), so concurrent pages may repeat a row and skip another. When the
    /// scan saw fewer distinct rows than the count, a key it missed may still exist: ask for those one by one.
    /// (<paramref name="found"/> holds every scanned row, so its size is the number of distinct rows seen.)
    /// </summary>
    private async Task GetUnseenAsync(IReadOnlyList<string> keys, Dictionary<string, DigitalOceanImageDto> found,
        int total, int concurrency, CancellationToken cancellationToken)
    {
        if (found.Count >= total)
            return;
        await GetEachAsync(keys.Where(k => !found.ContainsKey(k)).ToList(), found, concurrency, cancellationToken);
    }

    private void Take(IReadOnlyList<DigitalOceanImageDto> images, Dictionary<string, DigitalOceanImageDto> found)
    {
        foreach (var image in images)
            found.TryAdd(image.Uuid, image);
        PrimeFrom(images);
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
        foreach (var image in images.OfType<DigitalOceanImageDto>())
            found.TryAdd(image.Uuid, image);
        regions.PrimeFrom(images.OfType<DigitalOceanImageDto>());
    }
}
