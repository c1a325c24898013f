using GraphQL.Types;

namespace Waldur.GraphGateway.Schema;

/// <summary>The root query type. Resource fields are added from <c>Types/&lt;Resource&gt;/</c>.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        // Placeholder until the first resource lands (issue 4 replaces it).
        Field<NonNullGraphType<StringGraphType>>("ping").Resolve(_ => "pong");
    }
}
