using Microsoft.Extensions.Primitives;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// One resource's rows by 32-hex uuid, for the request. A batch costs, in order of preference:
/// <list type="number">
/// <item>nothing, when the request already scanned the whole list (or primed the keys from any response);</item>
/// <item>one list request per <see cref="BatchChunk"/> keys, when the resource has a multi-value uuid filter
/// (<see cref="ResourceDescriptor.Batch"/>);</item>
/// <item>the shared scan of the whole list, when the list is known to be small (<see cref="ResourceDescriptor.ScanForLookups"/>);</item>
/// <item>otherwise the cheaper of parallel <c>GET …/{uuid}/</c> and one scan of the unfiltered list
/// (<see cref="ByUuidBatchStrategy"/>), given the total this request already knows.</item>
/// </list>
/// Scans are the planner's shared ones (<see cref="ResidualScanner"/>), so a batch and every list field over the same
/// rows read the same pages; GETs go through the same <see cref="ListFetcher"/> (call budget, concurrency, priming).
/// </summary>
internal sealed class ResourceByUuidDataLoader(
    ListResource resource,
    ListFetcher fetcher,
    ResidualScanner scanner,
    DataLoadingOptions options)
    : DataLoader<string, WaldurRow>(StringComparer.Ordinal)
{
    /// <summary>Uuids per batch request: 100 × 33 characters keeps the URL far below common 8 KiB limits.</summary>
    public const int BatchChunk = 100;

    private const int PageSize = WaldurListQuery.MaxPageSize;

    protected internal override string TelemetryKind => "by_uuid";

    protected internal override string TelemetryResource => resource.TypeName;

    protected override async Task<IReadOnlyDictionary<string, WaldurRow>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var all = WaldurListQuery.Unfiltered();
        var found = new Dictionary<string, WaldurRow>(StringComparer.Ordinal);
        if (fetcher.FindScan(resource, all) is { } running)
        {
            GatewayTelemetry.RecordDecision("lookup_from_scan", resource.TypeName);
            Take((await running).Rows, keys, found);
            return found;
        }

        if (resource.Descriptor.Batch is { } batch)
        {
            GatewayTelemetry.RecordDecision("lookup_batch_filter", resource.TypeName);
            await BatchAsync(batch, keys, found, cancellationToken);
            return found;
        }

        if (resource.Descriptor.ScanForLookups)
        {
            GatewayTelemetry.RecordDecision("lookup_scan", resource.TypeName);
            Take((await scanner.ScanAsync(resource, all, cancellationToken)).Rows, keys, found);
            return found;
        }

        var concurrency = options.ByUuidConcurrency;
        var total = fetcher.KnownCount(resource, all);
        var plan = ByUuidBatchStrategy.Choose(keys.Count, total, concurrency, PageSize);
        if (plan.Kind == ByUuidFetchKind.FirstPageThenChoose)
        {
            // Page 1 of the shared scan: it reveals the total, and a scan chosen next reuses it.
            var first = await scanner.FirstPageAsync(resource, all, cancellationToken);
            Take(first.Items, keys, found);
            var stillMissing = keys.Where(k => !found.ContainsKey(k)).ToList();
            keys = stillMissing;
            plan = ByUuidBatchStrategy.ChooseAfterFirstPage(stillMissing.Count, first.TotalCount, concurrency, PageSize);
        }

        GatewayTelemetry.RecordDecision(plan.Kind switch
        {
            ByUuidFetchKind.GetEach => "lookup_get_each",
            ByUuidFetchKind.Scan => "lookup_scan",
            _ => "lookup_first_page",
        }, resource.TypeName);
        switch (plan.Kind)
        {
            case ByUuidFetchKind.GetEach:
                await GetEachAsync(keys, found, cancellationToken);
                break;
            case ByUuidFetchKind.Scan:
                await ScanAsync(all, keys, found, cancellationToken);
                break;
        }
        return found;
    }

    /// <summary>One filtered list per chunk of keys; the answer holds exactly the rows that exist and the caller may see.</summary>
    private async Task BatchAsync(BatchDescriptor batch, IReadOnlyList<string> keys, Dictionary<string, WaldurRow> found, CancellationToken cancellationToken)
    {
        var scans = await Task.WhenAll(keys.Chunk(BatchChunk).Select(chunk =>
        {
            var filters = WaldurListQuery.NoFilters();
            filters[batch.Parameter] = batch.Lookup == FilterLookup.CsvMulti ? string.Join(',', chunk) : new StringValues(chunk);
            return scanner.ScanAsync(resource, new WaldurListQuery(filters, null, 1, PageSize), cancellationToken);
        }));
        foreach (var scan in scans)
        {
            Take(scan.Rows, keys, found);
        }
    }

    /// <summary>
    /// The list's pages as Waldur sent them (cached, so a list field of this request reuses them). Waldur's order has no
    /// tie-breaker (U16), so concurrent pages may repeat a row and skip another; re-reading tied runs exactly could cost
    /// more than the GETs this plan was chosen to beat, so keys the pages lack while rows are missing are asked one by one.
    /// </summary>
    private async Task ScanAsync(WaldurListQuery all, IReadOnlyList<string> keys, Dictionary<string, WaldurRow> found, CancellationToken cancellationToken)
    {
        var pages = await scanner.PagesAsync(resource, all, cancellationToken);
        var rows = pages.SelectMany(p => p.Items).ToList();
        Take(rows, keys, found);
        if (rows.Select(r => r.Uuid).Distinct(StringComparer.Ordinal).Count() < pages[0].TotalCount)
        {
            await GetEachAsync(keys.Where(k => !found.ContainsKey(k)).ToList(), found, cancellationToken);
        }
    }

    private static void Take(IReadOnlyList<WaldurRow> rows, IReadOnlyList<string> keys, Dictionary<string, WaldurRow> found)
    {
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (wanted.Contains(row.Uuid))
            {
                found.TryAdd(row.Uuid, row);
            }
        }
    }

    private async Task GetEachAsync(IReadOnlyList<string> keys, Dictionary<string, WaldurRow> found, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(options.ByUuidConcurrency);
        var rows = await Task.WhenAll(keys.Select(async uuid =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await fetcher.RetrieveAsync(resource, uuid, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        foreach (var row in rows.OfType<WaldurRow>())
        {
            found.TryAdd(row.Uuid, row);
        }
    }
}
