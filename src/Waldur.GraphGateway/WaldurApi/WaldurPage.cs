namespace Waldur.GraphGateway.WaldurApi;

/// <summary>One list response: the items, <c>X-Result-Count</c> and whether a next page exists (U19).</summary>
public sealed record WaldurPage<T>(IReadOnlyList<T> Items, int TotalCount, bool HasNext);
