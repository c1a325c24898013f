using GraphQL;
using GraphQL.Types;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Types.Documents;
using Waldur.GraphGateway.Types.Filtering;

namespace Waldur.GraphGateway.Types.Paging;

/// <summary>The arguments every list field takes (HotChocolate's names and descriptions) and how they are read.</summary>
internal static class ConnectionArguments
{
    public static QueryArguments Create(IGraphType filter, IGraphType sort) => new(
        new QueryArgument<IntGraphType> { Name = "first", Description = "Returns the first _n_ elements from the list." },
        new QueryArgument<StringGraphType> { Name = "after", Description = "Returns the elements in the list that come after the specified cursor." },
        new QueryArgument<IntGraphType> { Name = "last", Description = "Returns the last _n_ elements from the list." },
        new QueryArgument<StringGraphType> { Name = "before", Description = "Returns the elements in the list that come before the specified cursor." },
        new QueryArgument(filter) { Name = "where" },
        new QueryArgument(new ListGraphType(new NonNullGraphType(sort))) { Name = "order" });

    /// <summary>
    /// The arguments of the connection being resolved, and the item fields it reads as decided once per document
    /// (<see cref="DocumentFacts.Projection"/>); <paramref name="lookupFields"/> are those that may look up
    /// <paramref name="resource"/>'s rows by uuid (<see cref="UuidLookupFields"/>).
    /// </summary>
    public static ListRequest Read(IResolveFieldContext context, ListResource resource, IReadOnlySet<string> lookupFields) => new(
        FilterArgumentReader.Read(context.GetArgument<object?>("where"), resource.Fields),
        SortArgumentReader.Read(context.GetArgument<object?>("order")),
        new PagingArguments(
            context.GetArgument<int?>("first"),
            context.GetArgument<string?>("after"),
            context.GetArgument<int?>("last"),
            context.GetArgument<string?>("before")),
        NeedsRows(context),
        DocumentFacts.Of(context.Document).Projection(context, resource, lookupFields));

    /// <summary>Rows cost Waldur requests; a selection of only <c>totalCount</c>/<c>pageInfo</c> is answered from the count.</summary>
    private static bool NeedsRows(IResolveFieldContext context) =>
        context.SubFields is not { } selected || selected.Values.Any(f => f.FieldType.Name is "edges" or "nodes");
}
