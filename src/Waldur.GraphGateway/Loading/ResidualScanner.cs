using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Reads every row for one set of Waldur filters: page 1 at <c>page_size=300</c> reveals the count, the other pages
/// follow concurrently (bounded). Pages are separate requests and Waldur has no tie-breaker (U16), so a run of equal
/// names that crosses a page boundary may come back with rows repeated or missing. When the pages hold exactly
/// <c>X-Result-Count</c> distinct rows nothing was missed (a repeat would have pushed another row out), so no repair is
/// needed; otherwise the runs that cross page boundaries are re-read whole with the exact-name parameter. The result
/// is checked against <c>X-Result-Count</c>: exactly the rows, or an error.
/// </summary>
internal sealed class ResidualScanner(ListFetcher fetcher, IOptions<ListOptions> options)
{
    private const int PageSize = WaldurListQuery.MaxPageSize;

    public Task<WaldurPage> FirstPageAsync(ListResource resource, WaldurListQuery query, CancellationToken cancellationToken) => fetcher.PageAsync(resource, query.WithPage(1, PageSize), cancellationToken);

    public Task<ScanResult> ScanAsync(ListResource resource, WaldurListQuery query, CancellationToken cancellationToken) => fetcher.SharedScanAsync(resource, query, () => ReadAllAsync(resource, query, cancellationToken));

    /// <summary>
    /// Every page for these filters as Waldur sent them, checked to agree on the count, with no repair of tied runs: a
    /// row may repeat and another be missing (U16). Pages are cached per request, so a later <see cref="ScanAsync"/>
    /// reuses them. For callers that can recover a missing row another way (the by-uuid loader asks for it by uuid).
    /// </summary>
    public async Task<IReadOnlyList<WaldurPage>> PagesAsync(ListResource resource, WaldurListQuery query, CancellationToken cancellationToken)
    {
        var first = await FirstPageAsync(resource, query, cancellationToken);
        var pageCount = Math.Max(1, (first.TotalCount + PageSize - 1) / PageSize);
        using var gate = new SemaphoreSlim(options.Value.ScanConcurrency);
        var rest = await Task.WhenAll(Enumerable.Range(2, pageCount - 1).Select(async page =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await fetcher.PageAsync(resource, query.WithPage(page, PageSize), cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        var pages = new List<WaldurPage>(pageCount) { first };
        pages.AddRange(rest);
        if (pages.Any(p => p.TotalCount != first.TotalCount))
        {
            throw ListFetcher.Inconsistent();
        }

        GatewayTelemetry.RecordScan(resource.TypeName, pages.Count, first.TotalCount);
        return pages;
    }

    private async Task<ScanResult> ReadAllAsync(ListResource resource, WaldurListQuery query, CancellationToken cancellationToken)
    {
        var pages = await PagesAsync(resource, query, cancellationToken);
        var first = pages[0];
        var all = pages.SelectMany(p => p.Items).ToList();
        if (all.Count == first.TotalCount && all.Select(r => r.Uuid).Distinct(StringComparer.Ordinal).Count() == all.Count)
        {
            return new ScanResult(all, Rank(resource, all));
        }

        var groups = new Dictionary<string, IReadOnlyList<WaldurRow>>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < pages.Count; i++)
        {
            if (pages[i].Items.Count > 0 && pages[i + 1].Items.Count > 0
                && resource.DefaultOrderKey(pages[i].Items[^1]) is var key && key == resource.DefaultOrderKey(pages[i + 1].Items[0])
                && await fetcher.GroupAsync(resource, query, key, cancellationToken) is { } group)
            {
                groups[key] = group;
            }
        }

        var rows = new List<WaldurRow>(first.TotalCount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in pages.SelectMany(p => p.Items))
        {
            var key = resource.DefaultOrderKey(row);
            var emit = groups.TryGetValue(key, out var group) ? group : [row];
            if (group is not null)
            {
                groups.Remove(key);
            }
            else if (emit.Count == 1 && seen.Contains(row.Uuid))
            {
                continue;
            }

            foreach (var item in emit.Where(item => seen.Add(item.Uuid)))
            {
                rows.Add(item);
            }
        }

        if (rows.Count != first.TotalCount)
        {
            throw ListFetcher.Inconsistent();
        }

        return new ScanResult(rows, Rank(resource, rows));
    }

    /// <summary>Where each name first stands in Waldur's order, so name sorts follow Waldur's own collation.</summary>
    private static Dictionary<string, int> Rank(ListResource resource, List<WaldurRow> rows)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!resource.KnowsDefaultOrder)
        {
            return rank;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            rank.TryAdd(resource.DefaultOrderKey(rows[i]), i);
        }

        return rank;
    }
}
