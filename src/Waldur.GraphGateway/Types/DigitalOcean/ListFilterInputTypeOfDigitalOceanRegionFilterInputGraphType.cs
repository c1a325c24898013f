using GraphQL.Types;
using Waldur.GraphGateway.Loading.Filtering;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>HotChocolate's list filter over regions.</summary>
public sealed class ListFilterInputTypeOfDigitalOceanRegionFilterInputGraphType : InputObjectGraphType
{
    public ListFilterInputTypeOfDigitalOceanRegionFilterInputGraphType()
    {
        Name = "ListFilterInputTypeOfDigitalOceanRegionFilterInput";
        Field<DigitalOceanRegionFilterInputGraphType>(FilterOperations.All).Description("Every region matches.");
        Field<DigitalOceanRegionFilterInputGraphType>(FilterOperations.None).Description("No region matches.");
        Field<DigitalOceanRegionFilterInputGraphType>(FilterOperations.Some).Description("At least one region matches.");
        Field<BooleanGraphType>(FilterOperations.Any).Description("True: the image has at least one region; false: none.");
    }
}
