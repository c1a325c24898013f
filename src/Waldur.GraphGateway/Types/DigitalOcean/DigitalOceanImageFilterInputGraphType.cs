using GraphQL.Types;
using Waldur.GraphGateway.Types.Filtering;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>
/// Filters images. Waldur applies <c>name.eq</c>, <c>name.contains</c>, <c>distribution.eq</c> and <c>type.eq</c> when
/// they sit at the top level (not under <c>or</c>); everything else is evaluated by the gateway over a scan.
/// </summary>
public sealed class DigitalOceanImageFilterInputGraphType : InputObjectGraphType
{
    public DigitalOceanImageFilterInputGraphType()
    {
        Name = "DigitalOceanImageFilterInput";
        Field<ListGraphType<NonNullGraphType<DigitalOceanImageFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<DigitalOceanImageFilterInputGraphType>>>("or");
        Field<StringOperationFilterInputGraphType>("uuid");
        Field<StringOperationFilterInputGraphType>("url");
        Field<StringOperationFilterInputGraphType>("name")
            .Description("Waldur applies `eq` (exact) and `contains` (case-insensitive) itself.");
        Field<StringOperationFilterInputGraphType>("distribution").Description("Waldur applies `eq` (exact, case-sensitive) itself.");
        Field<StringOperationFilterInputGraphType>("type").Description("Waldur applies `eq` (exact, case-sensitive) itself.");
        Field<BooleanOperationFilterInputGraphType>("isOfficial");
        Field<DateTimeOperationFilterInputGraphType>("createdAt");
        Field<IntOperationFilterInputGraphType>("minDiskSize").Description("In MiB.");
        Field<ListFilterInputTypeOfDigitalOceanRegionFilterInputGraphType>("regions");
    }
}
