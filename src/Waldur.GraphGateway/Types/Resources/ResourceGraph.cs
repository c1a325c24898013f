using GraphQL.Types;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Types.Paging;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>The graph types of one catalog resource: its item type, <c>where</c> and <c>order</c> inputs, connection and edge.</summary>
internal sealed class ResourceGraph
{
    public ResourceGraph(ListResource resource, IReadOnlySet<string> lookupFields)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(lookupFields);
        Resource = resource;
        LookupFields = lookupFields;
        var descriptor = resource.Descriptor;
        Item = new ObjectGraphType<WaldurRow> { Name = descriptor.TypeName, Description = descriptor.Description };
        Filter = new InputObjectGraphType { Name = descriptor.TypeName + "FilterInput" };
        Sort = new InputObjectGraphType { Name = descriptor.TypeName + "SortInput" };
        // A nested list's field name (`users`) is unique on its parent only: its types carry the parent's name.
        var plural = descriptor.Parent + char.ToUpperInvariant(descriptor.ListField[0]) + descriptor.ListField[1..];
        Edge = ConnectionTypes.Edge(plural + "Edge", Item);
        Connection = ConnectionTypes.Connection(plural + "Connection", Item, Edge);
    }

    public ListResource Resource { get; }

    /// <summary>The field names that may look this resource's rows up by uuid (<see cref="UuidLookupFields.For"/>).</summary>
    public IReadOnlySet<string> LookupFields { get; }

    public ObjectGraphType<WaldurRow> Item { get; }

    public InputObjectGraphType Filter { get; }

    public InputObjectGraphType Sort { get; }

    public ObjectGraphType<ConnectionEdge> Edge { get; }

    public ObjectGraphType<ConnectionPage> Connection { get; }

    public QueryArguments ConnectionArguments() => Paging.ConnectionArguments.Create(Filter, Sort);

    /// <summary>Relay node and federation entity: rows with a uuid, from a list at a fixed path (the by-uuid loader reads it).</summary>
    public bool IsNode => IsNodeResource(Resource.Descriptor);

    public static bool IsNodeResource(Waldur.Catalog.Model.ResourceDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return descriptor.Fields.Any(f => f.JsonName == "uuid") && !descriptor.Path.Contains('{', StringComparison.Ordinal);
    }
}
