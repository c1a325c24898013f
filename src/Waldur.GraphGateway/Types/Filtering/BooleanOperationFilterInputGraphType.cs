using GraphQL.Types;
using Waldur.GraphGateway.Loading.Filtering;

namespace Waldur.GraphGateway.Types.Filtering;

/// <summary>HotChocolate's <c>BooleanOperationFilterInput</c>.</summary>
internal sealed class BooleanOperationFilterInputGraphType : InputObjectGraphType
{
    public BooleanOperationFilterInputGraphType()
    {
        Name = "BooleanOperationFilterInput";
        Field<BooleanGraphType>(FilterOperations.Eq);
        Field<BooleanGraphType>(FilterOperations.Neq);
    }
}
