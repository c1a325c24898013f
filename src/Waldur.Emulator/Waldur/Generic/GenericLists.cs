using System.Collections.Concurrent;
using System.Text.Json;

namespace Waldur.Emulator.Waldur.Generic;

/// <summary>
/// Every list operation of the spec that no table-driven resource serves (<see cref="ListCatalog"/>), routed as Django
/// and DRF's router would: literal segments before parameters (<c>/api/customers/countries/</c> is the countries list,
/// not customer <c>countries</c>), a parameter matching <c>[^/.]+</c>, the detail route <c>{list}{lookup}/</c> where the
/// spec has its GET. Rows are generated per list instance on first use and kept.
/// </summary>
internal sealed partial class GenericLists
{
    private const int MaxCachedInstances = 10_000;

    private readonly IReadOnlyList<IEmulatedResource> _tables;
    private readonly string? _staffToken;
    private readonly GenericRows _generator;
    private readonly Lazy<Routes> _routes;
    private readonly ConcurrentDictionary<string, GenericRow[]> _rows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<RowIdentity>> _identities = new(StringComparer.Ordinal);

    /// <param name="tables">The table-driven resources; their paths are not served here, and they are parents and
    /// reference targets of generic lists (read as <paramref name="staffToken"/>, which sees every row).</param>
    public GenericLists(IReadOnlyList<IEmulatedResource> tables, int seed, int maxRows, string? staffToken)
    {
        _tables = tables;
        _staffToken = staffToken;
        _generator = new GenericRows(seed, maxRows);
        _routes = new(() => new Routes(tables.Select(t => t.Prefix + "/").ToHashSet(StringComparer.Ordinal)));
    }

    /// <summary>The list operations served here, in spec order.</summary>
    public IReadOnlyList<ListOperation> Served => _routes.Value.Served;

    /// <summary>A list path without parameters, matched before the table-driven resources' detail routes.</summary>
    public WaldurRoute? MatchLiteral(string path) =>
        _routes.Value.Literal.TryGetValue(path, out var operation) ? new WaldurRoute(Bind(operation, path, new Dictionary<string, string>()), null, null) : null;

    public WaldurRoute? Match(string path)
    {
        if (!path.EndsWith('/'))
        {
            return null;
        }

        var segments = path[1..^1].Split('/');
        foreach (var template in _routes.Value.Templates)
        {
            if (template.Segments.Length != segments.Length)
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < segments.Length && matched; i++)
            {
                var expected = template.Segments[i];
                if (expected.StartsWith('{'))
                {
                    matched = segments[i].Length > 0 && !segments[i].Contains('.', StringComparison.Ordinal);
                    values[expected[1..^1]] = UuidLookup.Normalize(segments[i]) ?? segments[i];
                }
                else
                {
                    matched = expected == segments[i];
                }
            }

            if (!matched)
            {
                continue;
            }

            if (!template.Detail)
            {
                return new WaldurRoute(Bind(template.Operation, path, values), null, null);
            }

            var lookup = segments[^1];
            values.Remove(Routes.LookupName);
            return new WaldurRoute(Bind(template.Operation, path[..(path.Length - lookup.Length - 1)], values), lookup, null);
        }

