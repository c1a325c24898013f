using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// Every image or region the planner receives (windows, scans, tie groups) fills the by-uuid caches, so a lookup or
/// <c>node</c> of it later in the request costs nothing. Scoped. The loaders are resolved on first use, not injected:
/// the image loader scans through the planner's <see cref="ListFetcher"/>, which calls this primer, so constructor
/// injection would be a cycle.
/// </summary>
public sealed class DigitalOceanResourcePrimer(IServiceProvider services) : IResourcePrimer
{
    public void Prime<T>(WaldurEndpoint<T> endpoint, IReadOnlyList<T> rows)
        where T : class
    {
        switch (rows)
        {
            case IReadOnlyList<DigitalOceanImageDto> images:
                services.GetRequiredService<DigitalOceanImageByUuidDataLoader>().PrimeFrom(images);
                break;
            case IReadOnlyList<DigitalOceanRegionDto> regions:
                services.GetRequiredService<DigitalOceanRegionByUuidDataLoader>().PrimeFrom(regions);
                break;
        }
    }
}
