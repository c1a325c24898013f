namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// One list response: the rows in Waldur's order and <c>X-Result-Count</c> (the total after filters, U19).
/// <c>Page</c>/<c>PageSize</c> locate the rows: the first is at position <c>(Page - 1) * PageSize</c> (for
/// <c>page=last</c> the client fills in the page it resolved to).
/// </summary>
internal sealed record WaldurPage(IReadOnlyList<WaldurRow> Items, int TotalCount, int Page, int PageSize)
{
    public int FirstPosition => (Page - 1) * PageSize;
}
