using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Told about every row that arrives from a Waldur list response during the request (windows, scans, groups), so
/// by-uuid loaders can fill their caches (issue 5). Register any number as scoped services; the planner calls them all.
/// </summary>
public interface IResourcePrimer
{
    void Prime<T>(WaldurEndpoint<T> endpoint, IReadOnlyList<T> rows)
        where T : class;
}
