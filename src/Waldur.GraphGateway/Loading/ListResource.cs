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
public sealed class ListResource
{
    private readonly int _defaultOrderIndex;

    public ListResource(ResourceDescriptor descriptor, RowShape shape)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(shape);
        Descriptor = descriptor;
        Endpoint = new WaldurEndpoint(descriptor.Path, shape, descriptor.ListField);
        Fields = ResourceFields.For(shape);
        Pushdown = descriptor.Filters.SelectMany(PushdownRules.For).ToList();

        // Only a text default order can be followed and re-read by its exact value; anything else is treated as unknown.
        KnowsDefaultOrder = descriptor.DefaultOrder is { } order && shape.TryGetField(order, out var field)
                            && field is { Kind: ValueKind.String, IsList: false };
        DefaultOrderField = KnowsDefaultOrder ? descriptor.DefaultOrder! : "uuid";
        _defaultOrderIndex = shape[DefaultOrderField].Index;
        DefaultOrderExactParameter = KnowsDefaultOrder ? ExactParameter(descriptor, DefaultOrderField) : null;
        ServerSort = descriptor.Orders
            .Where(o => shape.TryGetField(o.Field, out var f) && f is { Kind: ValueKind.String, IsList: false })
            .Select(o => new ServerSortRule(o.Field, o.Key, ExactParameter(descriptor, o.Field)))
            .ToList();
    }

    public ResourceDescriptor Descriptor { get; }

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
        return row[_defaultOrderIndex] as string ?? "";
    }

    private static string? ExactParameter(ResourceDescriptor descriptor, string field) =>
        descriptor.Filters.FirstOrDefault(f => f.Field == field && f.Lookup == FilterLookup.Exact)?.Parameter;
}
