namespace Waldur.GraphGateway.Types.Documents;

/// <summary>A fold into a set of names. Values are shared (a fragment's by every spread), so a union is a new set.</summary>
internal abstract class NameSetFold(FragmentMap fragments) : SelectionFold<IReadOnlySet<string>>(fragments)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    protected override IReadOnlySet<string> Empty => None;

    protected override IReadOnlySet<string> Combine(IReadOnlySet<string> left, IReadOnlySet<string> right)
    {
        if (right.Count == 0 || left.IsSupersetOf(right))
        {
            return left;
        }

        if (left.Count == 0)
        {
            return right;
        }

        var union = new HashSet<string>(left, StringComparer.Ordinal);
        union.UnionWith(right);
        return union;
    }
}
