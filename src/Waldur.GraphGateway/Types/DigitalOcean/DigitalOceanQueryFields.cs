using GraphQL;
using GraphQL.Types;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Types.Paging;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>The root list fields of the DigitalOcean resources; each resolver is one planner call.</summary>
public static class DigitalOceanQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<DigitalOceanImagesConnectionGraphType>("digitalOceanImages")
            .Description("DigitalOcean images, filtered, sorted and paged (HotChocolate conventions).")
            .ConnectionArgs<object?, object, DigitalOceanImageFilterInputGraphType, DigitalOceanImageSortInputGraphType>()
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<ListPlanner>()
                .LoadAsync(DigitalOceanListResources.Images, ConnectionArguments.Read(c, DigitalOceanListResources.ImageFields), c.CancellationToken)
                .ConfigureAwait(false));

        query.Field<DigitalOceanRegionsConnectionGraphType>("digitalOceanRegions")
            .Description("DigitalOcean regions, filtered, sorted and paged (HotChocolate conventions).")
            .ConnectionArgs<object?, object, DigitalOceanRegionFilterInputGraphType, DigitalOceanRegionSortInputGraphType>()
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<ListPlanner>()
                .LoadAsync(DigitalOceanListResources.Regions, ConnectionArguments.Read(c, DigitalOceanListResources.RegionFields), c.CancellationToken)
                .ConfigureAwait(false));
    }
}
