using System.Buffers;
using System.Collections;

namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// Evaluates a filter over rows in the gateway. Semantics follow LINQ-to-objects as HotChocolate's in-memory
/// filtering does (a negation is <c>!positive</c>, so <c>neq</c>/<c>nin</c>/<c>ngt</c> match nulls; comparisons with
/// null are false), except that contains/startsWith/endsWith ignore case, as Waldur's <c>name</c> filter does (U9),
/// so a predicate means the same whether Waldur or the gateway evaluates it. eq/in are exact (ordinal).
/// <para><see cref="Compile"/> does the per-filter work once (field lookups, operation dispatch, <c>in</c> lists as
/// hash sets, an <c>or</c> of <c>contains</c> as one multi-string search), so evaluating a row is a walk of delegates
/// with no allocation (issue 17).</para>
/// </summary>
internal static class FilterEvaluator
{
    private static readonly Func<object, bool> Always = static _ => true;

    public static bool Matches(FilterNode? filter, object row, FieldSet fields) => Compile(filter, fields)(row);

    /// <summary>The filter as one predicate over rows of <paramref name="fields"/>; build it once, run it per row.</summary>
    public static Func<object, bool> Compile(FilterNode? filter, FieldSet fields) => filter switch
    {
        null => Always,
        AllOfFilter all => AllOf([.. Grouped(all.Parts, FilterOperations.NContains, fields), .. Ungrouped(all.Parts, FilterOperations.NContains, fields)]),
        AnyOfFilter any => AnyOf([.. Grouped(any.Parts, FilterOperations.Contains, fields), .. Ungrouped(any.Parts, FilterOperations.Contains, fields)]),
        FieldFilter f => CompileField(f, fields[f.Field].Get),
        ListFieldFilter l => CompileList(l, fields),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Unknown filter node."),
    };

    /// <summary>
    /// The <c>contains</c> alternatives of an <c>or</c> (or the <c>ncontains</c> conjuncts of an <c>and</c>, its
    /// negation), one predicate per field: a row's value is searched once for all of them (<see cref="SearchValues{T}"/>,
    /// ordinal ignoring case, as <c>string.Contains</c> with <c>OrdinalIgnoreCase</c> does), not once per term. The other
    /// parts keep their own predicates; neither <c>and</c> nor <c>or</c> has an order to keep, every part being a pure test.
    /// </summary>
    private static IEnumerable<Func<object, bool>> Grouped(IReadOnlyList<FilterNode> parts, string operation, FieldSet fields) =>
        parts.Where(p => IsSearchTerm(p, operation)).Cast<FieldFilter>().GroupBy(f => f.Field, StringComparer.Ordinal).Select(group =>
        {
            var get = fields[group.Key].Get;
            var needles = SearchValues.Create([.. group.Select(f => (string)f.Value!).Distinct(StringComparer.Ordinal)], StringComparison.OrdinalIgnoreCase);
            Func<object, bool> any = row => get(row) is string value && value.AsSpan().ContainsAny(needles);
            return operation == FilterOperations.Contains ? any : Not(any);
        });

    private static IEnumerable<Func<object, bool>> Ungrouped(IReadOnlyList<FilterNode> parts, string operation, FieldSet fields) =>
        parts.Where(p => !IsSearchTerm(p, operation)).Select(p => Compile(p, fields));

    private static bool IsSearchTerm(FilterNode part, string operation) =>
        part is FieldFilter { Value: string { Length: > 0 } } field && field.Operation == operation;

    private static Func<object, bool> AllOf(Func<object, bool>[] parts) => parts.Length switch
    {
        0 => Always,
        1 => parts[0],
        _ => row =>
        {
            foreach (var part in parts)
            {
                if (!part(row))
                {
                    return false;
                }
            }

            return true;
        },
    };

    private static Func<object, bool> AnyOf(Func<object, bool>[] parts) => parts.Length switch
    {
        0 => static _ => false,
        1 => parts[0],
        _ => row =>
        {
            foreach (var part in parts)
            {
                if (part(row))
                {
                    return true;
                }
            }

            return false;
        },
    };

