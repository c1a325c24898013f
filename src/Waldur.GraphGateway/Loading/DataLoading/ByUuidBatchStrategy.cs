namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// Chooses how to fetch N missing uuids of a resource with no batch endpoint: N parallel <c>GET …/{uuid}/</c>, or one
/// list scan of ceil(total / page size) pages, whichever costs fewer Waldur requests. Ties go to the GETs: they take
/// at most as many rounds, carry small bodies, and a miss is certain (a scan under Waldur's tie-less order can skip
/// a row, U16).
/// <para>
/// With no known total (no <c>X-Result-Count</c> seen in this request), the scan's cost is unknown. Up to
/// <see cref="UnknownCountGetLimit"/> keys the GETs are chosen: they finish in one round, and a scan could save at
/// most three requests, only when the whole list is under 1,200 rows. Beyond it, the scan's first page is fetched:
/// it costs one request, reveals the total and answers the keys it holds, and the rest is chosen exactly
/// (<see cref="ChooseAfterFirstPage"/>). That path never costs more than N + 1 requests (one more than the GETs)
/// nor more than the full scan.
/// </para>
/// </summary>
internal static class ByUuidBatchStrategy
{
    /// <summary>With an unknown total, at most this many keys are always fetched by GETs.</summary>
    public const int UnknownCountGetLimit = 4;

    public static ByUuidBatchPlan Choose(int missing, int? knownTotal, int concurrency, int pageSize)
    {
        Validate(missing, concurrency, pageSize);
        if (missing == 0)
        {
            return new ByUuidBatchPlan(ByUuidFetchKind.None, 0, 0);
        }

        if (knownTotal is { } total)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(total, nameof(knownTotal));
            var pages = Pages(total, pageSize);
            return pages < missing
                ? new ByUuidBatchPlan(ByUuidFetchKind.Scan, pages, Waves(pages, concurrency))
                : GetEach(missing, concurrency);
        }
        if (missing <= UnknownCountGetLimit)
        {
            return GetEach(missing, concurrency);
        }
        // Worst case: nothing on page 1 and GETs for every key afterwards.
        return new ByUuidBatchPlan(ByUuidFetchKind.FirstPageThenChoose, 1 + missing, 1 + Waves(missing, concurrency));
    }

    /// <summary>
    /// After the scan's first page revealed <paramref name="total"/>: the cheaper of GETs for the keys still missing
    /// and the remaining pages (all at once, the count being known). Requests and rounds exclude the first page.
    /// </summary>
    public static ByUuidBatchPlan ChooseAfterFirstPage(int stillMissing, int total, int concurrency, int pageSize)
    {
        Validate(stillMissing, concurrency, pageSize);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var remainingPages = Pages(total, pageSize) - 1;
        if (stillMissing == 0 || remainingPages == 0)
        {
            return new ByUuidBatchPlan(ByUuidFetchKind.None, 0, 0);
        }

        return remainingPages < stillMissing
            ? new ByUuidBatchPlan(ByUuidFetchKind.Scan, remainingPages, Waves(remainingPages, concurrency))
            : GetEach(stillMissing, concurrency);
    }

    /// <summary>Pages of a scan over <paramref name="total"/> rows; an empty list is still one page (U18).</summary>
    public static int Pages(int total, int pageSize) => Math.Max(1, (int)(((long)total + pageSize - 1) / pageSize));

    private static ByUuidBatchPlan GetEach(int missing, int concurrency) =>
        new(ByUuidFetchKind.GetEach, missing, Waves(missing, concurrency));

    private static int Waves(int requests, int concurrency) => (requests + concurrency - 1) / concurrency;

    private static void Validate(int missing, int concurrency, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(missing);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
    }
}
