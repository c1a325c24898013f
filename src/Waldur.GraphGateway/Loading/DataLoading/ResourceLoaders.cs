using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// The request's by-uuid loaders, one per catalog resource, made on first use (scoped: one cache per request, shared
/// by every field, node, lookup and federation entity of the request). Also where rows from anywhere prime them.
/// </summary>
public sealed class ResourceLoaders(
    ListResources resources,
    IWaldurClient client,
    ResidualScanner scanner,
    ListRequestCache cache,
    IOptions<DataLoadingOptions> options,
    IOptions<ListOptions> lists,
    WaldurCallBudget? budget = null)
{
    private readonly Dictionary<string, ResourceByUuidDataLoader> _loaders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChildRowsDataLoader> _children = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ResourceByUuidDataLoader ByUuid(string typeName)
    {
        lock (_gate)
        {
            if (!_loaders.TryGetValue(typeName, out var loader))
            {
                loader = new ResourceByUuidDataLoader(resources[typeName], client, scanner, cache, this, options.Value, budget);
                _loaders[typeName] = loader;
            }
            return loader;
        }
    }

    /// <summary>
    /// The loader of <paramref name="source"/>'s rows that point at parents through <paramref name="link"/> (a multi-value
    /// parameter), for one set of filters Waldur applies itself: every parent asking with the same filters shares it.
    /// </summary>
    public ChildRowsDataLoader Children(ListResource source, PushdownRule link, SortedDictionary<string, StringValues> pushdown)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(link);
        var key = $"{source.TypeName}|{link.Parameter}|{new WaldurListQuery(pushdown, null, 1, 1).FilterKey}";
        lock (_gate)
        {
            if (!_children.TryGetValue(key, out var loader))
            {
                loader = new ChildRowsDataLoader(source, link, pushdown, scanner, new ScanBudget(lists.Value.ScanBudgetRows));
                _children[key] = loader;
            }
            return loader;
        }
    }

    /// <summary>
    /// Every row, and every catalog row nested in it (images carry whole regions, U5), fills its resource's cache so a
    /// later lookup, node or entity of it costs nothing.
    /// </summary>
    public void Prime(IEnumerable<WaldurRow> rows)
    {
        foreach (var row in rows)
        {
            if (!resources.TryGet(row.Shape.TypeName, out _))
            {
                continue;
            }

            if (row.IsComplete && row.Shape.Keyed)
            {
                ByUuid(row.Shape.TypeName).Prime(row.Uuid, row);
            }

            foreach (var field in row.Shape.Fields)
            {
                if (field.Nested is null)
                {
                    continue;
                }

                switch (row[field.Index])
                {
                    case WaldurRow nested:
                        Prime([nested]);
                        break;
                    case IReadOnlyList<WaldurRow> nested:
                        Prime(nested);
                        break;
                }
            }
        }
    }
}
