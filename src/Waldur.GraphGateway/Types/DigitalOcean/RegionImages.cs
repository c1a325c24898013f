using GraphQL;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Types.Paging;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>
/// <c>DigitalOceanRegion.images</c>: the caller's image arguments plus "available in this region", which Waldur cannot
/// evaluate (U12), so the planner keeps it residual and answers from its scan for the pushed-down filters, shared by
/// every region of the request. The region joins the cursor's argument hash: a cursor from one region's images is
/// rejected by another's.
/// </summary>
public static class RegionImages
{
    public static Task<ConnectionPage<DigitalOceanImageDto>> LoadAsync(IResolveFieldContext context, string regionUuid)
    {
        var request = ConnectionArguments.Read(context, DigitalOceanListResources.ImageFields);
        FilterNode inRegion = new ListFieldFilter("regions", FilterOperations.Some,
            new FieldFilter("uuid", FilterOperations.Eq, regionUuid));
        var where = request.Where is null ? inRegion : new AllOfFilter([request.Where, inRegion]);
        return context.RequestServices!.GetRequiredService<ListPlanner>()
            .LoadAsync(DigitalOceanListResources.Images, request with { Where = where }, context.CancellationToken);
    }
}
