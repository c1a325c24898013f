using System.Text;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// What <see cref="ListPlanner"/> decided for one connection field, as a value the <see cref="ListPlanExecutor"/> runs:
/// the kind, the query pushed to Waldur (<see cref="Query"/>: filters and projection; a window's <c>o</c> is
/// <see cref="Server"/>'s, since counts go without it), the <see cref="Residual"/> filter the gateway evaluates, the
/// gateway's order and the slice. <see cref="Describe"/> prints it, so a test can assert a plan without a Waldur.
/// </summary>
internal sealed record ListPlan(
    ListPlanKind Kind,
    ListResource Resource,
    WaldurListQuery Query,
    FilterNode? Residual,
    IReadOnlyList<string> ResidualFields,
    IReadOnlyList<SortKey> Order,
    IReadOnlyList<SortKey> RequestedOrder,
    SliceBounds Bounds,
    byte[] Hash)
{
    /// <summary>The order Waldur returns a window in (<see cref="ListPlanKind.Window"/> only).</summary>
    public ServerOrder? Server { get; init; }

    /// <summary>A generated list answered in Waldur's order (<see cref="ListResource.FollowsWaldurOrder"/>).</summary>
    public bool InWaldurOrder { get; init; }

    /// <summary>
    /// The page of a connection: <paramref name="rows"/> at the plan's slice of <paramref name="total"/> positions. The
    /// only place cursors are made (an edge's when it is read): offsets into the gateway's order under the arguments' hash, so every plan's cursor
    /// means the same.
    /// </summary>
    public ConnectionPage Page(int total, IReadOnlyList<WaldurRow> rows)
    {
        var (from, to) = Bounds.Resolve(total);
        var edges = new ConnectionEdge[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            edges[i] = new ConnectionEdge(rows[i], from + i, Hash);
        }

        var info = new ConnectionPageInfo(
            HasNextPage: to < total,
            HasPreviousPage: from > 0,
            StartCursor: to > from ? CursorCodec.Encode(from, Hash) : null,
            EndCursor: to > from ? CursorCodec.Encode(to - 1, Hash) : null);
        return new ConnectionPage(edges, info, total);
    }

    /// <summary>The filters Waldur applies itself that this plan does not use yet: each would shrink the scan.</summary>
    public string NarrowingAdvice()
    {
        var narrowers = Resource.Pushdown.Where(r => !Query.Filters.ContainsKey(r.Parameter))
            .Select(r => $"`{r.Field}: {{ {r.Operation}: … }}`").ToList();
        return narrowers.Count > 0
            ? $"Add a filter Waldur applies itself to narrow the scan: {string.Join(", ", narrowers)}."
            : "Narrow the filters Waldur applies itself.";
    }

    /// <summary>
    /// One stable line: kind and type, the Waldur request it starts from (parameters sorted; no page or projection, which
    /// the executor chooses), the residual filter (<see cref="FilterCanonicalText"/>), the gateway's order (<c>waldur</c>: Waldur's own) and the slice.
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder(KindName).Append(' ').Append(Resource.TypeName).Append(": ");
        if (Kind == ListPlanKind.GivenRows)
        {
            text.Append("rows in hand");
        }
        else
        {
            text.Append(Kind == ListPlanKind.Count ? "HEAD " : "GET ").Append(Resource.Endpoint.Path);
            var parameters = Query.Filters.Select(f => $"{f.Key}={f.Value}").ToList();
            if (Server?.Ordering is { } ordering)
            {
                parameters.Add($"o={ordering}");
            }

            if (parameters.Count > 0)
            {
                text.Append('?').AppendJoin('&', parameters);
            }
        }

        text.Append(" | residual: ").Append(Residual is null ? "none" : FilterCanonicalText.Of(Residual))
            .Append(" | order: ").AppendJoin(", ", OrderKeys())
            .Append(" | slice: ").Append(Slice());
        return text.ToString();
    }

    public override string ToString() => Describe();

    private string KindName => Kind switch
    {
        ListPlanKind.Count => "count",
        ListPlanKind.WaldurPage => "waldur-page",
        ListPlanKind.Window => "window",
        ListPlanKind.Scan when InWaldurOrder => "scan-in-waldur-order",
        ListPlanKind.Scan => "scan",
        _ => "given-rows",
    };

    /// <summary>A list in Waldur's order sorts stably by the requested keys alone: ties stay in Waldur's order.</summary>
    private IEnumerable<string> OrderKeys()
    {
        var keys = (InWaldurOrder ? RequestedOrder : Order).Select(k => (k.Descending ? "-" : "") + k.Field);
        return InWaldurOrder ? keys.Append("waldur") : keys;
    }

    private string Slice()
    {
        var parts = new List<string>();
        if (Bounds.First is { } first)
        {
            parts.Add($"first {first}");
        }

        if (Bounds.Last is { } last)
        {
            parts.Add($"last {last}");
        }

        if (Bounds.AfterPosition is { } after)
        {
            parts.Add($"after {after}");
        }

        if (Bounds.BeforePosition is { } before)
        {
            parts.Add($"before {before}");
        }

        return string.Join(' ', parts);
    }
}
