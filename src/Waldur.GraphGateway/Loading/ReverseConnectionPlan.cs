using Waldur.GraphGateway.Loading.DataLoading;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// How a connection over the rows pointing at one parent is answered (<see cref="ListPlanner.PlanReverse"/>). The
/// caller's arguments plus one more conjunct, "<c>via</c> is this row" (<see cref="Linked"/>), which joins the cursor's
/// argument hash, so a cursor from one parent's connection is rejected by another's.
/// <list type="bullet">
/// <item>Via a reference Waldur filters with several values at once (<c>customer=u1,u2</c> on projects): every parent of
/// the execution level shares one list request (<see cref="Batch"/>, read by <see cref="ChildRowsDataLoader"/>), and
/// <see cref="Plan"/> applies the arguments to each parent's rows.</item>
/// <item>Via a reference Waldur filters one value at a time, when this parent's own plan would read all its rows anyway
/// (a scan) and the connection declares ancestors Waldur filters by (an order's <c>project_uuid</c>, <c>customer_uuid</c>):
/// parents sharing an ancestor share one list request (<see cref="Batch"/>); a parent the batch leaves out runs
/// <see cref="Own"/>, its plan alone.</item>
/// <item>Otherwise <see cref="Plan"/> is one planner plan per parent (a window page when it can), concurrent and bounded
/// by <c>Lists:MaxConcurrentRequests</c>; via an embedded list (images' regions, which Waldur cannot filter by, U12)
/// that is a scan, every such field of the request answering from one shared scan.</item>
/// </list>
/// </summary>
internal sealed record ReverseConnectionPlan(ListRequest Linked, ListPlan Plan, ChildBatch? Batch = null, ListPlan? Own = null)
{
    public string Describe()
    {
        if (Batch is null)
        {
            return "per parent: " + Plan.Describe();
        }

        var filters = Batch.Pushdown.Select(f => $"{f.Key}={f.Value}").ToList();
        if (!Batch.ByAncestor)
        {
            return $"child-rows batch: GET {Plan.Resource.Endpoint.Path}?{string.Join('&', filters.Append($"{Batch.Link.Parameter}=<parents>"))} then {Plan.Describe()}";
        }

        var ancestors = string.Join(" or ", Batch.Ancestors.Select(a => $"{a.Parameter}=<shared ancestor>"));
        return $"child-rows batch by ancestor: GET {Plan.Resource.Endpoint.Path}?{string.Join('&', filters.Append(ancestors))} grouped by "
            + $"{Batch.Link.Field}, else per parent: {Own!.Describe()}; then {Plan.Describe()}";
    }

    public override string ToString() => Describe();
}
