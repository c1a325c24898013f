using Microsoft.Extensions.Primitives;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// The children of many parents in few Waldur lists: every parent of an execution level that asks for its children
/// (a page of customers, each with <c>projects</c>) joins one batch (<see cref="ChildBatch"/>), read as lists filtered
/// by the filters Waldur applies itself and then grouped by parent. The caller's arguments are applied per parent in
/// the gateway, so every row of every parent must be read: the scan budget bounds it.
/// <list type="bullet">
/// <item>Through a multi-value link (<c>customer=u1,u2,…</c>): one list per <see cref="BatchChunk"/> parents.</item>
/// <item>Through an ancestor (orders of many resources via their customers' <c>customer_uuid</c>): one list per ancestor
/// value that two or more parents share, when it costs fewer requests than their own lists would, the ancestor with
/// the fewest values first. A parent left over gets null, and its own plan answers it.</item>
/// </list>
/// </summary>
internal sealed class ChildRowsDataLoader(ListResource source, ChildBatch batch, ResidualScanner scanner, ScanBudget budget)
    : DataLoader<ChildKey, ChildRows>(ChildKey.ByParent)
{
    public const int BatchChunk = 100;

    protected internal override string TelemetryKind => batch.ByAncestor ? "child_rows_by_ancestor" : "child_rows";

    protected internal override string TelemetryResource => source.TypeName;

    protected override async Task<IReadOnlyDictionary<ChildKey, ChildRows>> FetchAsync(IReadOnlyList<ChildKey> keys, CancellationToken cancellationToken)
    {
        GatewayTelemetry.RecordDecision(TelemetryKind, source.TypeName);
        var found = new Dictionary<ChildKey, ChildRows>(ChildKey.ByParent);
        if (batch.ByAncestor)
        {
            await ByAncestorsAsync(keys, found, cancellationToken);
            return found;
        }

        foreach (var chunk in keys.Chunk(BatchChunk))
        {
            var parents = chunk.Select(k => k.Parent).ToList();
            var filters = Filters(batch.Link.Parameter,
                batch.Link.Lookup == FilterLookup.CsvMulti ? string.Join(',', parents) : new StringValues([.. parents]));
            ScanResult scan;
            try
            {
                scan = await ScanWithinBudgetAsync(filters, chunk.Length, cancellationToken);
            }
            catch (Filtering.WaldurFilterIgnoredException ignored) when (ignored.Parameter == batch.Link.Parameter)
            {
                // Waldur ignored the parents' filter: every row comes back, and grouping by parent below still answers
                // each parent exactly, within the scan budget.
                filters.Remove(batch.Link.Parameter);
                scan = await ScanWithinBudgetAsync(filters, chunk.Length, cancellationToken);
            }

            Group(scan, chunk, found);
        }
        return found;
    }

    private async Task ByAncestorsAsync(IReadOnlyList<ChildKey> keys, Dictionary<ChildKey, ChildRows> found, CancellationToken cancellationToken)
    {
        var left = keys.ToList();
        var order = Enumerable.Range(0, batch.Ancestors.Count)
            .OrderBy(i => keys.Select(k => k.Ancestors[i]).Where(v => v is not null).Distinct(StringComparer.Ordinal).Count());
        foreach (var i in order)
        {
            var groups = left.Where(k => k.Ancestors[i] is not null).GroupBy(k => k.Ancestors[i]!, StringComparer.Ordinal)
                .Where(g => g.Count() > 1).ToList();
            var read = await Task.WhenAll(groups.Select(g => AncestorScanAsync(batch.Ancestors[i].Parameter, g.Key, g.Count(), cancellationToken)));
            for (var g = 0; g < groups.Count; g++)
            {
                if (read[g] is { } scan)
                {
                    Group(scan, groups[g], found);
                }
            }

            left.RemoveAll(found.ContainsKey);
        }
    }

    /// <summary>
    /// Every child under one ancestor value, or null when that costs as many requests as its <paramref name="parents"/>'
    /// own lists (one page each at least) or exceeds the scan budget: then the first page was the only request spent.
    /// </summary>
    private async Task<ScanResult?> AncestorScanAsync(string parameter, string value, int parents, CancellationToken cancellationToken)
    {
        try
        {
            return await ScanWhenAsync(Filters(parameter, value),
                total => (total + WaldurListQuery.MaxPageSize - 1) / WaldurListQuery.MaxPageSize < parents && budget.Allows(total), cancellationToken);
        }
        catch (Filtering.WaldurFilterIgnoredException ignored) when (ignored.Parameter == parameter)
        {
            // This Waldur ignores the ancestor's filter (now marked): the parents' own plans answer them.
            return null;
        }
    }

    private SortedDictionary<string, StringValues> Filters(string parameter, StringValues value) =>
        new(batch.Pushdown, StringComparer.Ordinal) { [parameter] = value };

    private async Task<ScanResult> ScanWithinBudgetAsync(SortedDictionary<string, StringValues> filters, int parents, CancellationToken cancellationToken) =>
        (await ScanWhenAsync(filters, total => budget.Allows(total) ? true : throw budget.ExceededByParents(source, parents, total), cancellationToken))!;

    /// <summary>Every row for <paramref name="filters"/> when the first page's count is <paramref name="worth"/> reading, else null.</summary>
    private async Task<ScanResult?> ScanWhenAsync(SortedDictionary<string, StringValues> filters, Func<int, bool> worth, CancellationToken cancellationToken)
    {
        var query = batch.Query(filters);
        var first = await scanner.FirstPageAsync(source, query, cancellationToken);
        return worth(first.TotalCount) ? await scanner.ScanAsync(source, query, cancellationToken) : null;
    }

    private void Group(ScanResult scan, IEnumerable<ChildKey> parents, Dictionary<ChildKey, ChildRows> found)
    {
        var via = source.Endpoint.Shape[batch.Link.Field].Index;
        var byParent = scan.Rows.Where(r => r[via] is string).ToLookup(r => (string)r[via]!, StringComparer.Ordinal);
        foreach (var parent in parents)
        {
            found[parent] = new ChildRows([.. byParent[parent.Parent]], scan.DefaultOrderRank);
        }
    }
}
