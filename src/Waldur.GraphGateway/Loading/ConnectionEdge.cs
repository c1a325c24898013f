using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.WaldurApi;
namespace Waldur.GraphGateway.Loading;

/// <summary>
/// A row and its position in the gateway's order. The cursor is encoded when a query reads it: a hash and a base64
/// string per row are wasted on the many queries that select only <c>nodes</c>.
/// </summary>
internal sealed record ConnectionEdge(WaldurRow Node, int Position, byte[] ArgumentsHash)
{
    public string Cursor => CursorCodec.Encode(Position, ArgumentsHash);
}
