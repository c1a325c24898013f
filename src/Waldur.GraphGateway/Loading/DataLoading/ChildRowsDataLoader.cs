using Microsoft.Extensions.Primitives;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// The children of many parents in one Waldur list: every parent of an execution level that asks for its children
/// (a page of customers, each with <c>projects</c>) joins one batch, read as one list filtered by the reference's
/// multi-value parameter (<c>customer=u1,u2,…</c>, <see cref="BatchChunk"/> parents a request) plus the filters Waldur
/// applies itself, then grouped by parent. The caller's arguments are applied per parent in the gateway, so every row
/// of every parent must be read: the scan budget bounds it.
/// </summary>
internal sealed class ChildRowsDataLoader(
    ListResource source,
    PushdownRule link,
    SortedDictionary<string, StringValues> pushdown,
    ResidualScanner scanner,
    ScanBudget budget)
    : DataLoader<string, ChildRows>(StringComparer.Ordinal)
{
    public const int BatchChunk = 100;

    protected internal override string TelemetryKind => "child_rows";

    protected internal override string TelemetryResource => source.TypeName;

    private async Task<ScanResult> ScanAsync(WaldurListQuery query, int parents, CancellationToken cancellationToken)
    {
        var first = await scanner.FirstPageAsync(source, query, cancellationToken);
        if (!budget.Allows(first.TotalCount))
        {
            throw budget.ExceededByParents(source, parents, first.TotalCount);
        }

        return await scanner.ScanAsync(source, query, cancellationToken);
    }

    protected override async Task<IReadOnlyDictionary<string, ChildRows>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        GatewayTelemetry.RecordDecision("child_rows", source.TypeName);
        var via = source.Endpoint.Shape[link.Field].Index;
        var found = new Dictionary<string, ChildRows>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(BatchChunk))
        {
            var filters = new SortedDictionary<string, StringValues>(pushdown, StringComparer.Ordinal)
            {
                [link.Parameter] = link.Lookup == FilterLookup.CsvMulti ? string.Join(',', chunk) : new StringValues(chunk),
            };
            ScanResult scan;
            try
            {
                scan = await ScanAsync(new WaldurListQuery(filters, null, 1, WaldurListQuery.MaxPageSize), chunk.Length, cancellationToken);
            }
            catch (Filtering.WaldurFilterIgnoredException ignored) when (ignored.Parameter == link.Parameter)
            {
                // Waldur ignored the parents' filter: every row comes back, and grouping by parent below still answers
                // each parent exactly, within the scan budget.
                filters.Remove(link.Parameter);
                scan = await ScanAsync(new WaldurListQuery(filters, null, 1, WaldurListQuery.MaxPageSize), chunk.Length, cancellationToken);
            }

            var byParent = scan.Rows.Where(r => r[via] is string).ToLookup(r => (string)r[via]!, StringComparer.Ordinal);
            foreach (var parent in chunk)
            {
                found[parent] = new ChildRows([.. byParent[parent]], scan.DefaultOrderRank);
            }
        }
        return found;
    }
}
