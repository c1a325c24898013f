using Microsoft.Extensions.Options;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// The request's by-uuid loaders, one per catalog resource, made on first use (scoped: one cache per request, shared
/// by every field, node, lookup and federation entity of the request). Subscribed to the request's
/// <see cref="RowsReadFeed"/>: every row the fetcher reads primes them.
/// </summary>
internal sealed class ResourceLoaders : IResourcePrimer
{
    private readonly Dictionary<string, ResourceByUuidDataLoader> _loaders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChildRowsDataLoader> _children = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly ListResources _resources;
    private readonly ListFetcher _fetcher;
    private readonly ResidualScanner _scanner;
    private readonly DataLoadingOptions _options;
    private readonly ScanBudget _scanBudget;

    public ResourceLoaders(ListResources resources, ListFetcher fetcher, ResidualScanner scanner, RowsReadFeed feed,
        IOptions<DataLoadingOptions> options, IOptions<ListOptions> lists)
    {
        ArgumentNullException.ThrowIfNull(feed);
        (_resources, _fetcher, _scanner, _options) = (resources, fetcher, scanner, options.Value);
        _scanBudget = new ScanBudget(lists.Value.ScanBudgetRows);
        // Last: the feed replays the rows read so far, which needs the fields above.
        feed.Subscribe(this);
    }

    public ResourceByUuidDataLoader ByUuid(string typeName)
    {
        lock (_gate)
        {
            if (!_loaders.TryGetValue(typeName, out var loader))
            {
                loader = new ResourceByUuidDataLoader(_resources[typeName], _fetcher, _scanner, _options);
                _loaders[typeName] = loader;
            }
            return loader;
        }
    }

    /// <summary>
    /// The loader of <paramref name="source"/>'s rows for the parents of one <see cref="ChildBatch"/> (a link, the
    /// ancestors and the filters Waldur applies itself): every parent asking with the same batch shares it.
    /// </summary>
    public ChildRowsDataLoader Children(ListResource source, ChildBatch batch)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(batch);
        var key = batch.Key(source);
        lock (_gate)
        {
            if (!_children.TryGetValue(key, out var loader))
            {
                loader = new ChildRowsDataLoader(source, batch, _scanner, _scanBudget);
                _children[key] = loader;
            }
            return loader;
        }
    }

    /// <summary>
    /// Every row, and every catalog row nested in it (images carry whole regions, U5), fills its resource's cache so a
    /// later lookup, node or entity of it costs nothing.
    /// </summary>
    public void Prime(IReadOnlyList<WaldurRow> rows)
    {
        var nestedPrimed = new HashSet<WaldurRow>(ReferenceEqualityComparer.Instance);
        foreach (var row in rows)
        {
            Prime(row, nestedPrimed);
        }
    }

    /// <summary>
    /// A nested row repeated in one body is one shared row (RowReader reads a repeated object once: every image lists the
    /// same regions), so it is primed once per call, not once per image: each prime takes two locks.
    /// </summary>
    private void Prime(WaldurRow row, HashSet<WaldurRow> nestedPrimed)
    {
        if (!_resources.TryGet(row.Shape.TypeName, out _))
        {
            return;
        }

        if (row.IsComplete && row.Shape.Keyed)
        {
            ByUuid(row.Shape.TypeName).Prime(row.Uuid, row);
        }

        foreach (var field in row.Shape.Fields)
        {
            switch (field.Nested is null ? null : row[field.Index])
            {
                case WaldurRow nested when nestedPrimed.Add(nested):
                    Prime(nested, nestedPrimed);
                    break;
                case IReadOnlyList<WaldurRow> nestedRows:
                    foreach (var nested in nestedRows)
                    {
                        if (nestedPrimed.Add(nested))
                        {
                            Prime(nested, nestedPrimed);
                        }
                    }

                    break;
            }
        }
    }
}
