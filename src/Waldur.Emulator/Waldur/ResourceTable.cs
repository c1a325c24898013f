using System.Collections.Concurrent;
using System.Text;

namespace Waldur.Emulator.Waldur;

/// <summary>
/// A resource declared as data: its rows, its filter table (in the filter set's field order, which is the order of
/// validation errors), its <c>o</c> choices (empty: <c>o</c> is ignored, as for a filter set without an
/// <c>OrderingFilter</c>) and its default order (the view's <c>queryset.order_by</c>). Rows tie-break by <see cref="Id"/>
/// (insertion order), the emulator's stand-in for "the order the database chooses" (U16). Every token sees every row.
/// </summary>
internal sealed class ResourceTable<TRow> : IEmulatedResource
    where TRow : class
{
    private readonly IReadOnlyList<TRow> _rows;
    private readonly Func<TRow, string> _uuid;
    private Cache? _cache;

    private readonly HashSet<string>? _fieldChoices;

    public ResourceTable(string prefix, string modelName, IReadOnlyList<TRow> rows, Func<TRow, int> id, Func<TRow, string> uuid)
    {
        Prefix = prefix;
        ModelName = modelName;
        _rows = rows;
        Id = id;
        _uuid = uuid;
        _fieldChoices = null;
    }

    public string Prefix { get; }

    public string ModelName { get; }

    public bool HasDetail { get; init; } = true;

    /// <summary>The rows now: <see cref="LiveRows"/> when set (a list the emulator's writes replace), else the rows given.</summary>
    public IReadOnlyList<TRow> Rows => LiveRows?.Invoke() ?? _rows;

    /// <summary>Where the current rows are read from, for lists that writes change (projects, orders, droplets, …).</summary>
    public Func<IReadOnlyList<TRow>>? LiveRows { get; init; }

    /// <summary>The data set's write version (<c>EmulatorDataset.Version</c>); when it moves, the sorted orders and the
    /// by-uuid index are rebuilt (a write may rename, add or remove rows). Null: the rows never change.</summary>
    public Func<long>? Version { get; init; }

    private sealed record Cache(long Version, ConcurrentDictionary<string, TRow[]> Sorted, Dictionary<string, TRow> ByUuid);

    private Cache Current()
    {
        var version = Version?.Invoke() ?? 0;
        var cache = Volatile.Read(ref _cache);
        if (cache is null || cache.Version != version)
        {
            cache = new Cache(version, new(StringComparer.Ordinal), Rows.ToDictionary(_uuid, StringComparer.Ordinal));
            Volatile.Write(ref _cache, cache);
        }

        return cache;
    }

    public Func<TRow, int> Id { get; }

    public required IReadOnlyList<TableFilter<TRow>> Filters { get; init; }

    public IReadOnlyList<TableOrder<TRow>> Orderings { get; init; } = [];

    public required Comparison<TRow> DefaultOrder { get; init; }

    /// <summary>Serialises a row under a base url (U6). The field set is null for "every field", else the requested
    /// <c>field=</c> names (only when <see cref="FieldChoices"/> is set).</summary>
    public required Func<TRow, string, IReadOnlySet<string>?, string> Json { get; init; }

    /// <summary>The serializer's field names that <c>field=</c> accepts (Waldur's <c>RestrictedSerializerMixin</c>);
    /// null when the serializer has no such mixin and <c>field</c> is ignored (U14a).</summary>
    public IReadOnlyCollection<string>? FieldChoices
    {
        get => _fieldChoices;
        init => _fieldChoices = value is null ? null : new HashSet<string>(value, StringComparer.Ordinal);
    }

    /// <summary>Who may see a row (token, row); null: every token sees every row. Applied to list and retrieve (C9).</summary>
    public Func<string, TRow, bool>? Visible { get; init; }

    /// <summary>DRF's <c>rest_framework.filters.OrderingFilter</c> (C5b): unknown <c>o</c> terms are dropped, never a 400;
    /// with none left the default order stays.</summary>
    public bool LenientOrdering { get; init; }

    public IResourceQuery Prepare(QueryString query, string token)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<KeyValuePair<string, string>>();
        var predicates = new List<Func<TRow, bool>>();
        if (Visible is { } visible)
        {
            predicates.Add(row => visible(token, row));
        }

        foreach (var filter in Filters)
        {
            if (filter.Read(query, token, errors) is { } predicate)
            {
                predicates.Add(predicate);
            }
        }

        var order = "";
        if (Orderings.Count > 0 && !TryParseOrder(query.Last("o"), out order, out var bad))
        {
            errors.Add(new("o", $"Select a valid choice. {bad} is not one of the available choices."));
        }

        return new Query(this, errors, predicates, order, Fields(query));
    }

    // RestrictedSerializerMixin.get_fields: the requested names the serializer knows; none known means every field.
    private HashSet<string>? Fields(QueryString query)
    {
        if (_fieldChoices is null)
        {
            return null;
        }

        var keys = query.All("field").Where(_fieldChoices.Contains).ToHashSet(StringComparer.Ordinal);
        return keys.Count == 0 ? null : keys;
    }

    // django-filter's OrderingFilter over a CSV value: empty elements skipped, the first unknown one reported (U15).
    private bool TryParseOrder(string? o, out string order, out string? bad)
    {
        order = "";
        bad = null;
        if (string.IsNullOrEmpty(o))
        {
            return true;
        }

        var keys = new List<string>();
        if (LenientOrdering)
        {
            // OrderingFilter.get_ordering: split on ",", strip, keep terms whose name (without "-") is a valid field.
            keys.AddRange(o.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0 && Orderings.Any(c => c.Name == t.TrimStart('-'))));
            order = string.Join(',', keys);
            return true;
        }

        foreach (var part in o.Split(','))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var field = part[0] == '-' ? part[1..] : part;
            if (!Orderings.Any(c => c.Name == field))
            {
                bad = part;
                return false;
            }

            keys.Add(part);
        }

        order = string.Join(',', keys);
        return true;
    }

    private TRow[] Sorted(string order) => Current().Sorted.GetOrAdd(order, key =>
    {
        Comparison<TRow> compare;
        if (key.Length == 0)
        {
            compare = DefaultOrder;
        }
        else
        {
            var keys = key.Split(',').Select(k => (Descending: k[0] == '-', Order: Orderings.First(c => c.Name == k.TrimStart('-')))).ToArray();
            compare = (x, y) =>
            {
                foreach (var (descending, ordering) in keys)
                {
                    var result = ordering.Compare(x, y);
                    if (result != 0)
                    {
                        return descending ? -result : result;
                    }
                }

                return 0;
            };
        }

        var copy = Rows.ToArray();
        Array.Sort(copy, (x, y) =>
        {
            var result = compare(x, y);
            return result != 0 ? result : Id(x).CompareTo(Id(y));
        });
        return copy;
    });

    private sealed class Query(
        ResourceTable<TRow> table, List<KeyValuePair<string, string>> errors, List<Func<TRow, bool>> predicates, string order,
        HashSet<string>? fields) : IResourceQuery
    {
        public IReadOnlyList<KeyValuePair<string, string>> Errors => errors;

        public IResourceRows List(string token)
        {
            var sorted = table.Sorted(order);
            return new RowSet(table, fields, predicates.Count == 0 ? sorted : sorted.Where(Matches).ToArray());
        }

        public byte[]? Retrieve(string uuid, string token, string baseUrl) =>
            table.Current().ByUuid.TryGetValue(uuid, out var row) && Matches(row)
                ? Encoding.UTF8.GetBytes(table.Json(row, baseUrl, fields))
                : null;

        private bool Matches(TRow row) => predicates.TrueForAll(p => p(row));
    }

    private sealed class RowSet(ResourceTable<TRow> table, HashSet<string>? fields, TRow[] rows) : IResourceRows
    {
        public int Count => rows.Length;

        public byte[] Json(int index, string baseUrl) => Encoding.UTF8.GetBytes(table.Json(rows[index], baseUrl, fields));
    }
}
