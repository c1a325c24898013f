using GraphQL.Types;
using Waldur.GraphGateway.Types.Relay;
using Waldur.GraphGateway.Types.Resources;

namespace Waldur.GraphGateway.Schema;

/// <summary>The root query type: <c>node</c>/<c>nodes</c>, then every catalog resource's connection and lookups.</summary>
internal sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType(CatalogGraphTypes catalog)
    {
        Name = "Query";
        this.AddNodeFields();
        ResourceQueryFields.AddTo(this, catalog);
    }
}
