using Waldur.GraphGateway.WaldurApi;
namespace Waldur.GraphGateway.Loading;

/// <summary>What a connection field resolves to: the edges of the slice, page info and the total after all filters.</summary>
internal sealed record ConnectionPage(IReadOnlyList<ConnectionEdge> Edges, ConnectionPageInfo PageInfo, int TotalCount)
{
    public IEnumerable<WaldurRow> Nodes => Edges.Select(e => e.Node);
}
