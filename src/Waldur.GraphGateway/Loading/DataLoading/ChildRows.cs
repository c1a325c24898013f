using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>One parent's children as one Waldur list returned them, with that list's default-order ranks.</summary>
internal sealed record ChildRows(IReadOnlyList<WaldurRow> Rows, IReadOnlyDictionary<string, int> DefaultOrderRank);
