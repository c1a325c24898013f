using GraphQL.Types;

namespace Waldur.GraphGateway.Types.Relay;

/// <summary>How an object type joins the graph as a <c>Node</c>.</summary>
internal static class NodeGraphTypeExtensions
{
    /// <summary>
    /// Adds <c>id: ID!</c> (the global id of <paramref name="typeName"/> and the source's uuid), implements
    /// <c>Node</c>, and lets the interface recognise <typeparamref name="TSource"/> values.
    /// Register the matching resolver with <see cref="RelayServiceCollectionExtensions.AddNodeType"/>.
    /// </summary>
    public static void ImplementNode<TSource>(this ObjectGraphType<TSource> type, string typeName, Func<TSource, string> uuid)
    {
        ArgumentNullException.ThrowIfNull(type);
        type.Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The global id: base64 of `TypeName:uuid`; refetch with `node(id:)`.")
            .FieldType.Resolver = new PureFieldResolver<TSource>((TSource source, out object? id) =>
            {
                id = NodeId.Encode(typeName, uuid(source));
                return true;
            });
        type.Interface<NodeGraphType>();
        type.IsTypeOf ??= value => value is TSource;
    }
}
