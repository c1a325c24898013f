using GraphQL.Types;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>A DigitalOcean region (U5).</summary>
public sealed class DigitalOceanRegionGraphType : ObjectGraphType<DigitalOceanRegionDto>
{
    public DigitalOceanRegionGraphType()
    {
        Name = "DigitalOceanRegion";
        Description = "A DigitalOcean region as Waldur knows it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The Relay global id.")
            .Resolve(c => DigitalOceanIds.For(Name, c.Source.Uuid));
        Field(r => r.Uuid).Description("Waldur's id: 32 lowercase hex digits.");
        Field(r => r.Url).Description("The region's absolute URL in Waldur's REST API.");
        Field(r => r.Name).Description("DigitalOcean's name for the region, e.g. `Amsterdam 3`.");
    }
}
