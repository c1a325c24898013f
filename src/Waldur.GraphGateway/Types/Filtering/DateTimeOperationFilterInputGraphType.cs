using Waldur.GraphGateway.Types.Scalars;

namespace Waldur.GraphGateway.Types.Filtering;

/// <summary>HotChocolate's <c>DateTimeOperationFilterInput</c>.</summary>
internal sealed class DateTimeOperationFilterInputGraphType() : ComparableOperationFilterInputGraphType<UtcDateTimeGraphType>("DateTimeOperationFilterInput");
