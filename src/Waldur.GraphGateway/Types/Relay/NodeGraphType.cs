using GraphQL.Types;

namespace Waldur.GraphGateway.Types.Relay;

/// <summary>
/// <c>interface Node { id: ID! }</c>. Implementations are found by their object type's <c>IsTypeOf</c>
/// (<see cref="NodeGraphTypeExtensions.ImplementNode{TSource}"/> sets it), so this type knows none of them.
/// </summary>
internal sealed class NodeGraphType : InterfaceGraphType
{
    public NodeGraphType()
    {
        Name = "Node";
        Description = "An object with a global id, refetchable with `node(id:)`.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global id: base64 of `TypeName:uuid`.");
    }
}
