using GraphQL.DataLoader;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>Runs a <see cref="ReverseConnectionPlan"/>: one shared child-rows batch, or the planner per parent.</summary>
internal static class ReverseConnectionLoader
{
    public static IDataLoaderResult<ConnectionPage> Load(ListPlanner planner, ResourceLoaders loaders, ListResource source, string via, string parentUuid,
        ListRequest request, CancellationToken cancellationToken)
    {
        var plan = planner.PlanReverse(source, via, parentUuid, request);
        if (plan.BatchLink is null)
        {
            return DataLoaderResult.FromTask(planner.RunAsync(source, plan.Linked, plan.Plan, cancellationToken));
        }

        return loaders.Children(source, plan.BatchLink, plan.BatchPushdown!).Load(parentUuid)
            .Then(children => planner.RunGivenRows(plan.Plan, children?.Rows ?? [], children?.DefaultOrderRank ?? new Dictionary<string, int>()));
    }
}
