using GraphQL.Types;
using Waldur.GraphGateway.Loading;

namespace Waldur.GraphGateway.Types.Paging;

/// <summary>HotChocolate's edge shape (<c>XEdge { cursor node }</c>) over one item type.</summary>
public sealed class EdgeGraphType : ObjectGraphType<ConnectionEdge>
{
    public EdgeGraphType(string name, IGraphType item)
    {
        Name = name;
        Description = "An edge in a connection.";
        Field(e => e.Cursor).Description("A cursor for use in pagination.");
        Field("node", new NonNullGraphType(item)).Description("The item at the end of the edge.").Resolve(c => c.Source.Node);
    }
}
