using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// Every row the planner receives (windows, scans, runs) primes the by-uuid loaders. The loaders are resolved on first
/// use, not injected: they scan through the planner's <see cref="ListFetcher"/>, which calls this primer, so constructor
/// injection would be a cycle.
/// </summary>
public sealed class ResourcePrimer(IServiceProvider services) : IResourcePrimer
{
    public void Prime(IReadOnlyList<WaldurRow> rows) => services.GetRequiredService<ResourceLoaders>().Prime(rows);
}
