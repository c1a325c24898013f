using GraphQL;
using GraphQL.Types;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Types.Filtering;

namespace Waldur.GraphGateway.Types.Paging;

/// <summary>The arguments every list field takes (HotChocolate's names and descriptions) and how they are read.</summary>
public static class ConnectionArguments
{
    public static QueryArguments Create(IGraphType filter, IGraphType sort) => new(
        new QueryArgument<IntGraphType> { Name = "first", Description = "Returns the first _n_ elements from the list." },
        new QueryArgument<StringGraphType> { Name = "after", Description = "Returns the elements in the list that come after the specified cursor." },
        new QueryArgument<IntGraphType> { Name = "last", Description = "Returns the last _n_ elements from the list." },
        new QueryArgument<StringGraphType> { Name = "before", Description = "Returns the elements in the list that come before the specified cursor." },
        new QueryArgument(filter) { Name = "where" },
        new QueryArgument(new ListGraphType(new NonNullGraphType(sort))) { Name = "order" });

    public static ListRequest Read(IResolveFieldContext context, ListResource resource) => new(
        FilterArgumentReader.Read(context.GetArgument<object?>("where"), resource.Fields),
        SortArgumentReader.Read(context.GetArgument<object?>("order")),
        new PagingArguments(
            context.GetArgument<int?>("first"),
            context.GetArgument<string?>("after"),
            context.GetArgument<int?>("last"),
            context.GetArgument<string?>("before")),
        NeedsRows(context),
        FieldProjection.Selected(resource, WholeRows(context, resource) ? null : NodeSelection.Of(context)));

    /// <summary>
    /// A list without <c>field=</c> reads whole rows (Waldur sends every key anyway) when the operation may also look up
    /// its rows, or rows nested in them, by uuid (partial rows never prime the by-uuid caches), or names this list field
    /// more than once (aliases with different selections then share one Waldur read). A <c>field=</c> list keeps its
    /// projection: there it also saves Waldur's serializing and the bytes.
    /// </summary>
    private static bool WholeRows(IResolveFieldContext context, ListResource resource) =>
        !resource.Descriptor.SparseFields
        && (context.RequestServices?.GetService<ListResources>() is not { } resources
            || WholeRowReasons.LooksUpByUuid(context, resources.LookupFields.For(resource))
            || WholeRowReasons.RepeatsField(context));

    /// <summary>Rows cost Waldur requests; a selection of only <c>totalCount</c>/<c>pageInfo</c> is answered from the count.</summary>
    private static bool NeedsRows(IResolveFieldContext context) =>
        context.SubFields is not { } selected || selected.Values.Any(f => f.FieldType.Name is "edges" or "nodes");
}
