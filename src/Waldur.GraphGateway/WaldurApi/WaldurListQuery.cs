namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// One Waldur list request: exact-match/substring filters (U9, U10), one comma-separated <c>o</c> (U15) and a
/// <c>page</c>/<c>page_size</c> pair (U17). Filters are kept sorted so equal queries compare and hash equal
/// (scans are shared by this key).
/// </summary>
public sealed record WaldurListQuery(SortedDictionary<string, string> Filters, string? Ordering, int Page, int PageSize)
{
    public const int MaxPageSize = 300;
}
