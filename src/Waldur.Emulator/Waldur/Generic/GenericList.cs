namespace Waldur.Emulator.Waldur.Generic;

/// <summary>
/// A list operation of the spec that no table-driven resource serves, bound to one request's path (<see cref="Prefix"/>
/// is the concrete path, so <c>Link</c> and 404 texts name it). Rows come from <see cref="GenericLists"/>; this class
/// applies the declared filters (<see cref="GenericFilter"/>), <c>o</c> and <c>field=</c>.
/// </summary>
internal sealed class GenericList(GenericLists owner, ListInstance instance) : IEmulatedResource
{
    private ListOperation Operation => instance.Operation;

    public string Prefix { get; } = instance.Path.TrimEnd('/');

    /// <summary>The list instance generic writes change (<see cref="GenericLists.Create"/>).</summary>
    public ListInstance Instance => instance;

    public string ModelName => Operation.ModelName;

    public bool HasDetail => Operation.Detail is not null;

    public bool Paged => Operation.Paged;

    public string? MissingParent(string token) => owner.MissingParent(instance, token);

    public string? Lookup(string raw)
    {
        var item = ListCatalog.Instance.Resolve(Operation.Item);
        var key = item.Properties.First(p => p.Key == Operation.Detail).Value;
        return ListCatalog.Instance.Resolve(key).Format == "uuid" ? UuidLookup.Normalize(raw) : raw;
    }

    public IResourceQuery Prepare(QueryString query, string token)
    {
        ArgumentNullException.ThrowIfNull(query);
        var item = ListCatalog.Instance.Resolve(Operation.Item);
        var errors = new List<KeyValuePair<string, string>>();
        var predicates = new List<Func<GenericRow, bool>>();
        foreach (var parameter in Operation.Parameters)
        {
            if (GenericFilter.Read(parameter, item, query, errors) is { } predicate)
            {
                predicates.Add(predicate);
            }
        }

        var order = GenericOrder.Read(Operation.Order, item, query.Last("o"), errors);
        return new Query(owner.Rows(instance), item, errors, predicates, order, Fields(item, query), Operation.Detail);
    }

    // RestrictedSerializerMixin (C8): the requested names the serializer knows, in serializer order; none known → all.
    private bool[]? Fields(SpecSchema item, QueryString query)
    {
        if (!Operation.Field)
        {
            return null;
        }

        var requested = query.All("field").ToHashSet(StringComparer.Ordinal);
        var keep = item.Properties.Select(p => requested.Contains(p.Key)).ToArray();
        return keep.Any(k => k) ? keep : null;
    }

    private sealed class Query(
        GenericRow[] rows, SpecSchema item, List<KeyValuePair<string, string>> errors, List<Func<GenericRow, bool>> predicates,
        Comparison<GenericRow> order, bool[]? fields, string? detail) : IResourceQuery
    {
        public IReadOnlyList<KeyValuePair<string, string>> Errors => errors;

        public IResourceRows List(string token)
        {
            var matching = rows.Where(Matches).ToArray();
            Array.Sort(matching, order);
            return new RowSet(matching, fields);
        }

        public byte[]? Retrieve(string uuid, string token, string baseUrl)
        {
            var index = detail is null ? -1 : GenericFilter.IndexOf(item, detail);
            var row = index < 0 ? null : rows.FirstOrDefault(r => GenericFilter.Text(r.Values[index]) == uuid && Matches(r));
            return row?.Json(baseUrl, fields);
        }

        private bool Matches(GenericRow row) => predicates.TrueForAll(p => p(row));
    }

    private sealed class RowSet(GenericRow[] rows, bool[]? fields) : IResourceRows
    {
        public int Count => rows.Length;

        public byte[] Json(int index, string baseUrl) => rows[index].Json(baseUrl, fields);
    }
}
