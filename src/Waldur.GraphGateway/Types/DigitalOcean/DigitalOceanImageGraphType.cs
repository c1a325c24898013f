using GraphQL;
using GraphQL.Types;
using Waldur.GraphGateway.Types.Relay;
using Waldur.GraphGateway.Types.Scalars;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>A DigitalOcean image (U4); its regions come nested in the same Waldur response.</summary>
public sealed class DigitalOceanImageGraphType : ObjectGraphType<DigitalOceanImageDto>
{
    public DigitalOceanImageGraphType()
    {
        Name = "DigitalOceanImage";
        Description = "A DigitalOcean image (distribution image, snapshot, backup or custom image) as Waldur knows it.";
        this.ImplementNode(DigitalOceanNodeTypes.Image, i => i.Uuid);
        Field(i => i.Uuid).Description("Waldur's id: 32 lowercase hex digits.");
        Field(i => i.Url).Description("The image's absolute URL in Waldur's REST API.");
        Field(i => i.Name).Description("Distribution and version, e.g. `Ubuntu 22.04 (LTS) x64`, or a snapshot's name.");
        Field(i => i.Distribution).Description("The distribution, e.g. `Ubuntu`, `Debian`, `Unknown`.");
        Field(i => i.Type).Description("`base`, `snapshot`, `backup` or `custom`.");
        Field(i => i.IsOfficial).Description("True when DigitalOcean publishes the image (it has a DigitalOcean slug).");
        Field<UtcDateTimeGraphType>("createdAt").Description("When the image was created (UTC), if known.")
            .Resolve(c => c.Source.CreatedAt);
        Field<IntGraphType>("minDiskSize").Description("The smallest disk the image fits on, in MiB (20 GB = 20480), if known.")
            .Resolve(c => c.Source.MinDiskSize is { } mib ? checked((int)mib) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DigitalOceanRegionGraphType>>>>("regions")
            .Description("The regions the image is available in, filtered and sorted in the gateway (they come in the same Waldur " +
                         "response: no extra request). Without `order`, in Waldur's order.")
            .Argument<DigitalOceanRegionFilterInputGraphType>("where")
            .Argument<ListGraphType<NonNullGraphType<DigitalOceanRegionSortInputGraphType>>>("order")
            .Resolve(c => NestedRegions.Select(c.Source.Regions, c.GetArgument<object?>("where"), c.GetArgument<object?>("order")));
    }
}
