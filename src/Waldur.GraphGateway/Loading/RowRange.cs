using Waldur.GraphGateway.WaldurApi;
namespace Waldur.GraphGateway.Loading;

/// <summary>Contiguous rows of Waldur's order: <see cref="Rows"/>[i] is at position <see cref="Start"/> + i of <see cref="Total"/>.</summary>
internal sealed record RowRange(int Start, IReadOnlyList<WaldurRow> Rows, int Total)
{
    public int End => Start + Rows.Count;
}
