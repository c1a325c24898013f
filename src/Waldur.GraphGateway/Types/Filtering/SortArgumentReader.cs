using System.Collections;
using Waldur.GraphGateway.Loading.Sorting;

namespace Waldur.GraphGateway.Types.Filtering;

/// <summary>
/// Reads <c>order: [XSortInput!]</c>: entries apply in list order, and fields inside one entry in the order written
/// (HotChocolate's rule). A field set to null is ignored.
/// </summary>
internal static class SortArgumentReader
{
    public static IReadOnlyList<SortKey> Read(object? input)
    {
        if (input is not IEnumerable entries)
        {
            return [];
        }

        var keys = new List<SortKey>();
        foreach (var entry in entries.OfType<IDictionary<string, object?>>())
        {
            foreach (var (field, direction) in entry)
            {
                if (direction is string d)
                {
                    keys.Add(new SortKey(field, d == SortEnumTypeGraphType.Descending));
                }
            }
        }

        return keys;
    }
}
