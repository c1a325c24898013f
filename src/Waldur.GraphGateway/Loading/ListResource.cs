using Waldur.Catalog.Model;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// What the planner knows about one Waldur list, derived from its catalog descriptor: where it lives, its fields, which
/// predicates Waldur applies (<see cref="Pushdown"/>), its default order (<see cref="DefaultOrderField"/> ascending, U16)
/// when the catalog knows it, whose exact-match parameter (<see cref="DefaultOrderExactParameter"/>) fetches one run of
/// tied rows, and the sort keys Waldur applies through <c>o</c> (<see cref="ServerSort"/>).
/// </summary>
internal sealed class ListResource
{
    private readonly int _defaultOrderIndex;

    public ListResource(ResourceDescriptor descriptor, RowShape shape)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(shape);
        Descriptor = descriptor;
        // Caching:Ttl:<field> names root connections; a nested list (Customer.users) takes the default TTL.
        Endpoint = new WaldurEndpoint(descriptor.Path, shape, descriptor.Paged, descriptor.Parent is null ? descriptor.ListField : null);
        CursorScope = descriptor.TypeName;
        Fields = ResourceFields.For(shape);
        Pushdown = descriptor.Filters.SelectMany(PushdownRules.For).ToList();

        // Only a text default order can be followed and re-read by its exact value; anything else is treated as unknown.
        KnowsDefaultOrder = descriptor.DefaultOrder is { } order && shape.TryGetField(order, out var field)
                            && field is { Kind: ValueKind.String, IsList: false };
        DefaultOrderField = KnowsDefaultOrder ? descriptor.DefaultOrder! : "uuid";
        _defaultOrderIndex = shape.TryGetField(DefaultOrderField, out var orderField) ? orderField.Index : -1;
        DefaultOrderExactParameter = KnowsDefaultOrder ? ExactParameter(descriptor, DefaultOrderField) : null;
        ServerSort = descriptor.Orders
            .Where(o => shape.TryGetField(o.Field, out var f) && f is { Kind: ValueKind.String, IsList: false })
            .Select(o => new ServerSortRule(o.Field, o.Key, ExactParameter(descriptor, o.Field)))
            .ToList();
    }

    /// <summary>The same list at another path: a nested list's path with its parameters filled in (<see cref="WithPath"/>).</summary>
    private ListResource(ListResource source, string path)
    {
        Descriptor = source.Descriptor;
        Endpoint = source.Endpoint with { Path = path };
        CursorScope = path;
        Fields = source.Fields;
        Pushdown = source.Pushdown;
        KnowsDefaultOrder = source.KnowsDefaultOrder;
        DefaultOrderField = source.DefaultOrderField;
        _defaultOrderIndex = source._defaultOrderIndex;
        DefaultOrderExactParameter = source.DefaultOrderExactParameter;
        ServerSort = source.ServerSort;
    }

    public ResourceDescriptor Descriptor { get; }

    /// <summary>What a cursor is bound to: the type, or for a list under a parent's path that path, so a cursor from one
    /// parent's connection is rejected by another's (as reverse connections bind theirs through the parent's filter).</summary>
    public string CursorScope { get; }

    /// <summary>
    /// Rows come in Waldur's own order when no <c>order</c> is asked for (a generated list: the catalog does not know that
    /// order's key), and every read of a list without uuids or without paging is a read of the whole list.
    /// </summary>
    public bool FollowsWaldurOrder => Descriptor.FollowWaldurOrder;

    /// <summary>This list with each <c>{name}</c> of its path replaced by <paramref name="values"/>' value (escaped).</summary>
    public ListResource WithPath(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var path = Descriptor.Path;
        foreach (var (name, value) in values)
        {
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return new ListResource(this, path);
    }

    public string TypeName => Descriptor.TypeName;

    public string FieldName => Descriptor.ListField;

    public WaldurEndpoint Endpoint { get; }

    public FieldSet Fields { get; }

    public IReadOnlyList<PushdownRule> Pushdown { get; }

    /// <summary>False when the catalog does not know Waldur's order without <c>o</c>: every unsorted read is then a scan.</summary>
    public bool KnowsDefaultOrder { get; }

    public string DefaultOrderField { get; }

    public string? DefaultOrderExactParameter { get; }

    public IReadOnlyList<ServerSortRule> ServerSort { get; }

    public string DefaultOrderKey(WaldurRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _defaultOrderIndex < 0 ? "" : row[_defaultOrderIndex] as string ?? "";
    }

    private static string? ExactParameter(ResourceDescriptor descriptor, string field) =>
        descriptor.Filters.FirstOrDefault(f => f.Field == field && f.Lookup == FilterLookup.Exact)?.Parameter;
}