        return null;
    }

    /// <summary>The rows of a list instance, generated on first use and kept (up to <see cref="MaxCachedInstances"/>
    /// instances: path parameters that are not checked against a parent take any value).</summary>
    public GenericRow[] Rows(ListInstance instance) =>
        _written.TryGetValue(instance.Key, out var written) ? written
        : _rows.TryGetValue(instance.Key, out var rows) ? rows
        : _rows.Count < MaxCachedInstances ? _rows.GetOrAdd(instance.Key, _ => _generator.Generate(instance, IsTarget(instance), Identities))
        : _generator.Generate(instance, IsTarget(instance), Identities);

    /// <summary>The 404 detail when a nested list's parent row does not exist for this token (DRF's <c>get_object</c>
    /// on the parent), else null. Only the first path parameter is checked.</summary>
    public string? MissingParent(ListInstance instance, string token)
    {
        if (instance.Operation.Parent is not { } parentPath)
        {
            return null;
        }

        var template = instance.Operation.Path;
        var brace = template.IndexOf('{', StringComparison.Ordinal);
        var uuid = UuidLookup.Normalize(instance.Values[template[(brace + 1)..template.IndexOf('}', brace)]]);
        if (_tables.FirstOrDefault(t => t.Prefix + "/" == parentPath) is { } table)
        {
            var found = uuid is not null && table.Prepare(QueryString.Parse(null), token).Retrieve(uuid, token, "") is not null;
            return found ? null : $"No {table.ModelName} matches the given query.";
        }

        var parent = _routes.Value.Literal[parentPath];
        return uuid is not null && Identities(parentPath).Any(r => r.Uuid == uuid) ? null : $"No {parent.ModelName} matches the given query.";
    }

    // Lists that other lists hang off or point at keep at least one row, so nested lists and references stay reachable.
    private bool IsTarget(ListInstance instance) => instance.Values.Count == 0 && _routes.Value.Targets.Contains(instance.Path);

    private GenericList Bind(ListOperation operation, string path, IReadOnlyDictionary<string, string> values) =>
        new(this, new ListInstance(operation, path, values));

    // The uuids and urls of a top-level list's rows: a table's as the staff token sees them, a generic list's without
    // generating its rows.
    private IReadOnlyList<RowIdentity> Identities(string listPath) => _identities.GetOrAdd(listPath, path =>
    {
        if (_tables.FirstOrDefault(t => t.Prefix + "/" == path) is { } table)
        {
            return _staffToken is null ? [] : TableIdentities(table, _staffToken);
        }

        if (!_routes.Value.Literal.TryGetValue(path, out var operation))
        {
            return [];
        }

        var instance = new ListInstance(operation, path, new Dictionary<string, string>());
        var key = instance.Key;
        if (_written.ContainsKey(key))
        {
            return WrittenIdentities(instance);
        }

        return [.. Enumerable.Range(0, _generator.Count(key, _routes.Value.Targets.Contains(path))).Select(pk => _generator.Uuid(key, pk))
            .Select(uuid => new RowIdentity(uuid, GenericRows.Base + path + uuid + "/"))];
    });

    private static RowIdentity[] TableIdentities(IEmulatedResource table, string token)
    {
        var rows = table.Prepare(QueryString.Parse(null), token).List(token);
        return [.. Enumerable.Range(0, rows.Count).Select(i =>
        {
            using var row = JsonDocument.Parse(rows.Json(i, GenericRows.Base));
            var uuid = row.RootElement.GetProperty("uuid").GetString()!;
            var url = row.RootElement.TryGetProperty("url", out var u) ? u.GetString()! : GenericRows.Base + table.Prefix + "/" + uuid + "/";
            return new RowIdentity(uuid, url);
        })];
    }

    private sealed record Template(string[] Segments, ListOperation Operation, bool Detail);

    private sealed class Routes
    {
        public const string LookupName = "\0lookup";

        public Routes(HashSet<string> tablePaths)
        {
            Served = [.. ListCatalog.Instance.Lists.Where(l => !tablePaths.Contains(l.Path))];
            Targets = ListCatalog.Instance.Lists.SelectMany(l => l.Parameters.Select(p => p.Ref).Append(l.Parent)).OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            Literal = Served.Where(l => !l.Path.Contains('{', StringComparison.Ordinal)).ToDictionary(l => l.Path, StringComparer.Ordinal);
            var templates = Served.Select(l => new Template(l.Path[1..^1].Split('/'), l, false))
                .Concat(Served.Where(l => l.Detail is not null).Select(l => new Template([.. l.Path[1..^1].Split('/'), "{" + LookupName + "}"], l, true)));

            // Django tries patterns in order and DRF's router registers literal routes first: literal segments win.
            Templates = [.. templates.OrderBy(t => string.Concat(t.Segments.Select(s => s.StartsWith('{') ? '1' : '0')), StringComparer.Ordinal)];
        }

        public IReadOnlyList<ListOperation> Served { get; }

        /// <summary>The lists nested lists hang off or parameters reference (<c>x-waldur-operation-id</c>).</summary>
        public HashSet<string> Targets { get; }

        public Dictionary<string, ListOperation> Literal { get; }

        public IReadOnlyList<Template> Templates { get; }
    }
}
