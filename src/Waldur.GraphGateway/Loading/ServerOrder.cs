using Microsoft.Extensions.Primitives;
using Waldur.GraphGateway.Loading.Sorting;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// The order Waldur returns a window in: its default (name ascending, no <c>o</c>), or the longest prefix of the
/// requested order made of keys Waldur sorts itself, sent as one comma-separated <c>o</c> (U15). Either way rows with
/// equal values for every key (a run) come back in an order the database chooses (U16); this says which rows form a
/// run and how to re-read one run exactly: each key's exact parameter set to the run's value, on top of the request's
/// pushed filters (U10, U11).
/// </summary>
internal sealed class ServerOrder
{
    private readonly Key[] _keys;

    private ServerOrder(string? ordering, Key[] keys)
    {
        Ordering = ordering;
        _keys = keys;
    }

    /// <summary>The <c>o</c> value, or null for Waldur's default order.</summary>
    public string? Ordering { get; }

    /// <summary>The server order for a requested order, or null when Waldur cannot produce any prefix of it.</summary>
    public static ServerOrder? For(ListResource resource, IReadOnlyList<SortKey> order, Func<ServerSortRule, bool>? sorts = null)
    {
        if (resource.KnowsDefaultOrder && order[0] == new SortKey(resource.DefaultOrderField, false))
        {
            var name = resource.DefaultOrderKey;
            return new ServerOrder(null, [new Key(resource.DefaultOrderField, resource.DefaultOrderExactParameter, r => name(r), false)]);
        }

        var keys = new List<Key>();
        var parts = new List<string>();
        foreach (var sort in order)
        {
            var rule = resource.ServerSort?.FirstOrDefault(r => r.Field == sort.Field && (sorts is null || sorts(r)));
            if (rule is null || keys.Any(k => k.Field == sort.Field))
            {
                // A repeated key orders nothing more; keys past the prefix are the gateway's, within runs.
                break;
            }

            var get = resource.Fields[rule.Field].Get;
            keys.Add(new Key(rule.Field, rule.ExactParameter, r => get(r) as string, sort.Descending));
            parts.Add((sort.Descending ? "-" : "") + rule.OrderingKey);
        }

        return keys.Count == 0 ? null : new ServerOrder(string.Join(',', parts), [.. keys]);
    }

    public bool SameRun(WaldurRow a, WaldurRow b)
    {
        // A loop, not All(): this runs for every fetched row of every window, and a lambda over a and b is a closure each.
        foreach (var key in _keys)
        {
            if (!string.Equals(key.Value(a), key.Value(b), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="b"/> may follow <paramref name="a"/> as the gateway orders the keys (ordinally). Waldur's
    /// default order is followed as it comes (the gateway ranks names by Waldur's collation); an <c>o</c> order must
    /// agree with the gateway's, or offsets would count rows the gateway places elsewhere.
    /// </summary>
    public bool InOrder(WaldurRow a, WaldurRow b)
    {
        if (Ordering is null)
        {
            return true;
        }

        foreach (var key in _keys)
        {
            var (x, y) = (key.Value(a), key.Value(b));
            var order = x is null ? (y is null ? 0 : -1) : y is null ? 1 : string.CompareOrdinal(x, y);
            if (order != 0)
            {
                return (key.Descending ? -order : order) < 0;
            }
        }

        return true;
    }

    /// <summary>
    /// The filters that select exactly the run of <paramref name="row"/>, or null when Waldur cannot select it: a key
    /// without an exact parameter, an empty value (ignored, U11), a padded value (django-filter strips it), a NUL
    /// (rejected), or a parameter the request already pins to another value (then the row cannot belong to the answer,
    /// and the scan sorts the disagreement out).
    /// </summary>
    public SortedDictionary<string, StringValues>? RunFilters(WaldurListQuery query, WaldurRow row)
    {
        var filters = new SortedDictionary<string, StringValues>(query.Filters, StringComparer.Ordinal);
        foreach (var key in _keys)
        {
            var value = key.Value(row);
            if (key.Parameter is null || string.IsNullOrEmpty(value) || value.Trim().Length != value.Length || value.Contains('\0', StringComparison.Ordinal)
                || (filters.TryGetValue(key.Parameter, out var pinned) && pinned != value))
            {
                return null;
            }

            filters[key.Parameter] = value;
        }

        return filters;
    }

    private sealed record Key(string Field, string? Parameter, Func<WaldurRow, string?> Value, bool Descending);
}
