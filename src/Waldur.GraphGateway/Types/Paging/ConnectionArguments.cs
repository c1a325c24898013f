using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Types.Filtering;

namespace Waldur.GraphGateway.Types.Paging;

/// <summary>The arguments every list field takes (HotChocolate's names and descriptions) and how they are read.</summary>
public static class ConnectionArguments
{
    public static FieldBuilder<TSource, TReturn> ConnectionArgs<TSource, TReturn, TFilter, TSort>(this FieldBuilder<TSource, TReturn> field)
        where TFilter : IInputObjectGraphType
        where TSort : IInputObjectGraphType =>
        field
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
            .Argument<IntGraphType>("last", "Returns the last _n_ elements from the list.")
            .Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor.")
            .Argument<TFilter>("where")
            .Argument<ListGraphType<NonNullGraphType<TSort>>>("order");

    public static ListRequest Read(IResolveFieldContext context, FieldSet fields) => new(
        FilterArgumentReader.Read(context.GetArgument<object?>("where"), fields),
        SortArgumentReader.Read(context.GetArgument<object?>("order")),
        new PagingArguments(
            context.GetArgument<int?>("first"),
            context.GetArgument<string?>("after"),
            context.GetArgument<int?>("last"),
            context.GetArgument<string?>("before")),
        NeedsRows(context));

    /// <summary>Rows cost Waldur requests; a selection of only <c>totalCount</c>/<c>pageInfo</c> is answered from the count.</summary>
    private static bool NeedsRows(IResolveFieldContext context) =>
        context.SubFields is not { } selected || selected.Values.Any(f => f.FieldType.Name is "edges" or "nodes");
}
