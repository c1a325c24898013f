using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Every row the request's <see cref="ListFetcher"/> reads (pages, scans, runs, by-uuid GETs), told to the primers that
/// subscribe (the by-uuid loaders), like GreenDonut's cache observer. Scoped. The fetcher publishes without knowing who
/// listens, so the loaders, which read through the fetcher, are no cycle. A primer that subscribes late first hears what
/// was read before it (the rows are held by the request's cache anyway), so a lookup after a list still costs nothing.
/// </summary>
internal sealed class RowsReadFeed : IResourcePrimer
{
    private readonly List<IReadOnlyList<WaldurRow>> _read = [];
    private readonly List<IResourcePrimer> _primers = [];
    private readonly Lock _gate = new();

    public void Prime(IReadOnlyList<WaldurRow> rows)
    {
        lock (_gate)
        {
            _read.Add(rows);
            foreach (var primer in _primers)
            {
                primer.Prime(rows);
            }
        }
    }

    public void Subscribe(IResourcePrimer primer)
    {
        ArgumentNullException.ThrowIfNull(primer);
        lock (_gate)
        {
            _primers.Add(primer);
            foreach (var rows in _read)
            {
                primer.Prime(rows);
            }
        }
    }
}
