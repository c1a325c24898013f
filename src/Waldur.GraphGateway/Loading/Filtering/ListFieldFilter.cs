namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// A list field quantifier: <c>some</c>/<c>all</c>/<c>none</c> with an element filter, or <c>any</c> with
/// <see cref="AnyValue"/> (true: the list is non-empty).
/// </summary>
internal sealed record ListFieldFilter(string Field, string Quantifier, FilterNode? Element, bool AnyValue = false) : FilterNode;
