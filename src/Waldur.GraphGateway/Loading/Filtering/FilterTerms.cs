using System.Collections;

namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// How many tests a filter runs on one row, for the residual work budget: one per operation (an <c>in</c> is one hash
/// lookup), one per empty <c>and</c>/<c>or</c> part, and a list quantifier's element filter once per element, the
/// elements counted on sample rows (a scan's first page, or the rows in hand).
/// </summary>
internal static class FilterTerms
{
    public static double PerRow(FilterNode? filter, FieldSet fields, IEnumerable<object> sample)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(sample);
        return Cost(filter, fields, [.. sample]);
    }

    private static double Cost(FilterNode? filter, FieldSet fields, IReadOnlyList<object> sample) => filter switch
    {
        null => 0,
        AllOfFilter all => Parts(all.Parts, fields, sample),
        AnyOfFilter any => Parts(any.Parts, fields, sample),
        ListFieldFilter { Quantifier: FilterOperations.Any } => 1,
        ListFieldFilter list => ListCost(list, fields, sample),
        _ => 1,
    };

    private static double Parts(IReadOnlyList<FilterNode> parts, FieldSet fields, IReadOnlyList<object> sample) =>
        Math.Max(1, parts.Sum(p => Cost(p, fields, sample)));

    private static double ListCost(ListFieldFilter list, FieldSet fields, IReadOnlyList<object> sample)
    {
        var definition = fields[list.Field];
        var elements = sample.SelectMany(row => ((IEnumerable?)definition.Get(row))?.Cast<object>() ?? []).ToList();
        var perRow = sample.Count == 0 ? 1 : Math.Max(1, (double)elements.Count / sample.Count);
        return perRow * Math.Max(1, Cost(list.Element, definition.Elements!, elements));
    }
}
