namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary><c>and</c> (and the implicit AND of several fields in one input object). Empty: matches everything.</summary>
internal sealed record AllOfFilter(IReadOnlyList<FilterNode> Parts) : FilterNode;
