using System.Globalization;
using System.Text.Json.Nodes;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Types.Resources;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// Per core list, the gateway against an oracle written here from the emulator's own JSON (every row, as staff): seeded
/// random <c>where</c> (over the catalog's filterable scalars, with and/or nesting) and <c>order</c> (sortable fields),
/// paged with <c>first</c>/<c>after</c>, must give exactly the oracle's uuid sequence. Semantics: eq/in exact (ordinal),
/// contains/startsWith case-insensitive, comparisons with null false, negations <c>!positive</c>; order by the keys (nulls
/// first ascending), then uuid ascending; without <c>order</c>, the catalog's DefaultOrder ascending then uuid (uuid alone
/// when the catalog knows none). Also per list: a first page is one GET and a count alone one HEAD.
/// </summary>
public class CoreResourceOracleTests(GatewayFixture fixture, ITestOutputHelper output) : IClassFixture<GatewayFixture>
{
    private const int CasesPerResource = 30;
    private static readonly int[] PageSizes = [1, 7, 20];

    public static TheoryData<string> Lists => new(CoreLists.Fields);

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Random_where_and_order_page_through_the_gateway_as_the_oracle_says(string listField)
    {
        var gateway = fixture.Gateway;
        var resource = CoreLists.Descriptor(listField);
        var rows = await CoreLists.FetchAllAsync(gateway, resource);
        Assert.True(rows.Count > 0, $"the emulator should serve {listField}");
        var generator = new CaseGenerator(resource, rows, new Random(4242 + CoreLists.Fields.ToList().IndexOf(listField)));
        var query = $$"""
            query($where: {{resource.TypeName}}FilterInput, $order: [{{resource.TypeName}}SortInput!], $first: Int, $after: String, $count: Boolean!) {
              list: {{listField}}(where: $where, order: $order, first: $first, after: $after) {
                totalCount @include(if: $count) nodes { uuid } pageInfo { hasNextPage endCursor } } }
            """;

        var failures = new List<string>();
        var gatewayRequests = 0;
        for (var n = 0; n < CasesPerResource; n++)
        {
            var (where, order, test, comparer, text) = generator.Next();
            var expected = rows.Where(test).OrderBy(r => r, comparer).Select(CoreLists.Uuid).ToList();
            var size = PageSizes[n % PageSizes.Length];
            var maxPages = size == 1 ? 6 : size == 7 ? 8 : 16;
            var actual = new List<string>();
            string? after = null;
            var complete = false;
            int? total = null;
            string? error = null;
            for (var page = 0; page < maxPages; page++)
            {
                var answer = await gateway.QueryAsync(query, new { where, order, first = size, after, count = page == 0 });
                gatewayRequests++;
                if (answer["errors"] is { } errors)
                {
                    error = errors.ToJsonString();
                    break;
                }

                var list = answer["data"]!["list"]!;
                total ??= list["totalCount"]?.GetValue<int>();
                actual.AddRange(list["nodes"]!.AsArray().Select(x => x!["uuid"]!.GetValue<string>()));
                if (!list["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
                {
                    complete = true;
                    break;
                }

                after = list["pageInfo"]!["endCursor"]!.GetValue<string>();
            }

            var label = $"case {n} (first: {size}) {text}";
            if (error is not null)
            {
                failures.Add($"{label}: errors {error}");
            }
            else if (total != expected.Count)
            {
                failures.Add($"{label}: totalCount {total}, oracle {expected.Count}");
            }
            else if (complete ? !actual.SequenceEqual(expected) : !actual.SequenceEqual(expected.Take(actual.Count)) || actual.Count != size * maxPages)
            {
                failures.Add($"{label}: got {actual.Count} [{Short(actual)}], oracle {expected.Count} [{Short(expected)}], first difference at {FirstDifference(actual, expected)}");
            }
        }

        output.WriteLine($"{listField}: {rows.Count} rows, {CasesPerResource} cases, {gatewayRequests} gateway requests, {failures.Count} mismatches");
        failures.ForEach(output.WriteLine);
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_first_page_is_one_GET_and_a_count_alone_is_one_HEAD(string listField)
    {
        var gateway = fixture.Gateway;
        var resource = CoreLists.Descriptor(listField);
        var rows = await CoreLists.FetchAllAsync(gateway, resource);

        await gateway.ClearJournalAsync();
        var page = await gateway.QueryAsync($"{{ {listField}(first: 10) {{ nodes {{ uuid }} }} }}");
        var pageJournal = await gateway.JournalAsync();
        await gateway.ClearJournalAsync();
        var count = await gateway.QueryAsync($"{{ {listField} {{ totalCount }} }}");
        var countJournal = await gateway.JournalAsync();

        output.WriteLine($"page: {string.Join("; ", pageJournal)}");
        output.WriteLine($"count: {string.Join("; ", countJournal)}");
        Assert.Null(page["errors"]);
        Assert.Null(count["errors"]);
        Assert.Equal(Math.Min(10, rows.Count), page["data"]![listField]!["nodes"]!.AsArray().Count);
        Assert.Equal(rows.Count, count["data"]![listField]!["totalCount"]!.GetValue<int>());
        var get = Assert.Single(pageJournal);
        Assert.Equal(("GET", "/" + resource.Path), (get.Method, get.Path));
        var head = Assert.Single(countJournal);
        Assert.Equal(("HEAD", "/" + resource.Path), (head.Method, head.Path));
    }

    private static string Short(List<string> uuids) => string.Join(",", uuids.Take(6).Select(u => u[..6])) + (uuids.Count > 6 ? ",…" : "");

    private static int FirstDifference(List<string> a, List<string> b)
    {
        var i = 0;
        while (i < a.Count && i < b.Count && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>Seeded random <c>where</c>/<c>order</c> arguments for one resource, each with the oracle's predicate and comparer.</summary>
    private sealed class CaseGenerator
    {
        private readonly ResourceDescriptor _resource;
        private readonly List<JsonObject> _rows;
        private readonly Random _random;
        private readonly List<FieldDescriptor> _filterable;
        private readonly HashSet<string> _pushedDown;
        private readonly List<FieldDescriptor> _sortable;

        public CaseGenerator(ResourceDescriptor resource, List<JsonObject> rows, Random random)
        {
            _resource = resource;
            _rows = rows;
            _random = random;
            _filterable = resource.Fields.Where(f => f.Filterable && CoreLists.IsScalar(f) && f.Kind != ValueKind.Float).ToList();
            _pushedDown = resource.Filters.Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
            _sortable = resource.Fields.Where(f => f.Sortable && CoreLists.IsScalar(f)).ToList();
        }

        public (JsonObject? Where, JsonArray? Order, Func<JsonObject, bool> Test, IComparer<JsonObject> Comparer, string Text) Next()
        {
            JsonObject? where = null;
            Func<JsonObject, bool> test = _ => true;
            if (_random.Next(5) > 0)
            {
                (where, test) = Where(0);
            }

            var keys = new List<(FieldDescriptor Field, bool Descending)>();
            if (_random.Next(4) > 0)
            {
                for (var k = _random.Next(1, 3); k > 0; k--)
                {
                    keys.Add((_sortable[_random.Next(_sortable.Count)], _random.Next(2) == 0));
                }

                keys = keys.DistinctBy(k => k.Field.Name).ToList();
            }

            JsonArray? order = keys.Count == 0 ? null
                : new JsonArray(keys.Select(k => (JsonNode)new JsonObject { [k.Field.Name] = k.Descending ? "DESC" : "ASC" }).ToArray());
            if (keys.Count == 0 && _resource.DefaultOrder is { } defaultOrder)
            {
                keys.Add((_resource.Fields.Single(f => f.Name == defaultOrder), false));
            }

            return (where, order, test, new OracleComparer(keys), $"where {where?.ToJsonString() ?? "-"} order {order?.ToJsonString() ?? "-"}");
        }

        private (JsonObject Where, Func<JsonObject, bool> Test) Where(int depth)
        {
            if (depth < 2 && _random.Next(4) == 0)
            {
                var (a, ta) = Where(depth + 1);
                var (b, tb) = Where(depth + 1);
                return _random.Next(2) == 0
                    ? (new JsonObject { ["and"] = new JsonArray(a, b) }, r => ta(r) && tb(r))
                    : (new JsonObject { ["or"] = new JsonArray(a, b) }, r => ta(r) || tb(r));
            }

            // Half the time a field Waldur filters itself (pushdown), otherwise any filterable scalar (the gateway's scan).
            var pushed = _filterable.Where(f => _pushedDown.Contains(f.Name)).ToList();
            var field = pushed.Count > 0 && _random.Next(2) == 0 ? pushed[_random.Next(pushed.Count)] : _filterable[_random.Next(_filterable.Count)];
            var (operation, operand, test) = Operation(field);
            return (new JsonObject { [field.Name] = new JsonObject { [operation] = operand } }, r => test(CoreLists.Value(r, field)));
        }

        private (string Operation, JsonNode? Operand, Func<object?, bool> Test) Operation(FieldDescriptor field)
        {
            var present = _rows.Select(r => CoreLists.Value(r, field)).Where(v => v is not null).ToList();
            object? Pick() => present.Count == 0 ? null : present[_random.Next(present.Count)];
            switch (field)
            {
                case { EnumValues: { } values }:
                {
                    var names = EnumNames(values);
                    string PickEnum() => _random.Next(3) > 0 && Pick() is string s && names.ContainsKey(s) ? s : values[_random.Next(values.Count)];
                    if (_random.Next(2) == 0)
                    {
                        var v = PickEnum();
                        return ("eq", names[v], x => x is string s && s == v);
                    }

                    var set = new[] { PickEnum(), PickEnum() }.Distinct().ToList();
                    return ("in", new JsonArray(set.Select(v => (JsonNode)names[v]).ToArray()), x => x is string s && set.Contains(s));
                }

                case { Kind: ValueKind.String }:
                {
                    var value = Pick() as string ?? "zz-none";
                    switch (_random.Next(5))
                    {
                        case 0:
                            return ("eq", value, x => x is string s && string.Equals(s, value, StringComparison.Ordinal));
                        case 1:
                            return ("neq", value, x => !(x is string s && string.Equals(s, value, StringComparison.Ordinal)));
                        case 2:
                            var set = new[] { value, Pick() as string ?? "zz-other", "zz-absent" }.Distinct().ToList();
                            return ("in", new JsonArray(set.Select(v => (JsonNode)v).ToArray()), x => x is string s && set.Contains(s, StringComparer.Ordinal));
                        case 3:
                        {
                            var start = value.Length <= 1 ? 0 : _random.Next(value.Length - 1);
                            var part = CaseFlip(value.Substring(start, Math.Min(value.Length - start, _random.Next(1, 6))));
                            return ("contains", part, x => x is string s && s.Contains(part, StringComparison.OrdinalIgnoreCase));
                        }

                        default:
                        {
                            var prefix = CaseFlip(value[..Math.Min(value.Length, _random.Next(1, 5))]);
                            return ("startsWith", prefix, x => x is string s && s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
                        }
                    }
                }

                case { Kind: ValueKind.Boolean }:
                {
                    var value = _random.Next(2) == 0;
                    return ("eq", value, x => x is bool b && b == value);
                }

                case { Kind: ValueKind.Int }:
                {
                    var value = Pick() as long? ?? 0;
                    return _random.Next(2) == 0
                        ? ("gt", value, x => x is long l && l > value)
                        : ("lt", value, x => x is long l && l < value);
                }

                default:
                {
                    var value = Pick() as DateTimeOffset? ?? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
                    var text = value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
                    return _random.Next(2) == 0
                        ? ("gt", text, x => x is DateTimeOffset t && t > value)
                        : ("lt", text, x => x is DateTimeOffset t && t < value);
                }
            }
        }

        private string CaseFlip(string text) => _random.Next(3) switch
        {
            0 => text.ToUpperInvariant(),
            1 => text.ToLowerInvariant(),
            _ => text,
        };

        /// <summary>Waldur value → GraphQL enum value name, as the schema names them (collisions get <c>_2</c>, <c>_3</c>…).</summary>
        private static Dictionary<string, string> EnumNames(IReadOnlyList<string> values)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var value in values)
            {
                var name = EnumGraphTypes.ValueName(value);
                for (var n = 2; !taken.Add(name); n++)
                {
                    name = $"{EnumGraphTypes.ValueName(value)}_{n}";
                }

                names.TryAdd(value, name);
            }

            return names;
        }
    }

    /// <summary>The keys in turn (nulls first ascending, strings ordinal), then uuid ascending.</summary>
    private sealed class OracleComparer(List<(FieldDescriptor Field, bool Descending)> keys) : IComparer<JsonObject>
    {
        public int Compare(JsonObject? x, JsonObject? y)
        {
            foreach (var (field, descending) in keys)
            {
                var order = CompareValues(CoreLists.Value(x!, field), CoreLists.Value(y!, field));
                if (order != 0)
                {
                    return descending ? -order : order;
                }
            }

            return string.CompareOrdinal(CoreLists.Uuid(x!), CoreLists.Uuid(y!));
        }

        private static int CompareValues(object? a, object? b) => (a, b) switch
        {
            (null, null) => 0,
            (null, _) => 1, // nulls as Waldur's database orders `o`: last ascending, first descending
            (_, null) => -1,
            (string sa, string sb) => string.CompareOrdinal(sa, sb),
            (IComparable ca, _) => ca.CompareTo(b),
            _ => 0,
        };
    }
}
