using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading.DataLoading;

namespace Waldur.GraphGateway.Types.Relay;

/// <summary>
/// <c>node(id: ID!): Node</c> and <c>nodes(ids: [ID!]!): [Node]!</c>. Both go through the <see cref="NodeRegistry"/>,
/// so every id of a level lands in its type's batch. In <c>nodes</c>, a malformed id or a failed fetch nulls only its
/// own item (with the error at <c>nodes.i</c>); more ids than <c>Relay:MaxNodeIds</c> fails the field.
/// </summary>
internal static class NodeQueryFields
{
    public static void AddNodeFields(this ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NodeGraphType>("node")
            .Description("The object with this global id; null when the id's type or uuid is unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(ctx => Registry(ctx).Resolve(NodeId.Decode(ctx.GetArgument<string>("id")), ctx));
        query.Field<NonNullGraphType<ListGraphType<NodeGraphType>>>("nodes")
            .Description("The objects with these global ids, in the order asked; null where unknown. At most `Relay:MaxNodeIds` ids (default 50).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .Resolve(ResolveNodes);
    }

    private static IDataLoaderResult<IReadOnlyList<object?>> ResolveNodes(IResolveFieldContext context)
    {
        var ids = context.GetArgument<List<string>>("ids");
        var max = context.RequestServices!.GetRequiredService<IOptions<RelayOptions>>().Value.MaxNodeIds;
        if (ids.Count > max)
        {
            throw new GatewayException(ErrorCodes.TooManyIds, $"nodes(ids:) takes at most {max} ids; {ids.Count} were given.");
        }

        var registry = Registry(context);
        var items = ids.Select((id, index) =>
        {
            IDataLoaderResult<object?> item;
            try
            {
                item = registry.Resolve(NodeId.Decode(id), context);
            }
            catch (GatewayException error)
            {
                item = DataLoaderResult.Failed<object?>(error);
            }
            return new NodeItemResult(item, context, index);
        }).ToList();
        return DataLoaderResult.WhenAll<object?>(items);
    }

    private static NodeRegistry Registry(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<NodeRegistry>();
}
