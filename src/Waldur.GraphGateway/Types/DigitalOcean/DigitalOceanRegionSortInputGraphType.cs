using GraphQL.Types;
using Waldur.GraphGateway.Types.Filtering;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>Sorts regions; ties break by uuid. <c>name</c> ascending is Waldur's own order (U16).</summary>
public sealed class DigitalOceanRegionSortInputGraphType : InputObjectGraphType
{
    public DigitalOceanRegionSortInputGraphType()
    {
        Name = "DigitalOceanRegionSortInput";
        Field<SortEnumTypeGraphType>("uuid");
        Field<SortEnumTypeGraphType>("url");
        Field<SortEnumTypeGraphType>("name");
    }
}
