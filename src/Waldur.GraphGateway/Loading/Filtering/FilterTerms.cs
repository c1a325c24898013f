namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// How many tests a filter runs on one row: one per operation (an <c>in</c> is one hash lookup), one per empty
/// <c>and</c>/<c>or</c> part, and a list quantifier's element filter once (per element, which this does not know).
/// </summary>
public static class FilterTerms
{
    public static int Count(FilterNode? filter) => filter switch
    {
        null => 0,
        AllOfFilter all => Parts(all.Parts),
        AnyOfFilter any => Parts(any.Parts),
        ListFieldFilter list => Math.Max(1, Count(list.Element)),
        _ => 1,
    };

    private static int Parts(IReadOnlyList<FilterNode> parts) => Math.Max(1, parts.Sum(Count));
}
