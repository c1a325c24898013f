using GraphQL;
using GraphQL.DataLoader;
using Waldur.GraphGateway.Loading.DataLoading;

namespace Waldur.GraphGateway.Types.Relay;

/// <summary>Every registered node type by name; singleton. A well-formed id of a type not here resolves to null.</summary>
internal sealed class NodeRegistry
{
    private readonly Dictionary<string, NodeTypeRegistration> _types = new(StringComparer.Ordinal);

    public NodeRegistry(IEnumerable<NodeTypeRegistration> registrations)
    {
        foreach (var registration in registrations)
        {
            if (!_types.TryAdd(registration.TypeName, registration))
            {
                throw new InvalidOperationException($"The node type '{registration.TypeName}' is registered twice.");
            }
        }
    }

    public IDataLoaderResult<object?> Resolve(NodeId id, IResolveFieldContext context) =>
        _types.TryGetValue(id.TypeName, out var registration)
            ? registration.Resolve(id.Uuid, context)
            : DataLoaderResult.FromValue<object?>(null);
}
