using GraphQL.Types;
using Waldur.GraphGateway.Loading;

namespace Waldur.GraphGateway.Types.Paging;

/// <summary>HotChocolate's connection shape (<c>XConnection { pageInfo edges nodes totalCount }</c>) over one item type.</summary>
public sealed class ConnectionGraphType : ObjectGraphType<ConnectionPage>
{
    public ConnectionGraphType(string name, IGraphType item, IGraphType edge)
    {
        Name = name;
        Description = "A connection to a list of items.";
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Information to aid in pagination.").Resolve(c => c.Source.PageInfo);
        Field("edges", new ListGraphType(new NonNullGraphType(edge))).Description("A list of edges.").Resolve(c => c.Source.Edges);
        Field("nodes", new ListGraphType(new NonNullGraphType(item))).Description("A flattened list of the nodes.").Resolve(c => c.Source.Nodes);
        Field(c => c.TotalCount).Description("Identifies the total count of items in the connection.");
    }
}
