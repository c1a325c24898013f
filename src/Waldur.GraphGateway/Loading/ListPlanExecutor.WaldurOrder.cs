using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Generated lists (<see cref="ListResource.FollowsWaldurOrder"/>): the catalog does not know the key of Waldur's default
/// order, so without <c>order</c> the gateway's order is Waldur's, position for position. A page whose filter Waldur
/// evaluates whole is the one Waldur page that holds it (<c>first: 3</c> is <c>page_size=3</c>); anything else reads
/// the whole list (within <c>Lists:ScanBudgetRows</c>), keeps Waldur's order, filters the residual here and, for an
/// <c>order</c>, sorts stably (ties stay in Waldur's order, then by uuid where rows have one). Cursors are positions
/// in that sequence, as everywhere.
/// </summary>
internal sealed partial class ListPlanExecutor
{
    private async Task<ConnectionPage> ScanInWaldurOrderAsync(ListPlan plan, CancellationToken cancellationToken)
    {
        var resource = plan.Resource;
        var first = await FirstPageWithinBudgetAsync(plan, cancellationToken);
        IReadOnlyList<WaldurRow> rows = resource.Endpoint.Paged
            ? Whole(resource, await scanner.PagesAsync(resource, plan.Query, cancellationToken))
            : first.Items;
        var selected = plan.Residual is null ? rows : rows.Where(r => FilterEvaluator.Matches(plan.Residual, r, resource.Fields)).ToList();
        if (plan.RequestedOrder.Count > 0)
        {
            selected = selected.Order(new RowComparer(plan.RequestedOrder, resource, null)).ToList();
        }

        var (from, to) = plan.Bounds.Resolve(selected.Count);
        return plan.Page(selected.Count, selected.Skip(from).Take(to - from).ToList());
    }

    /// <summary>Positions [from, to) of Waldur's order, from the fewest rows that hold them (<c>page_size</c> = the slice when it can).</summary>
    private async Task<ConnectionPage> WaldurPageAsync(ListPlan plan, CancellationToken cancellationToken)
    {
        var (resource, query, bounds) = (plan.Resource, plan.Query, plan.Bounds);
        var (start, end) = bounds.NeedsTotal ? bounds.Resolve(await fetcher.CountAsync(resource, query, cancellationToken)) : bounds.Planned();
        if (end <= start)
        {
            return plan.Page(await fetcher.CountAsync(resource, query, cancellationToken), []);
        }

        var range = await fetcher.RangeAsync(resource, query, start, end, cancellationToken, wantedMargin: 0);
        var (from, to) = bounds.Resolve(range.Total);
        if (to > from && (range.Start > from || range.End < to))
        {
            // Planned from the arguments alone (e.g. `before` past the end); the total now places the real slice.
            range = await fetcher.RangeAsync(resource, query, from, to, cancellationToken, wantedMargin: 0);
            (from, to) = bounds.Resolve(range.Total);
            if (range.Start > from || range.End < to)
            {
                throw ListFetcher.Inconsistent();
            }
        }

        var rows = to > from ? range.Rows.Skip(from - range.Start).Take(to - from).ToList() : [];
        return plan.Page(range.Total, rows);
    }

    /// <summary>Every page joined in Waldur's order: exactly <c>X-Result-Count</c> rows (distinct by uuid where rows have one), or an error.</summary>
    private static List<WaldurRow> Whole(ListResource resource, IReadOnlyList<WaldurPage> pages)
    {
        var rows = pages.SelectMany(p => p.Items).ToList();
        var distinct = !resource.Endpoint.Shape.Keyed || rows.Select(r => r.Uuid).Distinct(StringComparer.Ordinal).Count() == rows.Count;
        return rows.Count == pages[0].TotalCount && distinct ? rows : throw ListFetcher.Inconsistent();
    }
}
