namespace Waldur.GraphGateway.Loading.Sorting;

/// <summary>One <c>order</c> entry: a field and its direction.</summary>
internal sealed record SortKey(string Field, bool Descending);
