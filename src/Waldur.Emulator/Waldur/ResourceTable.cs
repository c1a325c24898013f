using System.Collections.Concurrent;
using System.Text;

namespace Waldur.Emulator.Waldur;

/// <summary>
/// A resource declared as data: its rows, its filter table (in the filter set's field order, which is the order of
/// validation errors), its <c>o</c> choices (empty: <c>o</c> is ignored, as for a filter set without an
/// <c>OrderingFilter</c>) and its default order (the view's <c>queryset.order_by</c>). Rows tie-break by <see cref="Id"/>
/// (insertion order), the emulator's stand-in for "the order the database chooses" (U16). Every token sees every row
/// unless <see cref="Visible"/> says otherwise. Sorted orders and the by-uuid index are kept per <see cref="Version"/>;
/// large tables also keep each token's visible rows and recent filtered lists (<see cref="CacheLists"/>) and each row's
/// serialised JSON per host (<see cref="CacheJson"/>).
/// </summary>
internal sealed class ResourceTable<TRow> : IEmulatedResource
    where TRow : class
{
    // The per-host JSON of a few distinct hosts is kept (urls depend on the Host header, U6); other hosts are serialised
    // per request. At most this many filtered lists are kept; when full, they are all dropped.
    private const int MaxHosts = 16;
    private const int MaxFiltered = 32;
    private static readonly HashSet<string> PagingParameters = new(["page", "page_size"], StringComparer.Ordinal);

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

    /// <summary>What is kept for one <see cref="Version"/>: the rows then, and lists of positions into them.</summary>
    private sealed class Cache(long version, TRow[] rows, Dictionary<string, int> byUuid)
    {
        public long Version { get; } = version;

        public TRow[] Rows { get; } = rows;

        public Dictionary<string, int> ByUuid { get; } = byUuid;

        /// <summary>Order key → every row in that order.</summary>
        public ConcurrentDictionary<string, int[]> Sorted { get; } = new(StringComparer.Ordinal);

        /// <summary>(token, order key) → the rows the token sees, in that order (<see cref="CacheLists"/>).</summary>
        public ConcurrentDictionary<(string Token, string Order), int[]> Views { get; } = new();

        /// <summary>(token or "", query key) → the filtered list (<see cref="CacheLists"/>).</summary>
        public ConcurrentDictionary<(string Token, string Query), int[]> Filtered { get; } = new();

        /// <summary>Base url → each row's JSON by position, filled lazily (<see cref="CacheJson"/>).</summary>
        public ConcurrentDictionary<string, byte[]?[]> Json { get; } = new(StringComparer.Ordinal);
    }

    private Cache Current()
    {
        var version = Version?.Invoke() ?? 0;
        var cache = Volatile.Read(ref _cache);
        if (cache is null || cache.Version != version)
        {
            var rows = Rows.ToArray();
            var byUuid = new Dictionary<string, int>(rows.Length, StringComparer.Ordinal);
            for (var i = 0; i < rows.Length; i++)
            {
                byUuid.Add(_uuid(rows[i]), i);
            }

            cache = new Cache(version, rows, byUuid);
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

    /// <summary>Keep, until <see cref="Version"/> moves, each token's visible rows per order and the last
    /// <see cref="MaxFiltered"/> filtered lists (keyed by the query without paging), so paging through a large list
    /// does not rescan it. Only for tables whose <see cref="Visible"/> and filters depend on nothing but the row, the
    /// query, the token and <see cref="Version"/>.</summary>
    public bool CacheLists { get; init; }

    /// <summary>Keep each row's JSON per base url (U6) for <see cref="MaxHosts"/> hosts until <see cref="Version"/>
    /// moves, so a page only concatenates bytes. Only for tables whose <see cref="Json"/> depends on nothing but the
    /// row and the base url, and whose rows change only with <see cref="Version"/>. Not used with <c>field=</c>.</summary>
    public bool CacheJson { get; init; }

    /// <summary>DRF's <c>rest_framework.filters.OrderingFilter</c> (C5b): unknown <c>o</c> terms are dropped, never a 400;
    /// with none left the default order stays.</summary>
    public bool LenientOrdering { get; init; }

    public IResourceQuery Prepare(QueryString query, string token)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<KeyValuePair<string, string>>();
        var predicates = new List<Func<TRow, bool>>();
        if (Visible is { } visible && !CacheLists)
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

        return new Query(this, query, errors, predicates, order, Fields(query));
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

    private static int[] Sorted(ResourceTable<TRow> table, Cache cache, string order) =>
        cache.Sorted.TryGetValue(order, out var sorted) ? sorted : cache.Sorted.GetOrAdd(order, Sort(table, cache.Rows, order));

    private static int[] Sort(ResourceTable<TRow> table, TRow[] rows, string key)
    {
        Comparison<TRow> compare;
        if (key.Length == 0)
        {
            compare = table.DefaultOrder;
        }
        else
        {
            var keys = key.Split(',').Select(k => (Descending: k[0] == '-', Order: table.Orderings.First(c => c.Name == k.TrimStart('-')))).ToArray();
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

        var positions = Enumerable.Range(0, rows.Length).ToArray();
        Array.Sort(positions, (x, y) =>
        {
            var result = compare(rows[x], rows[y]);
            return result != 0 ? result : table.Id(rows[x]).CompareTo(table.Id(rows[y]));
        });
        return positions;
    }

    /// <summary>A row's JSON: from the per-host cache when <see cref="CacheJson"/> is set and every field is asked for.</summary>
    private byte[] Utf8(Cache cache, byte[]?[]? host, int position, string baseUrl, HashSet<string>? fields)
    {
        if (host is null || fields is not null)
        {
            return Encoding.UTF8.GetBytes(Json(cache.Rows[position], baseUrl, fields));
        }

        // A benign race: two threads may serialise the same row; both produce identical bytes.
        return host[position] ??= Encoding.UTF8.GetBytes(Json(cache.Rows[position], baseUrl, null));
    }

    private byte[]?[]? HostJson(Cache cache, string baseUrl)
    {
        if (!CacheJson)
        {
            return null;
        }

        if (cache.Json.TryGetValue(baseUrl, out var host))
        {
            return host;
        }

        return cache.Json.Count >= MaxHosts ? null : cache.Json.GetOrAdd(baseUrl, _ => new byte[cache.Rows.Length][]);
    }

    // Whether a token changes the rows a query selects (beyond Visible, which CacheLists keeps per token anyway).
    private bool TokenKeyed => Visible is not null || Filters.Any(f => f.ReadsToken);

    private sealed class Query(
        ResourceTable<TRow> table, QueryString query, List<KeyValuePair<string, string>> errors, List<Func<TRow, bool>> predicates,
        string order, HashSet<string>? fields) : IResourceQuery
    {
        public IReadOnlyList<KeyValuePair<string, string>> Errors => errors;

        public IResourceRows List(string token)
        {
            var cache = table.Current();
            var visible = Visible(cache, token);
            int[] positions;
            if (predicates.Count == 0)
            {
                positions = visible;
            }
            else if (!table.CacheLists)
            {
                positions = Filter(cache, visible);
            }
            else
            {
                // Clients page through the same filtered list again and again; a few kept lists spare the rescans.
                var key = (table.TokenKeyed ? token : "", query.Key(PagingParameters));
                if (!cache.Filtered.TryGetValue(key, out positions!))
                {
                    if (cache.Filtered.Count >= MaxFiltered)
                    {
                        cache.Filtered.Clear();
                    }

                    positions = cache.Filtered[key] = Filter(cache, visible);
                }
            }

            return new RowSet(table, cache, fields, positions);
        }

        public byte[]? Retrieve(string uuid, string token, string baseUrl)
        {
            var cache = table.Current();
            if (!cache.ByUuid.TryGetValue(uuid, out var position))
            {
                return null;
            }

            var row = cache.Rows[position];
            var visible = !table.CacheLists || table.Visible is not { } rule || rule(token, row);
            return visible && Matches(row) ? table.Utf8(cache, table.HostJson(cache, baseUrl), position, baseUrl, fields) : null;
        }

        // Every row in order, or with CacheLists and Visible the token's rows, kept per token and order.
        private int[] Visible(Cache cache, string token)
        {
            var sorted = Sorted(table, cache, order);
            if (!table.CacheLists || table.Visible is not { } rule)
            {
                return sorted;
            }

            return cache.Views.TryGetValue((token, order), out var view) ? view : cache.Views.GetOrAdd((token, order), Visible(cache.Rows, sorted, rule, token));
        }

        private static int[] Visible(TRow[] rows, int[] sorted, Func<string, TRow, bool> rule, string token) =>
            [.. sorted.Where(p => rule(token, rows[p]))];

        private int[] Filter(Cache cache, int[] positions) => [.. positions.Where(p => Matches(cache.Rows[p]))];

        private bool Matches(TRow row) => predicates.TrueForAll(p => p(row));
    }

    private sealed class RowSet(ResourceTable<TRow> table, Cache cache, HashSet<string>? fields, int[] positions) : IResourceRows
    {
        private string? _baseUrl;
        private byte[]?[]? _host;

        public int Count => positions.Length;

        public byte[] Json(int index, string baseUrl)
        {
            if (!string.Equals(_baseUrl, baseUrl, StringComparison.Ordinal))
            {
                _host = table.HostJson(cache, baseUrl);
                _baseUrl = baseUrl;
            }

            return table.Utf8(cache, _host, positions[index], baseUrl, fields);
        }
    }
}
