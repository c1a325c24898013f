using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.Types.Filtering;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>
/// An embedded list (an image's regions, U5) with <c>where</c>/<c>order</c>: the rows are already in hand, so they are
/// filtered and sorted in memory with the planner's own evaluation (the same meaning as the resource's root list).
/// Without <c>order</c>, in Waldur's order.
/// </summary>
internal static class NestedRows
{
    public static IReadOnlyList<WaldurRow> Select(IReadOnlyList<WaldurRow> rows, ListResource resource, object? where, object? order)
    {
        // Most selections pass neither argument: the rows as read, without a copy per parent row.
        if (where is null && order is null)
        {
            return rows;
        }

        var filter = FilterArgumentReader.Read(where, resource.Fields);
        var keys = SortArgumentReader.Read(order);
        var match = FilterEvaluator.Compile(filter, resource.Fields);
        var selected = rows.Where(r => match(r)).ToList();
        if (keys.Count > 0)
        {
            selected.Sort(new RowComparer(keys, resource, null));
        }

        return selected;
    }
}
