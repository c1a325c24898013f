using GraphQL.Types;
using Waldur.GraphGateway.Types.Filtering;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>Filters regions; <c>name.eq</c> and <c>name.contains</c> are applied by Waldur, the rest by the gateway.</summary>
public sealed class DigitalOceanRegionFilterInputGraphType : InputObjectGraphType
{
    public DigitalOceanRegionFilterInputGraphType()
    {
        Name = "DigitalOceanRegionFilterInput";
        Field<ListGraphType<NonNullGraphType<DigitalOceanRegionFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<DigitalOceanRegionFilterInputGraphType>>>("or");
        Field<StringOperationFilterInputGraphType>("uuid");
        Field<StringOperationFilterInputGraphType>("url");
        Field<StringOperationFilterInputGraphType>("name")
            .Description("Waldur applies `eq` (exact) and `contains` (case-insensitive) itself.");
    }
}
