using Microsoft.Extensions.Primitives;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Runs a <see cref="ListPlan"/> through the <see cref="ListFetcher"/>: reads the rows the plan names, checks the
/// <see cref="ScanBudget"/> and the request's residual work (<see cref="ListOptions.MaxResidualWork"/>), and answers
/// with <see cref="ListPlan.Page"/>. Scoped with the planner: every field, alias and batch item of the request shares
/// the residual work.
/// </summary>
internal sealed partial class ListPlanExecutor(ListFetcher fetcher, ResidualScanner scanner, ListOptions options)
{
    private readonly ScanBudget _budget = new(options.ScanBudgetRows);
    private long _residualWork;

    public async Task<ConnectionPage> RunAsync(ListPlan plan, CancellationToken cancellationToken)
    {
        switch (plan.Kind)
        {
            case ListPlanKind.Count:
                // Generated lists in Waldur's order were never counted in the decisions metric; kept so.
                if (!plan.InWaldurOrder)
                {
                    GatewayTelemetry.RecordDecision("count", plan.Resource.TypeName);
                }

                return plan.Page(await fetcher.CountAsync(plan.Resource, plan.Query, cancellationToken), []);
            case ListPlanKind.WaldurPage:
                return await WaldurPageAsync(plan, cancellationToken);
            case ListPlanKind.Window when await WindowAsync(plan, plan.Server!, cancellationToken) is { } page:
                GatewayTelemetry.RecordDecision("window", plan.Resource.TypeName);
                return page;
            case ListPlanKind.Scan when plan.InWaldurOrder:
                return await ScanInWaldurOrderAsync(plan, cancellationToken);
            default:
                // A scan, or a window Waldur could not give exactly (a cut run it cannot re-read, an `o` order it disagrees on).
                GatewayTelemetry.RecordDecision("scan", plan.Resource.TypeName);
                return await ScanAsync(plan, cancellationToken);
        }
    }

    /// <summary>
    /// Rows already in hand (every row that may match, in Waldur's order): the whole <c>where</c> is evaluated here,
    /// then sorted and sliced exactly as a scan is, so cursors mean the same as the planner's.
    /// </summary>
    public ConnectionPage FromRows(ListPlan plan, IReadOnlyList<WaldurRow> rows, IReadOnlyDictionary<string, int> defaultOrderRank)
    {
        Charge(plan, rows, rows.Count);
        return Select(plan, rows, defaultOrderRank);
    }

    private async Task<ConnectionPage?> WindowAsync(ListPlan plan, ServerOrder server, CancellationToken cancellationToken)
    {
        var (resource, bounds) = (plan.Resource, plan.Bounds);
        var query = plan.Query with { Ordering = server.Ordering };
        // In name order a window wants a few spare rows where a cut run is re-read by exact name, more where it could only
        // be re-read by a scan; where the name is pinned (`name: { eq }`) every row is one run, and an `o` order ties in
        // long runs: then the fewest requests read the whole page.
        var exact = resource.DefaultOrderExactParameter;
        var margin = server.Ordering is not null || (exact is not null && plan.Query.Filters.ContainsKey(exact)) ? int.MaxValue
            : exact is null ? PageChooser.UnreadableRunMargin
            : PageChooser.NameOrderMargin;
        RowRange range;
        if (bounds.NeedsTotal)
        {
            var rows = bounds.Last!.Value + 1;
            if (bounds.Last == 0)
            {
                return plan.Page(await fetcher.CountAsync(resource, plan.Query, cancellationToken), []);
            }

            range = fetcher.KnownCount(resource, query) is { } known
                ? await RangeOrEmptyAsync(resource, query, Math.Max(0, known - rows), known, cancellationToken)
                : await fetcher.TailAsync(resource, query, rows, cancellationToken);
        }
        else
        {
            var (start, end) = bounds.Planned();
            if (end <= start)
            {
                return plan.Page(await fetcher.CountAsync(resource, plan.Query, cancellationToken), []);
            }

            range = await fetcher.RangeAsync(resource, query, Math.Max(0, start - 1), end + 1, cancellationToken, margin);
        }

        var (from, to) = bounds.Resolve(range.Total);
        if (to <= from)
        {
            return plan.Page(range.Total, []);
        }

        if (range.Start > Math.Max(0, from - 1) || range.End < Math.Min(range.Total, to + 1))
        {
            // Planned from arguments alone (e.g. `before` past the end); now that the total is known, read the real slice.
            range = await fetcher.RangeAsync(resource, query, Math.Max(0, from - 1), Math.Min(range.Total, to + 1), cancellationToken, margin);
            (from, to) = bounds.Resolve(range.Total);
            if (range.Start > Math.Max(0, from - 1) || range.End < Math.Min(range.Total, to + 1))
            {
                throw ListFetcher.Inconsistent();
            }
        }

        var comparer = new RowComparer(plan.Order, resource, null);
        var window = await ServerOrderWindow.ReadAsync(fetcher, resource, query, server, filters => ReadRunAsync(resource, server, filters, cancellationToken),
            range, from, to, comparer, cancellationToken);
        return window is null ? null : plan.Page(range.Total, window);
    }

