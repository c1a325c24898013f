using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Turns one connection field's arguments into the fewest Waldur list requests that still give the exact answer.
/// <para>The gateway's order is the requested keys (default: Waldur's, name ascending) then uuid. <b>Window plan</b>:
/// when Waldur evaluates the whole filter and the order starts with one Waldur can produce (<see cref="ServerOrder"/>:
/// name ascending with no <c>o</c>, or the longest prefix of keys Waldur sorts, sent as one comma-separated <c>o</c>,
/// U15), the slice is read from one Waldur page chosen to contain it (<see cref="PageChooser"/>; <c>totalCount</c> from
/// <c>X-Result-Count</c>). Waldur orders rows that tie on those keys arbitrarily (U16), so <see cref="ServerOrderWindow"/>
/// re-orders runs of ties by the remaining keys and uuid, re-reading a run cut by the page's edge with exact filters.</para>
/// <para><b>Scan plan</b>: otherwise (a residual filter, an order Waldur cannot start, a cut run Waldur cannot re-read
/// exactly or in one page) every row for the pushed-down filters is read (<see cref="ResidualScanner"/>, shared by all
/// fields of the request with the same pushdown), filtered and sorted here, within a row budget and the request's
/// residual work budget (<see cref="ListOptions.MaxResidualWork"/>). Both plans give the
/// same sequence, so cursors (offsets into it) mean the same whichever plan answers the next page.</para>
/// </summary>
public sealed partial class ListPlanner(ListFetcher fetcher, ResidualScanner scanner, IOptions<ListOptions> options)
{
    private long _residualWork;

