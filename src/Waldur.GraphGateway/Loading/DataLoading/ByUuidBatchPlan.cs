namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// A chosen way to fetch one batch: the Waldur requests it costs and the sequential rounds (latency) it takes.
/// For <see cref="ByUuidFetchKind.FirstPageThenChoose"/> both are the worst case (nothing found on the first page).
/// </summary>
internal sealed record ByUuidBatchPlan(ByUuidFetchKind Kind, int Requests, int Rounds);
