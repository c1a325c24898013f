namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// One parent asking a <see cref="ChildRowsDataLoader"/> for its children: its uuid and its values of the batch's
/// ancestor fields (aligned with <see cref="ChildBatch.Ancestors"/>). Keys are the parent: ancestors follow from it.
/// </summary>
internal sealed record ChildKey(string Parent, IReadOnlyList<string?> Ancestors)
{
    public static IEqualityComparer<ChildKey> ByParent { get; } = new ParentComparer();

    private sealed class ParentComparer : IEqualityComparer<ChildKey>
    {
        public bool Equals(ChildKey? x, ChildKey? y) => string.Equals(x?.Parent, y?.Parent, StringComparison.Ordinal);

        public int GetHashCode(ChildKey obj) => StringComparer.Ordinal.GetHashCode(obj.Parent);
    }
}
