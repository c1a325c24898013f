using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Turns one connection field's arguments into a <see cref="ListPlan"/>: the fewest Waldur list requests that still give
/// the exact answer; the <see cref="ListPlanExecutor"/> runs it. Planning reads what the request already knows (a scan
/// in hand, parameters this Waldur ignores) but never calls Waldur.
/// <para>The gateway's order is the requested keys (default: Waldur's, name ascending) then uuid. <b>Window plan</b>:
/// when Waldur evaluates the whole filter and the order starts with one Waldur can produce (<see cref="ServerOrder"/>:
/// name ascending with no <c>o</c>, or the longest prefix of keys Waldur sorts, sent as one comma-separated <c>o</c>,
/// U15), the slice is read from one Waldur page chosen to contain it (<see cref="PageChooser"/>; <c>totalCount</c> from
/// <c>X-Result-Count</c>). Waldur orders rows that tie on those keys arbitrarily (U16), so <see cref="ServerOrderWindow"/>
/// re-orders runs of ties by the remaining keys and uuid, re-reading a run cut by the page's edge with exact filters.</para>
/// <para><b>Scan plan</b>: otherwise (a residual filter, an order Waldur cannot start, a cut run Waldur cannot re-read
/// exactly or in one page) every row for the pushed-down filters is read (<see cref="ResidualScanner"/>, shared by all
/// fields of the request with the same pushdown), filtered and sorted here, within the <see cref="ScanBudget"/> and the
/// request's residual work budget (<see cref="ListOptions.MaxResidualWork"/>). Both plans give the same sequence, so
/// cursors (offsets into it) mean the same whichever plan answers the next page.</para>
/// </summary>
internal sealed class ListPlanner(ListFetcher fetcher, ResidualScanner scanner, IOptions<ListOptions> options)
{
    /// <summary>Plans after a parameter turned out ignored: each attempt stops pushing one more.</summary>
    private const int MaxReplans = 4;

    private readonly ListPlanExecutor _executor = new(fetcher, scanner, options.Value);

    public Task<ConnectionPage> LoadAsync(ListResource resource, ListRequest request, CancellationToken cancellationToken) =>
        RunAsync(resource, request, Plan(resource, request), cancellationToken);

    /// <summary>The parameters a field of <paramref name="resource"/> may push down to this Waldur (<see cref="ListFetcher.Pushdown"/>).</summary>
    public IReadOnlyList<PushdownRule> Pushdown(ListResource resource) => fetcher.Pushdown(resource);