    /// <summary>
    /// Every row of one run of ties. A default-order run ties on every column Waldur sorts by, so it is read by exact
    /// name (<see cref="ListFetcher.GroupAsync"/>). An <c>o</c> run is an ordinary list for its exact filters, sorted
    /// by name without a tie-breaker: the scanner reads it exactly (one request up to 300 rows, shared in the request),
    /// within the scan budget; beyond it null, and the fallback scan reports the budget.
    /// </summary>
    private async Task<IReadOnlyList<WaldurRow>?> ReadRunAsync(ListResource resource, ServerOrder server, SortedDictionary<string, StringValues> filters,
        CancellationToken cancellationToken)
    {
        var query = new WaldurListQuery(filters, null, 1, WaldurListQuery.MaxPageSize);
        if (server.Ordering is null)
        {
            return await fetcher.RunAsync(resource, filters, cancellationToken);
        }

        var first = await scanner.FirstPageAsync(resource, query, cancellationToken);
        return _budget.Allows(first.TotalCount)
            ? (await scanner.ScanAsync(resource, query, cancellationToken)).Rows
            : null;
    }

    private async Task<RowRange> RangeOrEmptyAsync(ListResource resource, WaldurListQuery query, int start, int end,
        CancellationToken cancellationToken) => end <= start
            ? new RowRange(0, [], end)
            : await fetcher.RangeAsync(resource, query, start, end, cancellationToken);

    private async Task<ConnectionPage> ScanAsync(ListPlan plan, CancellationToken cancellationToken)
    {
        var first = await FirstPageWithinBudgetAsync(plan, cancellationToken);
        Charge(plan, first.Items, first.TotalCount);
        var scan = await scanner.ScanAsync(plan.Resource, plan.Query, cancellationToken);
        return Select(plan, scan.Rows, scan.DefaultOrderRank);
    }

    /// <summary>Page 1 of a scan: its count is checked against the scan budget before any other page is read.</summary>
    private async Task<WaldurPage> FirstPageWithinBudgetAsync(ListPlan plan, CancellationToken cancellationToken)
    {
        var first = await scanner.FirstPageAsync(plan.Resource, plan.Query, cancellationToken);
        return _budget.Allows(first.TotalCount) ? first : throw _budget.Exceeded(plan, first.TotalCount);
    }

    /// <summary>
    /// Adds <paramref name="rows"/> × the residual filter's tests per row (<see cref="FilterTerms"/>, list elements
    /// counted on <paramref name="sample"/>) to this request's residual work, refusing with <c>FILTER_TOO_COMPLEX</c>
    /// past <see cref="ListOptions.MaxResidualWork"/>.
    /// </summary>
    private void Charge(ListPlan plan, IReadOnlyList<WaldurRow> sample, int rows)
    {
        if (plan.Residual is not { } filter)
        {
            return;
        }

        var perRow = FilterTerms.PerRow(filter, plan.Resource.Fields, sample.Take(WaldurListQuery.MaxPageSize));
        var work = (long)Math.Ceiling(perRow * rows);
        var total = Interlocked.Add(ref _residualWork, work);
        if (total > options.MaxResidualWork)
        {
            // Refused work is not done: a smaller field of the request may still fit.
            Interlocked.Add(ref _residualWork, -work);
            throw new GatewayException(ErrorCodes.FilterTooComplex,
                $"`{plan.Resource.FieldName}` would run about {perRow:0.#} filter tests on each of {rows} rows in the gateway, " +
                $"{total} with the request's other fields (budget {options.MaxResidualWork}). {plan.NarrowingAdvice()}");
        }
    }

    private static ConnectionPage Select(ListPlan plan, IReadOnlyList<WaldurRow> candidates, IReadOnlyDictionary<string, int> rank)
    {
        var match = FilterEvaluator.Compile(plan.Residual, plan.Resource.Fields);
        var rows = plan.Residual is null ? [.. candidates] : candidates.Where(r => match(r)).ToList();
        rows.Sort(new RowComparer(plan.Order, plan.Resource, rank));
        var (from, to) = plan.Bounds.Resolve(rows.Count);
        return plan.Page(rows.Count, rows.GetRange(from, to - from));
    }
}
