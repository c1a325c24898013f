namespace Waldur.GraphGateway.Loading;

/// <summary>
/// The row a reverse connection hangs from, as the connection needs it: its uuid, the child field pointing at it
/// (<see cref="Via"/>), and its values of the connection's ancestor fields (nearest first; null where the row has none).
/// </summary>
internal sealed record ReverseParent(string Via, string Uuid, IReadOnlyList<KeyValuePair<string, string?>> Ancestors)
{
    public ReverseParent(string via, string uuid)
        : this(via, uuid, [])
    {
    }
}
