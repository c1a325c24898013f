using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// One connection field's arguments, parsed. <see cref="NeedsRows"/> is false when the selection asks for nothing that
/// needs rows (only <c>totalCount</c>/<c>pageInfo</c>): positions then follow from the count alone. <see cref="Selection"/>
/// names the item fields the query reads (<see cref="FieldProjection"/>; null: all of them).
/// </summary>
internal sealed record ListRequest(FilterNode? Where, IReadOnlyList<SortKey> Order, PagingArguments Paging, bool NeedsRows = true,
    IReadOnlyCollection<string>? Selection = null);
