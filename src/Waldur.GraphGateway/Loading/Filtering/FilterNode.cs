namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// A parsed <c>where</c> argument, independent of GraphQL: the planner splits it (pushdown/residual) and the
/// evaluator runs the residual over rows. Operation input objects with several operations become an <see cref="AllOfFilter"/>.
/// </summary>
internal abstract record FilterNode;
