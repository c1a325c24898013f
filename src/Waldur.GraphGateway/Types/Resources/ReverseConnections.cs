using GraphQL;
using GraphQL.DataLoader;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Types.Paging;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>
/// A connection over the rows of another resource that point at this one (a region's images, a customer's projects):
/// the caller's arguments plus one more conjunct, "<c>via</c> is this row", which joins the cursor's argument hash, so a
/// cursor from one parent's connection is rejected by another's.
/// <list type="bullet">
/// <item>Via a reference Waldur filters with several values at once (<c>customer=u1,u2</c> on projects): every parent of
/// the execution level shares one list request (<see cref="ChildRowsDataLoader"/>), the arguments applied per parent.</item>
/// <item>Via a reference Waldur filters one value at a time: one planner call per parent (a window page when it can),
/// concurrent and bounded by <c>Lists:MaxConcurrentRequests</c>.</item>
/// <item>Via an embedded list (images' regions, which Waldur cannot filter by, U12): in the gateway, every such field of
/// the request answering from one shared scan.</item>
/// </list>
/// </summary>
internal static class ReverseConnections
{
    public static IDataLoaderResult<ConnectionPage> Load(IResolveFieldContext context, ResourceGraph graph, string via, string parentUuid)
    {
        var source = graph.Resource;
        var request = ConnectionArguments.Read(context, source, graph.LookupFields);
        var viaIsList = source.Endpoint.Shape[via].IsList;
        FilterNode link = viaIsList
            ? new ListFieldFilter(via, FilterOperations.Some, new FieldFilter("uuid", FilterOperations.Eq, parentUuid))
            : new FieldFilter(via, FilterOperations.Eq, parentUuid);
        var linked = request with { Where = request.Where is null ? link : new AllOfFilter([request.Where, link]) };
        var planner = context.Planner();
        var rules = planner.Pushdown(source);
        var multi = viaIsList ? null : rules.FirstOrDefault(r => r.Field == via && r.Operation == FilterOperations.In);
        if (multi is null)
        {
            return DataLoaderResult.FromTask(planner.LoadAsync(source, linked, context.CancellationToken));
        }

        var pushdown = FilterSplitter.Split(request.Where, rules).Pushdown;
        pushdown.Remove(multi.Parameter);
        return context.Loaders().Children(source, multi, pushdown).Load(parentUuid)
            .Then(children => planner.FromRows(source, linked, children?.Rows ?? [], children?.DefaultOrderRank ?? new Dictionary<string, int>()));
    }
}
