namespace Waldur.Emulator.Waldur.Generic;

/// <summary>
/// <c>o</c> on a generic list (C5). django-filter's <c>OrderingFilter</c> (the spec lists its keys as an enum): one
/// comma-separated value, <c>-</c> descending, the first key outside the enum a 400. DRF's <c>OrderingFilter</c> (a plain
/// string in the spec): terms that are not item properties are dropped, never a 400. A key that is not an item property
/// (e.g. <c>customer_name</c> on a row without that key) is accepted and does not change the order. Nulls sort as
/// PostgreSQL does (last ascending, first descending). Ties, and the default order, go by the row's generation index,
/// the emulator's primary key (Waldur gives no tie-breaker, U16; the emulator picks pk so runs are repeatable).
/// </summary>
internal static class GenericOrder
{
    public static Comparison<GenericRow> Read(
        IReadOnlyList<string>? keys, SpecSchema item, string? o, List<KeyValuePair<string, string>> errors)
    {
        var terms = new List<(int Index, bool Descending)>();
        foreach (var part in keys is null || string.IsNullOrEmpty(o) ? [] : o.Split(','))
        {
            var term = keys!.Count == 0 ? part.Trim() : part;
            var field = term.StartsWith('-') ? term[1..] : term;
            if (term.Length == 0 || (keys.Count == 0 && GenericFilter.IndexOf(item, field) < 0))
            {
                continue;
            }

            if (keys.Count > 0 && !keys.Contains(field, StringComparer.Ordinal))
            {
                errors.Add(new("o", $"Select a valid choice. {term} is not one of the available choices."));
                break;
            }

            terms.Add((GenericFilter.IndexOf(item, field), term[0] == '-'));
        }

        return (x, y) =>
        {
            foreach (var (index, descending) in terms)
            {
                var result = index < 0 ? 0 : Compare(x.Values[index], y.Values[index]);
                if (result != 0)
                {
                    return descending ? -result : result;
                }
            }

            return x.Pk.CompareTo(y.Pk);
        };
    }

    private static int Compare(object? x, object? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        (string a, string b) => string.CompareOrdinal(a, b),
        (decimal a, decimal b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        _ => 0,
    };
}
