using System.Collections;

namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// Evaluates a filter over one row in the gateway. Semantics follow LINQ-to-objects as HotChocolate's in-memory
/// filtering does (a negation is <c>!positive</c>, so <c>neq</c>/<c>nin</c>/<c>ngt</c> match nulls; comparisons with
/// null are false), except that contains/startsWith/endsWith ignore case, as Waldur's <c>name</c> filter does (U9),
/// so a predicate means the same whether Waldur or the gateway evaluates it. eq/in are exact (ordinal).
/// </summary>
public static class FilterEvaluator
{
    public static bool Matches(FilterNode? filter, object row, FieldSet fields) => filter switch
    {
        null => true,
        AllOfFilter all => all.Parts.All(p => Matches(p, row, fields)),
        AnyOfFilter any => any.Parts.Any(p => Matches(p, row, fields)),
        FieldFilter f => MatchesField(f, fields[f.Field].Get(row)),
        ListFieldFilter l => MatchesList(l, row, fields),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Unknown filter node."),
    };

    private static bool MatchesList(ListFieldFilter filter, object row, FieldSet fields)
    {
        var definition = fields[filter.Field];
        var elements = ((IEnumerable?)definition.Get(row))?.Cast<object>().ToList() ?? [];
        var elementFields = definition.Elements!;
        return filter.Quantifier switch
        {
            FilterOperations.Any => elements.Count > 0 == filter.AnyValue,
            FilterOperations.Some => elements.Any(e => Matches(filter.Element, e, elementFields)),
            FilterOperations.All => elements.All(e => Matches(filter.Element, e, elementFields)),
            FilterOperations.None => !elements.Any(e => Matches(filter.Element, e, elementFields)),
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Quantifier, "Unknown list quantifier."),
        };
    }

    private static bool MatchesField(FieldFilter filter, object? value) => filter.Operation switch
    {
        FilterOperations.Eq => Equal(value, filter.Value),
        FilterOperations.Neq => !Equal(value, filter.Value),
        FilterOperations.In => InList(value, filter.Value),
        FilterOperations.Nin => !InList(value, filter.Value),
        FilterOperations.Contains => Text(value, filter.Value, (v, s) => v.Contains(s, StringComparison.OrdinalIgnoreCase)),
        FilterOperations.NContains => !Text(value, filter.Value, (v, s) => v.Contains(s, StringComparison.OrdinalIgnoreCase)),
        FilterOperations.StartsWith => Text(value, filter.Value, (v, s) => v.StartsWith(s, StringComparison.OrdinalIgnoreCase)),
        FilterOperations.NStartsWith => !Text(value, filter.Value, (v, s) => v.StartsWith(s, StringComparison.OrdinalIgnoreCase)),
        FilterOperations.EndsWith => Text(value, filter.Value, (v, s) => v.EndsWith(s, StringComparison.OrdinalIgnoreCase)),
        FilterOperations.NEndsWith => !Text(value, filter.Value, (v, s) => v.EndsWith(s, StringComparison.OrdinalIgnoreCase)),
        FilterOperations.Gt => Compare(value, filter.Value) is > 0,
        FilterOperations.Ngt => Compare(value, filter.Value) is not > 0,
        FilterOperations.Gte => Compare(value, filter.Value) is >= 0,
        FilterOperations.Ngte => Compare(value, filter.Value) is not >= 0,
        FilterOperations.Lt => Compare(value, filter.Value) is < 0,
        FilterOperations.Nlt => Compare(value, filter.Value) is not < 0,
        FilterOperations.Lte => Compare(value, filter.Value) is <= 0,
        FilterOperations.Nlte => Compare(value, filter.Value) is not <= 0,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Operation, "Unknown filter operation."),
    };

    private static bool Equal(object? value, object? expected) => value switch
    {
        null => expected is null,
        string s => expected is string e && string.Equals(s, e, StringComparison.Ordinal),
        _ => value.Equals(expected),
    };

    private static bool InList(object? value, object? list) =>
        list is IEnumerable items && items.Cast<object?>().Any(item => Equal(value, item));

    private static bool Text(object? value, object? operand, Func<string, string, bool> test) =>
        value is string v && operand is string s && test(v, s);

    /// <summary>Null on either side: no order (the comparison operators are all false, their negations true).</summary>
    private static int? Compare(object? value, object? operand) =>
        value is IComparable c && operand is not null && value.GetType() == operand.GetType() ? c.CompareTo(operand) : null;
}
