using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading.Sorting;

/// <summary>
/// The gateway's total order over rows: the requested keys, then <c>uuid</c> ascending as the tie-breaker Waldur
/// lacks (U16), so every plan (one page or a scan) yields the same sequence and offsets in cursors stay meaningful.
/// Nulls sort as Waldur's database sorts them for <c>o</c> (PostgreSQL: last ascending, first descending), so a page Waldur
/// ordered and a page the gateway ordered after a scan agree even where a key is null. The default-order field
/// compares by the rank Waldur gave it (<paramref name="defaultOrderRank"/>) when known, so the gateway orders names with
/// Waldur's own collation, and a page answered from one Waldur page agrees with a page answered from a scan.
/// </summary>
internal sealed class RowComparer(
    IReadOnlyList<SortKey> keys,
    ListResource resource,
    IReadOnlyDictionary<string, int>? defaultOrderRank) : IComparer<WaldurRow>
{
    public int Compare(WaldurRow? x, WaldurRow? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        foreach (var key in keys)
        {
            var order = CompareKey(key.Field, x, y);
            if (order != 0)
            {
                return key.Descending ? -order : order;
            }
        }

        return string.CompareOrdinal(x.Uuid, y.Uuid);
    }

    private int CompareKey(string field, WaldurRow x, WaldurRow y)
    {
        if (field == resource.DefaultOrderField && defaultOrderRank is not null
            && defaultOrderRank.TryGetValue(resource.DefaultOrderKey(x), out var rx)
            && defaultOrderRank.TryGetValue(resource.DefaultOrderKey(y), out var ry))
        {
            return rx.CompareTo(ry);
        }

        var get = resource.Fields[field].Get;
        return CompareValues(get(x), get(y));
    }

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        (string sa, string sb) => string.CompareOrdinal(sa, sb),
        (IComparable ca, _) => ca.CompareTo(b),
        _ => 0,
    };
}
