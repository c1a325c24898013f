using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// Regions by 32-hex uuid. Regions are few (DigitalOcean has about fifteen), so any batch is one regions list at
/// <c>page_size=300</c>, which also primes every region; and every image primes the regions nested in it (U5).
/// </summary>
public sealed class DigitalOceanRegionByUuidDataLoader(IWaldurClient client)
    : DataLoader<string, DigitalOceanRegionDto>(StringComparer.Ordinal)
{
    /// <summary>Primes every region nested in <paramref name="images"/>.</summary>
    public void PrimeFrom(IEnumerable<DigitalOceanImageDto> images)
    {
        foreach (var image in images)
        {
            foreach (var region in image.Regions)
                Prime(region.Uuid, region);
        }
    }

    protected override async Task<IReadOnlyDictionary<string, DigitalOceanRegionDto>> FetchAsync(
        IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var regions = await WaldurListScan.AllAsync(client, WaldurEndpoints.DigitalOceanRegions, concurrency: 4, cancellationToken);
        var found = new Dictionary<string, DigitalOceanRegionDto>(StringComparer.Ordinal);
        foreach (var region in regions.Items)
        {
            found.TryAdd(region.Uuid, region);
            Prime(region.Uuid, region);
        }
        return found;
    }
}
