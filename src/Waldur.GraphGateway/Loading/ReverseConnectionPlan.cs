using Microsoft.Extensions.Primitives;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// How a connection over the rows pointing at one parent is answered (<see cref="ListPlanner.PlanReverse"/>). The
/// caller's arguments plus one more conjunct, "<c>via</c> is this row" (<see cref="Linked"/>), which joins the cursor's
/// argument hash, so a cursor from one parent's connection is rejected by another's.
/// <list type="bullet">
/// <item>Via a reference Waldur filters with several values at once (<c>customer=u1,u2</c> on projects): every parent of
/// the execution level shares one list request (<see cref="BatchLink"/> with <see cref="BatchPushdown"/>, read by
/// <see cref="DataLoading.ChildRowsDataLoader"/>), and <see cref="Plan"/> applies the arguments to each parent's rows.</item>
/// <item>Otherwise <see cref="Plan"/> is one planner plan per parent (a window page when it can), concurrent and bounded
/// by <c>Lists:MaxConcurrentRequests</c>; via an embedded list (images' regions, which Waldur cannot filter by, U12)
/// that is a scan, every such field of the request answering from one shared scan.</item>
/// </list>
/// </summary>
internal sealed record ReverseConnectionPlan(ListRequest Linked, ListPlan Plan, PushdownRule? BatchLink, SortedDictionary<string, StringValues>? BatchPushdown)
{
    public string Describe()
    {
        if (BatchLink is null)
        {
            return "per parent: " + Plan.Describe();
        }

        var parameters = BatchPushdown!.Select(f => $"{f.Key}={f.Value}").Append($"{BatchLink.Parameter}=<parents>");
        return $"child-rows batch: GET {Plan.Resource.Endpoint.Path}?{string.Join('&', parameters)} then {Plan.Describe()}";
    }

    public override string ToString() => Describe();
}
