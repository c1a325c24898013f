using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Told about every row that arrives from Waldur during the request (windows, scans, runs, by-uuid GETs), so by-uuid
/// loaders can fill their caches. The fetcher tells the <see cref="RowsReadFeed"/>, which tells the loaders.
/// </summary>
internal interface IResourcePrimer
{
    void Prime(IReadOnlyList<WaldurRow> rows);
}
