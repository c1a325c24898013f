namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary><c>or</c>. Empty: matches nothing (the identity of OR).</summary>
internal sealed record AnyOfFilter(IReadOnlyList<FilterNode> Parts) : FilterNode;