    /// <summary>
    /// A connection over rows already in hand (every row that may match, in Waldur's order, e.g. one parent's share of a
    /// batched read), answered as a scan is (<see cref="ListPlanExecutor.FromRows"/>).
    /// </summary>
    public ConnectionPage FromRows(ListResource resource, ListRequest request, IReadOnlyList<WaldurRow> rows, IReadOnlyDictionary<string, int> defaultOrderRank)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(request);
        return _executor.FromRows(PlanGivenRows(resource, request), rows, defaultOrderRank);
    }

    internal ConnectionPage RunGivenRows(ListPlan plan, IReadOnlyList<WaldurRow> rows, IReadOnlyDictionary<string, int> defaultOrderRank) =>
        _executor.FromRows(plan, rows, defaultOrderRank);

    /// <summary>Runs <paramref name="plan"/>, planning again while the fetcher finds Waldur ignoring a pushed parameter.</summary>
    internal async Task<ConnectionPage> RunAsync(ListResource resource, ListRequest request, ListPlan plan, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var activity = GatewayTelemetry.StartSpan("plan", resource.TypeName);
                activity?.SetTag("waldur_gateway.pushdown.parameters", plan.Query.Filters.Keys.ToArray());
                return await _executor.RunAsync(plan, cancellationToken);
            }
            catch (WaldurFilterIgnoredException) when (attempt < MaxReplans)
            {
                // The fetcher found Waldur ignoring a pushed parameter and marked it: planned again, it is a residual filter.
                plan = Plan(resource, request);
            }
        }
    }

    /// <summary>The plan for one connection field, from its arguments and what the request already knows.</summary>
    internal ListPlan Plan(ListResource resource, ListRequest request)
    {
        var split = FilterSplitter.Split(request.Where, fetcher.Pushdown(resource));
        var plan = Frame(resource, request, new WaldurListQuery(split.Pushdown, null, 1, WaldurListQuery.MaxPageSize), split.Residual, split.ResidualFields);
        plan = plan with
        {
            // Pushed fields are read too: the rows must carry them for the re-check (PushdownCheck) to see an ignored one.
            Query = FieldProjection.Apply(plan.Query, resource, request.Selection,
                split.ResidualFields.Concat(fetcher.Pushdown(resource).Where(r => split.Pushdown.ContainsKey(r.Parameter)).Select(r => r.Field)),
                plan.Order),
        };
        if (resource.FollowsWaldurOrder
            && (request.Order.Count == 0 || !resource.Endpoint.Shape.Keyed || !resource.Endpoint.Paged))
        {
            var waldurPage = split.Residual is null && request.Order.Count == 0 && resource.Endpoint.Paged;
            return plan with
            {
                InWaldurOrder = true,
                Kind = !waldurPage ? ListPlanKind.Scan : request.NeedsRows ? ListPlanKind.WaldurPage : ListPlanKind.Count,
            };
        }

        if (split.Residual is null && !fetcher.HasScan(resource, plan.Query))
        {
            // A count alone is one HEAD whatever the order: no order, known to Waldur or not, changes how many rows match.
            if (!request.NeedsRows)
            {
                return plan with { Kind = ListPlanKind.Count };
            }

            var ignored = fetcher.Ignored;
            if (ServerOrder.For(resource, plan.Order, ignored is null ? null : rule => ignored.Sorts(resource, rule.OrderingKey)) is { } server)
            {
                return plan with { Kind = ListPlanKind.Window, Server = server };
            }
        }

        return plan with { Kind = ListPlanKind.Scan };
    }

    /// <summary>The plan over rows in hand: the whole <c>where</c> is residual, nothing is pushed.</summary>
    internal ListPlan PlanGivenRows(ListResource resource, ListRequest request) =>
        Frame(resource, request, WaldurListQuery.Unfiltered(), request.Where, []);

    /// <summary>
    /// A connection over <paramref name="source"/>'s rows pointing at <paramref name="parent"/> (<see cref="ReverseConnectionPlan"/>):
    /// one batch for every parent where Waldur filters the link by several values at once, a batch through the
    /// connection's ancestors where this parent's own plan is a scan anyway, else a plan per parent.
    /// </summary>
    internal ReverseConnectionPlan PlanReverse(ListResource source, ReverseParent parent, ListRequest request)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(parent);
        var via = parent.Via;
        var viaIsList = source.Endpoint.Shape[via].IsList;
        FilterNode link = viaIsList
            ? new ListFieldFilter(via, FilterOperations.Some, new FieldFilter("uuid", FilterOperations.Eq, parent.Uuid))
            : new FieldFilter(via, FilterOperations.Eq, parent.Uuid);
        var linked = request with { Where = request.Where is null ? link : new AllOfFilter([request.Where, link]) };
        var rules = fetcher.Pushdown(source);
        if (viaIsList)
        {
            return new ReverseConnectionPlan(linked, Plan(source, linked));
        }

        var pushdown = FilterSplitter.Split(request.Where, rules).Pushdown;
        if (rules.FirstOrDefault(r => r.Field == via && r.Operation == FilterOperations.In) is { } multi)
        {
            pushdown.Remove(multi.Parameter);
            var given = PlanGivenRows(source, linked);
            return new ReverseConnectionPlan(linked, given, Batch(source, linked, given, rules, multi, [], pushdown));
        }

        var own = Plan(source, linked);
        var single = rules.FirstOrDefault(r => r.Field == via && r.Operation == FilterOperations.Eq);
        // An ancestor the caller's own filter already pins is left to that filter.
        var ancestors = parent.Ancestors
            .Select(a => rules.FirstOrDefault(r => r.Field == a.Key && r.Operation == FilterOperations.Eq && r.Lookup == Catalog.Model.FilterLookup.Exact))
            .OfType<PushdownRule>().Where(r => !pushdown.ContainsKey(r.Parameter)).ToList();
        if (own.Kind != ListPlanKind.Scan || single is null || ancestors.Count == 0)
        {
            return new ReverseConnectionPlan(linked, own);
        }

        pushdown.Remove(single.Parameter);
        var rows = PlanGivenRows(source, linked);
        return new ReverseConnectionPlan(linked, rows, Batch(source, linked, rows, rules, single, ancestors, pushdown), own);
    }

    /// <summary>
    /// A child-rows batch reading what every parent's share needs: the selection, the fields the whole <c>where</c>
    /// and the order read in the gateway, and the link, ancestor and pushed fields (the re-check of an ignored filter
    /// reads them).
    /// </summary>
    private static ChildBatch Batch(ListResource source, ListRequest linked, ListPlan given, IReadOnlyList<PushdownRule> rules, PushdownRule link,
        IReadOnlyList<PushdownRule> ancestors, SortedDictionary<string, StringValues> pushdown)
    {
        var read = FilterSplitter.Split(linked.Where, []).ResidualFields.Append(link.Field).Concat(ancestors.Select(a => a.Field))
            .Concat(rules.Where(r => pushdown.ContainsKey(r.Parameter)).Select(r => r.Field));
        return new ChildBatch(link, ancestors, pushdown, FieldProjection.Apply(WaldurListQuery.Unfiltered(), source, linked.Selection, read, given.Order));
    }

    private ListPlan Frame(ListResource resource, ListRequest request, WaldurListQuery query, FilterNode? residual, IReadOnlyList<string> residualFields)
    {
        var hash = CursorCodec.ArgumentsHash(resource.CursorScope, request.Where, request.Order);
        var bounds = SliceBounds.Create(request.Paging, options.Value, hash);
        IReadOnlyList<SortKey> order = request.Order.Count == 0 ? [new SortKey(resource.DefaultOrderField, false)] : request.Order;
        return new ListPlan(ListPlanKind.GivenRows, resource, query, residual, residualFields, order, request.Order, bounds, hash);
    }
}
