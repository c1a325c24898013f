namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>How a by-uuid batch reaches Waldur, which has no batch-by-uuid endpoint (U12).</summary>
internal enum ByUuidFetchKind
{
    /// <summary>Every key is already known: no request.</summary>
    None,

    /// <summary><c>GET …/{uuid}/</c> per key, concurrently in waves of the concurrency bound.</summary>
    GetEach,

    /// <summary>The whole list at <c>page_size=300</c>; the count is known, so every page goes at once.</summary>
    Scan,

    /// <summary>
    /// The count is unknown: fetch the scan's first page (it reveals the count and answers the keys it holds),
    /// then choose again with <see cref="ByUuidBatchStrategy.ChooseAfterFirstPage"/>.
    /// </summary>
    FirstPageThenChoose,
}
