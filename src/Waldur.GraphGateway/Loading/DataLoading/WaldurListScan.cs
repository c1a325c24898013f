using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// An unfiltered list read whole at <c>page_size=300</c>: the first page reveals the count (U19), the rest go
/// concurrently within <c>concurrency</c>. Used by the by-uuid loaders; the list planner has its own shared scans.
/// </summary>
internal static class WaldurListScan
{
    public sealed record Result<T>(IReadOnlyList<T> Items, int Total);

    public static async Task<Result<T>> AllAsync<T>(
        IWaldurClient client, WaldurEndpoint<T> endpoint, int concurrency, CancellationToken cancellationToken)
        where T : class
    {
        var first = await client.ListAsync(endpoint, Page(1), cancellationToken);
        var rest = await PagesAsync(client, endpoint, 2, ByUuidBatchStrategy.Pages(first.TotalCount, WaldurListQuery.MaxPageSize), concurrency, cancellationToken);
        return new Result<T>([.. first.Items, .. rest], first.TotalCount);
    }

    /// <summary>Pages <paramref name="from"/>..<paramref name="to"/> (1-based, inclusive), at most <paramref name="concurrency"/> at a time.</summary>
    public static async Task<IReadOnlyList<T>> PagesAsync<T>(
        IWaldurClient client, WaldurEndpoint<T> endpoint, int from, int to, int concurrency, CancellationToken cancellationToken)
        where T : class
    {
        if (to < from)
            return [];
        using var gate = new SemaphoreSlim(concurrency);
        var pages = await Task.WhenAll(Enumerable.Range(from, to - from + 1).Select(async page =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await client.ListAsync(endpoint, Page(page), cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        return pages.SelectMany(p => p.Items).ToList();
    }

    public static WaldurListQuery Page(int page) =>
        new(new SortedDictionary<string, string>(StringComparer.Ordinal), null, page, WaldurListQuery.MaxPageSize);
}