    private static Func<object, bool> CompileList(ListFieldFilter filter, FieldSet fields)
    {
        var definition = fields[filter.Field];
        var get = definition.Get;
        if (filter.Quantifier == FilterOperations.Any)
        {
            var wanted = filter.AnyValue;
            return row => HasElements(get(row)) == wanted;
        }

        var element = Compile(filter.Element, definition.Elements!);
        return filter.Quantifier switch
        {
            FilterOperations.Some => row => AnyElement(get(row), element, true),
            FilterOperations.All => row => !AnyElement(get(row), element, false),
            FilterOperations.None => row => !AnyElement(get(row), element, true),
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Quantifier, "Unknown list quantifier."),
        };
    }

    private static bool HasElements(object? list) => list switch
    {
        null => false,
        ICollection collection => collection.Count > 0,
        IEnumerable items => items.GetEnumerator().MoveNext(),
        _ => false,
    };

    /// <summary>Whether some element's match equals <paramref name="outcome"/> (all: no element fails).</summary>
    private static bool AnyElement(object? list, Func<object, bool> element, bool outcome)
    {
        if (list is IList indexed)
        {
            for (var i = 0; i < indexed.Count; i++)
            {
                if (element(indexed[i]!) == outcome)
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var item in (IEnumerable?)list ?? Array.Empty<object>())
        {
            if (element(item) == outcome)
            {
                return true;
            }
        }

        return false;
    }

    private static Func<object, bool> CompileField(FieldFilter filter, Func<object, object?> get)
    {
        var operand = filter.Value;
        return filter.Operation switch
        {
            FilterOperations.Eq => Equality(get, operand),
            FilterOperations.Neq => Not(Equality(get, operand)),
            FilterOperations.In => Membership(get, operand),
            FilterOperations.Nin => Not(Membership(get, operand)),
            FilterOperations.Contains => Text(get, operand, static (v, s) => v.Contains(s, StringComparison.OrdinalIgnoreCase)),
            FilterOperations.NContains => Not(Text(get, operand, static (v, s) => v.Contains(s, StringComparison.OrdinalIgnoreCase))),
            FilterOperations.StartsWith => Text(get, operand, static (v, s) => v.StartsWith(s, StringComparison.OrdinalIgnoreCase)),
            FilterOperations.NStartsWith => Not(Text(get, operand, static (v, s) => v.StartsWith(s, StringComparison.OrdinalIgnoreCase))),
            FilterOperations.EndsWith => Text(get, operand, static (v, s) => v.EndsWith(s, StringComparison.OrdinalIgnoreCase)),
            FilterOperations.NEndsWith => Not(Text(get, operand, static (v, s) => v.EndsWith(s, StringComparison.OrdinalIgnoreCase))),
            FilterOperations.Gt => row => Compare(get(row), operand) is > 0,
            FilterOperations.Ngt => row => Compare(get(row), operand) is not > 0,
            FilterOperations.Gte => row => Compare(get(row), operand) is >= 0,
            FilterOperations.Ngte => row => Compare(get(row), operand) is not >= 0,
            FilterOperations.Lt => row => Compare(get(row), operand) is < 0,
            FilterOperations.Nlt => row => Compare(get(row), operand) is not < 0,
            FilterOperations.Lte => row => Compare(get(row), operand) is <= 0,
            FilterOperations.Nlte => row => Compare(get(row), operand) is not <= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Operation, "Unknown filter operation."),
        };
    }

    private static Func<object, bool> Not(Func<object, bool> positive) => row => !positive(row);

    private static Func<object, bool> Equality(Func<object, object?> get, object? expected) => expected switch
    {
        null => row => get(row) is null,
        string text => row => get(row) is string value && string.Equals(value, text, StringComparison.Ordinal),
        _ => row => get(row) is { } value && value.Equals(expected),
    };

    /// <summary>
    /// <c>in</c> as a hash set: strings compare ordinally and the other normalised values (<c>long</c>, <c>bool</c>,
    /// <c>DateTimeOffset</c>) by their own <c>Equals</c>, exactly as one <c>eq</c> per value would.
    /// </summary>
    private static Func<object, bool> Membership(Func<object, object?> get, object? list)
    {
        if (list is not IEnumerable items)
        {
            return static _ => false;
        }

        var values = new HashSet<object>();
        var hasNull = false;
        foreach (var item in items)
        {
            if (item is null)
            {
                hasNull = true;
            }
            else
            {
                values.Add(item);
            }
        }

        return row => get(row) is { } value ? values.Contains(value) : hasNull;
    }

    private static Func<object, bool> Text(Func<object, object?> get, object? operand, Func<string, string, bool> test) =>
        operand is string text
            ? row => get(row) is string value && test(value, text)
            : static _ => false;

    /// <summary>Null on either side: no order (the comparison operators are all false, their negations true).</summary>
    private static int? Compare(object? value, object? operand) =>
        value is IComparable c && operand is not null && value.GetType() == operand.GetType() ? c.CompareTo(operand) : null;
}
