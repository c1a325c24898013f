using GraphQL.Types;
using Waldur.GraphGateway.Loading;

namespace Waldur.GraphGateway.Types.Paging;

/// <summary>HotChocolate's connection shape (<c>pageInfo edges nodes totalCount</c>); a subclass gives the name.</summary>
public abstract class ConnectionGraphType<TNodeGraphType, TEdgeGraphType, TNode> : ObjectGraphType<ConnectionPage<TNode>>
    where TNodeGraphType : IGraphType
    where TEdgeGraphType : IGraphType
    where TNode : class
{
    protected ConnectionGraphType(string name)
    {
        Name = name;
        Description = "A connection to a list of items.";
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Information to aid in pagination.").Resolve(c => c.Source.PageInfo);
        Field<ListGraphType<NonNullGraphType<TEdgeGraphType>>>("edges").Description("A list of edges.").Resolve(c => c.Source.Edges);
        Field<ListGraphType<NonNullGraphType<TNodeGraphType>>>("nodes").Description("A flattened list of the nodes.").Resolve(c => c.Source.Nodes);
        Field(c => c.TotalCount).Description("Identifies the total count of items in the connection.");
    }
}
