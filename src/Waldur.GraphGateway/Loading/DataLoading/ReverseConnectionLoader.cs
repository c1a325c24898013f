using GraphQL.DataLoader;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// Runs a <see cref="ReverseConnectionPlan"/>: the parent's share of a child-rows batch, or the planner for this parent
/// alone (also when a batch through ancestors left it out).
/// </summary>
internal static class ReverseConnectionLoader
{
    public static IDataLoaderResult<ConnectionPage> Load(ListPlanner planner, ResourceLoaders loaders, ListResource source, ReverseParent parent,
        ListRequest request, CancellationToken cancellationToken)
    {
        var plan = planner.PlanReverse(source, parent, request);
        if (plan.Batch is null)
        {
            return DataLoaderResult.FromTask(planner.RunAsync(source, plan.Linked, plan.Plan, cancellationToken));
        }

        var key = new ChildKey(parent.Uuid, plan.Batch.Ancestors.Select(a => parent.Ancestors.FirstOrDefault(p => p.Key == a.Field).Value).ToList());
        return loaders.Children(source, plan.Batch).Load(key).ThenAsync(children => children is null && plan.Own is { } own
            ? planner.RunAsync(source, plan.Linked, own, cancellationToken)
            : Task.FromResult(planner.RunGivenRows(plan.Plan, children?.Rows ?? [], children?.DefaultOrderRank ?? new Dictionary<string, int>())));
    }
}
