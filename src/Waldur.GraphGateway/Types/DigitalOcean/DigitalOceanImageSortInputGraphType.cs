using GraphQL.Types;
using Waldur.GraphGateway.Types.Filtering;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>Sorts images; ties always break by uuid. Only <c>name</c> ascending first is Waldur's own order.</summary>
public sealed class DigitalOceanImageSortInputGraphType : InputObjectGraphType
{
    public DigitalOceanImageSortInputGraphType()
    {
        Name = "DigitalOceanImageSortInput";
        foreach (var field in new[] { "uuid", "name", "distribution", "type", "isOfficial", "createdAt", "minDiskSize" })
        {
            Field<SortEnumTypeGraphType>(field);
        }
    }
}
