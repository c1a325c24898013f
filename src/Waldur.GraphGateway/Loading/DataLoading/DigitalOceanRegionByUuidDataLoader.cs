using Waldur.GraphGateway.Types.DigitalOcean;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// Regions by 32-hex uuid. Regions are few (DigitalOcean has about fifteen), so any batch is the planner's shared scan
/// of the regions list at <c>page_size=300</c> (usually one request, and none when the request already scanned it);
/// every region that arrives primes this loader, and every image primes the regions nested in it (U5).
/// </summary>
public sealed class DigitalOceanRegionByUuidDataLoader(ResidualScanner scanner)
    : DataLoader<string, DigitalOceanRegionDto>(StringComparer.Ordinal)
{
    /// <summary>Primes every region nested in <paramref name="images"/>.</summary>
    public void PrimeFrom(IEnumerable<DigitalOceanImageDto> images)
    {
        foreach (var image in images)
            PrimeFrom(image.Regions);
    }

    /// <summary>Primes regions seen in any Waldur response.</summary>
    public void PrimeFrom(IEnumerable<DigitalOceanRegionDto> regions)
    {
        foreach (var region in regions)
            Prime(region.Uuid, region);
    }

    protected override async Task<IReadOnlyDictionary<string, DigitalOceanRegionDto>> FetchAsync(
        IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var scan = await scanner.ScanAsync(DigitalOceanListResources.Regions, WaldurListQuery.Unfiltered(), cancellationToken);
        var found = new Dictionary<string, DigitalOceanRegionDto>(StringComparer.Ordinal);
        foreach (var region in scan.Rows)
            found.TryAdd(region.Uuid, region);
        return found;
    }
}
