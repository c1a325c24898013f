using GraphQL.Types;
using Waldur.GraphGateway.Types.DigitalOcean;

namespace Waldur.GraphGateway.Schema;

/// <summary>The root query type. Resource fields are added from <c>Types/&lt;Resource&gt;/</c>.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        DigitalOceanQueryFields.AddTo(this);
    }
}
