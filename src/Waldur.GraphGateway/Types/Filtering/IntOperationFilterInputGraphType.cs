using GraphQL.Types;

namespace Waldur.GraphGateway.Types.Filtering;

/// <summary>HotChocolate's <c>IntOperationFilterInput</c>.</summary>
internal sealed class IntOperationFilterInputGraphType() : ComparableOperationFilterInputGraphType<IntGraphType>("IntOperationFilterInput");
