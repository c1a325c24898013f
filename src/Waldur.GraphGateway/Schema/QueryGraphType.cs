using GraphQL.Types;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Types.Federation;
using Waldur.GraphGateway.Types.Relay;
using Waldur.GraphGateway.Types.Resources;

namespace Waldur.GraphGateway.Schema;

/// <summary>The root query type: <c>node</c>/<c>nodes</c>, then every catalog resource's connection and lookups.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType(ListResources resources, IOptions<FederationOptions> federation)
    {
        ArgumentNullException.ThrowIfNull(federation);
        Name = "Query";
        this.AddNodeFields();
        ResourceQueryFields.AddTo(this, new CatalogGraphTypes(resources, federation.Value));
    }
}
