namespace Waldur.GraphGateway.Loading;

/// <summary>What a connection field resolves to: the edges of the slice, page info and the total after all filters.</summary>
public sealed record ConnectionPage<T>(IReadOnlyList<ConnectionEdge<T>> Edges, ConnectionPageInfo PageInfo, int TotalCount)
{
    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);
}
