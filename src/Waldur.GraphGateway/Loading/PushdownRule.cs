namespace Waldur.GraphGateway.Loading;

/// <summary>A predicate Waldur evaluates itself: <c>Field.Operation value</c> becomes <c>?Parameter=value</c>.</summary>
public sealed record PushdownRule(string Field, string Operation, string Parameter);
