using GraphQL.Types;
using Waldur.GraphGateway.Loading;

namespace Waldur.GraphGateway.Types.Paging;

/// <summary>HotChocolate's edge shape (<c>XEdge { cursor node }</c>); a subclass gives the name.</summary>
public abstract class EdgeGraphType<TNodeGraphType, TNode> : ObjectGraphType<ConnectionEdge<TNode>>
    where TNodeGraphType : IGraphType
    where TNode : class
{
    protected EdgeGraphType(string name)
    {
        Name = name;
        Description = "An edge in a connection.";
        Field(e => e.Cursor).Description("A cursor for use in pagination.");
        Field<NonNullGraphType<TNodeGraphType>>("node").Description("The item at the end of the edge.").Resolve(c => c.Source.Node);
    }
}
