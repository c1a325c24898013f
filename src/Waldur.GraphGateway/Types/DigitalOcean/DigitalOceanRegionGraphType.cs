using GraphQL.Types;
using Waldur.GraphGateway.Types.Paging;
using Waldur.GraphGateway.Types.Relay;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>A DigitalOcean region (U5), navigable to the images available in it.</summary>
public sealed class DigitalOceanRegionGraphType : ObjectGraphType<DigitalOceanRegionDto>
{
    public DigitalOceanRegionGraphType()
    {
        Name = "DigitalOceanRegion";
        Description = "A DigitalOcean region as Waldur knows it.";
        this.ImplementNode(DigitalOceanNodeTypes.Region, r => r.Uuid);
        Field(r => r.Uuid).Description("Waldur's id: 32 lowercase hex digits.");
        Field(r => r.Url).Description("The region's absolute URL in Waldur's REST API.");
        Field(r => r.Name).Description("DigitalOcean's name for the region, e.g. `Amsterdam 3`.");
        Field<DigitalOceanImagesConnectionGraphType>("images")
            .Description("The images available in this region, with every argument of `digitalOceanImages`. Waldur cannot filter " +
                         "images by region (U12), so the gateway reads the images once per request (with the filters Waldur applies " +
                         "itself) and every `images` field of the request answers from that one scan, within `Lists:ScanBudgetRows`.")
            .ConnectionArgs<DigitalOceanRegionDto, object, DigitalOceanImageFilterInputGraphType, DigitalOceanImageSortInputGraphType>()
            .ResolveAsync(async c => await RegionImages.LoadAsync(c, c.Source.Uuid).ConfigureAwait(false));
    }
}
