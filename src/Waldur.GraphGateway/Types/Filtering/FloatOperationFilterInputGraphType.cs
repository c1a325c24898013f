using GraphQL.Types;

namespace Waldur.GraphGateway.Types.Filtering;

/// <summary>HotChocolate's <c>FloatOperationFilterInput</c>.</summary>
internal sealed class FloatOperationFilterInputGraphType() : ComparableOperationFilterInputGraphType<FloatGraphType>("FloatOperationFilterInput");
