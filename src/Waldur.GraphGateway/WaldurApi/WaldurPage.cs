namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// One list response: the items in Waldur's order, <c>X-Result-Count</c> (the total after filters) and the parsed
/// <c>Link</c> header (U19). <c>Page</c>/<c>PageSize</c> locate the items: the first item is at position
/// <c>(Page - 1) * PageSize</c> (for <c>page=last</c> the client fills in the page it resolved to).
/// </summary>
public sealed record WaldurPage<T>(IReadOnlyList<T> Items, int TotalCount, WaldurLinks Links, int Page, int PageSize)
{
    public bool HasNext => Links.Next is not null;

    public int FirstPosition => (Page - 1) * PageSize;
}
