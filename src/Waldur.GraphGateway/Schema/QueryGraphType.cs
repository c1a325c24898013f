using GraphQL.Types;
using Waldur.GraphGateway.Types.DigitalOcean;
using Waldur.GraphGateway.Types.Relay;

namespace Waldur.GraphGateway.Schema;

/// <summary>The root query type. Resource fields are added from <c>Types/&lt;Resource&gt;/</c>.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        this.AddNodeFields();
        DigitalOceanQueryFields.AddTo(this);
        DigitalOceanLookupFields.AddTo(this);
    }
}