    public async Task<ConnectionPage> LoadAsync(ListResource resource, ListRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await LoadOnceAsync(resource, request, cancellationToken);
            }
            catch (WaldurFilterIgnoredException) when (attempt < MaxReplans)
            {
                // The fetcher found Waldur ignoring a pushed parameter and marked it: planned again, it is a residual filter.
            }
        }
    }

    /// <summary>The parameters a field of <paramref name="resource"/> may push down to this Waldur (<see cref="ListFetcher.Pushdown"/>).</summary>
    public IReadOnlyList<PushdownRule> Pushdown(ListResource resource) => fetcher.Pushdown(resource);

    /// <summary>Plans after a parameter turned out ignored: each attempt stops pushing one more.</summary>
    private const int MaxReplans = 4;

    private async Task<ConnectionPage> LoadOnceAsync(ListResource resource, ListRequest request, CancellationToken cancellationToken)
    {
        using var activity = GatewayTelemetry.StartSpan("plan", resource.TypeName);
        var split = FilterSplitter.Split(request.Where, fetcher.Pushdown(resource));
        activity?.SetTag("waldur_gateway.pushdown.parameters", split.Pushdown.Keys.ToArray());
        var context = Plan(resource, request, new WaldurListQuery(split.Pushdown, null, 1, WaldurListQuery.MaxPageSize));
        context = context with
        {
            // Pushed fields are read too: the rows must carry them for the re-check (PushdownCheck) to see an ignored one.
            Query = FieldProjection.Apply(context.Query, resource, request.Selection,
                split.ResidualFields.Concat(fetcher.Pushdown(resource).Where(r => split.Pushdown.ContainsKey(r.Parameter)).Select(r => r.Field)),
                context.Order),
        };
        if (resource.FollowsWaldurOrder
            && (request.Order.Count == 0 || !resource.Endpoint.Shape.Keyed || !resource.Endpoint.Paged))
        {
            return await InWaldurOrderAsync(context, split, request, cancellationToken);
        }

        var (query, order) = (context.Query, context.Order);
        if (split.Residual is null && fetcher.Cache.FindScan(resource.Endpoint, query) is null)
        {
            // A count alone is one HEAD whatever the order: no order, known to Waldur or not, changes how many rows match.
            if (!request.NeedsRows)
            {
                GatewayTelemetry.RecordDecision("count", resource.TypeName);
                return Build(context, await fetcher.CountAsync(resource, query, cancellationToken), []);
            }

            if (ServerOrder.For(resource, order, fetcher.Ignored is { } ignored ? rule => ignored.Sorts(resource, rule.OrderingKey) : null) is { } server
                && await WindowAsync(context, server, cancellationToken) is { } page)
            {
                GatewayTelemetry.RecordDecision("window", resource.TypeName);
                return page;
            }
        }

        GatewayTelemetry.RecordDecision("scan", resource.TypeName);
        return await ScanAsync(context, split, request.Order, cancellationToken);
    }

    private async Task<ConnectionPage?> WindowAsync(PlanContext plan, ServerOrder server, CancellationToken cancellationToken)
    {
        var (resource, bounds) = (plan.Resource, plan.Bounds);
        var query = plan.Query with { Ordering = server.Ordering };
        var margin = server.Ordering is null ? PageChooser.NameOrderMargin : int.MaxValue;
        RowRange range;
        if (bounds.NeedsTotal)
        {
            var rows = bounds.Last!.Value + 1;
            if (bounds.Last == 0)
            {
                return Build(plan, await fetcher.CountAsync(resource, plan.Query, cancellationToken), []);
            }

            range = fetcher.Cache.TryGetCount(resource.Endpoint, query, out var known)
                ? await RangeOrEmptyAsync(plan.Resource, query, Math.Max(0, known - rows), known, cancellationToken)
                : await fetcher.TailAsync(resource, query, rows, cancellationToken);
        }
        else
        {
            var (start, end) = bounds.Planned();
            if (end <= start)
            {
                return Build(plan, await fetcher.CountAsync(resource, plan.Query, cancellationToken), []);
            }

            range = await fetcher.RangeAsync(resource, query, Math.Max(0, start - 1), end + 1, cancellationToken, margin);
        }

        var (from, to) = bounds.Resolve(range.Total);
        if (to <= from)
        {
            return Build(plan, range.Total, []);
        }

        if (range.Start > Math.Max(0, from - 1) || range.End < Math.Min(range.Total, to + 1))
        {
            // Planned from arguments alone (e.g. `before` past the end); now that the total is known, read the real slice.
            range = await fetcher.RangeAsync(resource, query, Math.Max(0, from - 1), Math.Min(range.Total, to + 1), cancellationToken, margin)
                ;
            (from, to) = bounds.Resolve(range.Total);
            if (range.Start > Math.Max(0, from - 1) || range.End < Math.Min(range.Total, to + 1))
            {
                throw ListFetcher.Inconsistent();
            }
        }

        var comparer = new RowComparer(plan.Order, resource, null);
        var window = await ServerOrderWindow.ReadAsync(fetcher, resource, query, server, filters => ReadRunAsync(resource, server, filters, cancellationToken),
            range, from, to, comparer, cancellationToken);
        return window is null ? null : Build(plan, range.Total, window);
    }

    /// <summary>
    /// Every row of one run of ties. A default-order run ties on every column Waldur sorts by, so it is read by exact
    /// name (<see cref="ListFetcher.GroupAsync"/>). An <c>o</c> run is an ordinary list for its exact filters, sorted
    /// by name without a tie-breaker: the scanner reads it exactly (one request up to 300 rows, shared in the request),
    /// within the scan budget; beyond it null, and the caller's fallback reports the budget.
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
        return first.TotalCount > options.Value.ScanBudgetRows
            ? null
            : (await scanner.ScanAsync(resource, query, cancellationToken)).Rows;
    }

    private async Task<RowRange> RangeOrEmptyAsync(ListResource resource, WaldurListQuery query, int start, int end,
        CancellationToken cancellationToken) => end <= start
            ? new RowRange(0, [], end)
            : await fetcher.RangeAsync(resource, query, start, end, cancellationToken);

    private async Task<ConnectionPage> ScanAsync(PlanContext plan, FilterSplit split, IReadOnlyList<SortKey> requested,
        CancellationToken cancellationToken)
    {
        var first = await scanner.FirstPageAsync(plan.Resource, plan.Query, cancellationToken);
        if (first.TotalCount > options.Value.ScanBudgetRows)
        {
            throw BudgetExceeded(plan, split, requested, first.TotalCount);
        }

        Charge(plan, split.Residual, first.Items, first.TotalCount);

        var scan = await scanner.ScanAsync(plan.Resource, plan.Query, cancellationToken);
        return Select(plan, split.Residual, scan.Rows, scan.DefaultOrderRank);
    }

    /// <summary>
    /// A connection over rows already in hand (every row that may match, in Waldur's order, e.g. one parent's share of a
    /// batched read): the whole <c>where</c> is evaluated here, then sorted and sliced exactly as a scan is, so cursors
    /// mean the same as the planner's.
    /// </summary>
    public ConnectionPage FromRows(ListResource resource, ListRequest request, IReadOnlyList<WaldurRow> rows, IReadOnlyDictionary<string, int> defaultOrderRank)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(request);
        var plan = Plan(resource, request, WaldurListQuery.Unfiltered());
        Charge(plan, request.Where, rows, rows.Count);
        return Select(plan, request.Where, rows, defaultOrderRank);
    }

    /// <summary>
    /// Adds <paramref name="rows"/> × the filter's tests per row (<see cref="FilterTerms"/>, list elements counted on
    /// <paramref name="sample"/>) to this request's residual work (the planner is scoped: every field, alias and batch
    /// item of the request shares it), refusing with <c>FILTER_TOO_COMPLEX</c> past <see cref="ListOptions.MaxResidualWork"/>.
    /// </summary>
    private void Charge(PlanContext plan, FilterNode? filter, IReadOnlyList<WaldurRow> sample, int rows)
    {
        if (filter is null)
        {
            return;
        }

        var perRow = FilterTerms.PerRow(filter, plan.Resource.Fields, sample.Take(WaldurListQuery.MaxPageSize));
        var work = (long)Math.Ceiling(perRow * rows);
        var total = Interlocked.Add(ref _residualWork, work);
        if (total > options.Value.MaxResidualWork)
        {
            // Refused work is not done: a smaller field of the request may still fit.
            Interlocked.Add(ref _residualWork, -work);
            throw new GatewayException(ErrorCodes.FilterTooComplex,
                $"`{plan.Resource.FieldName}` would run about {perRow:0.#} filter tests on each of {rows} rows in the gateway, " +
                $"{total} with the request's other fields (budget {options.Value.MaxResidualWork}). {Narrowing(plan)}");
        }
    }

    private PlanContext Plan(ListResource resource, ListRequest request, WaldurListQuery query)
    {
        var hash = CursorCodec.ArgumentsHash(resource.CursorScope, request.Where, request.Order);
        var bounds = SliceBounds.Create(request.Paging, options.Value, hash);
        IReadOnlyList<SortKey> order = request.Order.Count == 0 ? [new SortKey(resource.DefaultOrderField, false)] : request.Order;
        return new PlanContext(resource, query, order, bounds, hash);
    }

    private static ConnectionPage Select(PlanContext plan, FilterNode? filter, IReadOnlyList<WaldurRow> candidates, IReadOnlyDictionary<string, int> rank)
    {
        var match = FilterEvaluator.Compile(filter, plan.Resource.Fields);
        var rows = filter is null ? [.. candidates] : candidates.Where(r => match(r)).ToList();
        rows.Sort(new RowComparer(plan.Order, plan.Resource, rank));
        var (from, to) = plan.Bounds.Resolve(rows.Count);
        return Build(plan, rows.Count, rows.GetRange(from, to - from));
    }

    private static ConnectionPage Build(PlanContext plan, int total, IReadOnlyList<WaldurRow> rows)
    {
        var (from, to) = plan.Bounds.Resolve(total);
        var edges = rows.Select((row, i) => new ConnectionEdge(CursorCodec.Encode(from + i, plan.Hash), row)).ToList();
        var info = new ConnectionPageInfo(
            HasNextPage: to < total,
            HasPreviousPage: from > 0,
            StartCursor: to > from ? CursorCodec.Encode(from, plan.Hash) : null,
            EndCursor: to > from ? CursorCodec.Encode(to - 1, plan.Hash) : null);
        return new ConnectionPage(edges, info, total);
    }

    private GatewayException BudgetExceeded(PlanContext plan, FilterSplit split, IReadOnlyList<SortKey> requested, int total)
    {
        var reasons = split.ResidualFields.Select(f => $"`{f}`").ToList();
        if (requested.Count > 0 && requested[0] != new SortKey(plan.Resource.DefaultOrderField, false))
        {
            reasons.Add("order by " + string.Join(", ", requested.Select(k => $"`{k.Field}`")));
        }

        return new GatewayException(ErrorCodes.ScanBudgetExceeded,
            $"`{plan.Resource.FieldName}` would read {total} rows from Waldur (budget {options.Value.ScanBudgetRows}) to evaluate " +
            $"{string.Join(" and ", reasons)} in the gateway. {Narrowing(plan)}");
    }

    /// <summary>The filters Waldur applies itself that this plan does not use yet: each would shrink the scan.</summary>
    private static string Narrowing(PlanContext plan)
    {
        var narrowers = plan.Resource.Pushdown.Where(r => !plan.Query.Filters.ContainsKey(r.Parameter))
            .Select(r => $"`{r.Field}: {{ {r.Operation}: … }}`").ToList();
        return narrowers.Count > 0
            ? $"Add a filter Waldur applies itself to narrow the scan: {string.Join(", ", narrowers)}."
            : "Narrow the filters Waldur applies itself.";
    }

    private sealed record PlanContext(ListResource Resource, WaldurListQuery Query, IReadOnlyList<SortKey> Order,
        SliceBounds Bounds, byte[] Hash);
}
