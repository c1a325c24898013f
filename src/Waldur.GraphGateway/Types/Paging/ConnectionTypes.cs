using GraphQL.Types;
using Waldur.GraphGateway.Loading;

namespace Waldur.GraphGateway.Types.Paging;

/// <summary>
/// HotChocolate's connection shapes over one item type: <c>XConnection { pageInfo edges nodes totalCount }</c> and
/// <c>XEdge { cursor node }</c>. Built per resource, so they are instances, not graph type classes for DI to find.
/// </summary>
internal static class ConnectionTypes
{
    public static ObjectGraphType<ConnectionPage> Connection(string name, IGraphType item, IGraphType edge)
    {
        var connection = new ObjectGraphType<ConnectionPage> { Name = name, Description = "A connection to a list of items." };
        connection.Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Information to aid in pagination.").Resolve(c => c.Source.PageInfo);
        connection.Field("edges", new ListGraphType(new NonNullGraphType(edge))).Description("A list of edges.").Resolve(c => c.Source.Edges);
        connection.Field("nodes", new ListGraphType(new NonNullGraphType(item))).Description("A flattened list of the nodes.").Resolve(c => c.Source.Nodes);
        connection.Field(c => c.TotalCount).Description("Identifies the total count of items in the connection.");
        return connection;
    }

    public static ObjectGraphType<ConnectionEdge> Edge(string name, IGraphType item)
    {
        var edge = new ObjectGraphType<ConnectionEdge> { Name = name, Description = "An edge in a connection." };
        edge.Field(e => e.Cursor).Description("A cursor for use in pagination.");
        edge.Field("node", new NonNullGraphType(item)).Description("The item at the end of the edge.").Resolve(c => c.Source.Node);
        return edge;
    }
}
