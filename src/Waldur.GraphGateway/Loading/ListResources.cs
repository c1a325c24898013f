using Waldur.Catalog.Model;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>The planner's view of every catalog resource, by GraphQL type name (singleton, built once at start).</summary>
internal sealed class ListResources
{
    private readonly List<ListResource> _all;
    private readonly Dictionary<string, ListResource> _byType;

    public ListResources(ResourceCatalog catalog, RowShapes shapes)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(shapes);
        _all = catalog.Resources.Select(r => new ListResource(r, shapes[r.TypeName])).ToList();
        _byType = _all.ToDictionary(r => r.TypeName, StringComparer.Ordinal);
        LookupFields = new UuidLookupFields(_all);
    }

    public UuidLookupFields LookupFields { get; }

    /// <summary>In the catalog's order, which is the schema's order.</summary>
    public IReadOnlyList<ListResource> All => _all;

    public ListResource this[string typeName] => _byType[typeName];

    public bool TryGet(string typeName, out ListResource resource) => _byType.TryGetValue(typeName, out resource!);
}
