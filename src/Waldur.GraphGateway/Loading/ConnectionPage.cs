using Waldur.GraphGateway.WaldurApi;
namespace Waldur.GraphGateway.Loading;

/// <summary>What a connection field resolves to: the edges of the slice, page info and the total after all filters.</summary>
internal sealed record ConnectionPage(IReadOnlyList<ConnectionEdge> Edges, ConnectionPageInfo PageInfo, int TotalCount)
{
    /// <summary>The rows of the edges, as a list: read only when a query selects <c>nodes</c>, and indexable, so the
    /// execution strategy can answer a list of plain fields without a node per item (<c>Schema/FlatListExecutionStrategy</c>).</summary>
    public IReadOnlyList<WaldurRow> Nodes
    {
        get
        {
            var nodes = new WaldurRow[Edges.Count];
            for (var i = 0; i < nodes.Length; i++)
            {
                nodes[i] = Edges[i].Node;
            }

            return nodes;
        }
    }
}
