using System.Globalization;
using System.Text.Json.Nodes;
using Waldur.Catalog.Model;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.ContractTests;

/// <summary>
/// Per reviewed list of the catalog, the gateway against direct REST to the same Waldur as the same caller: counts and
/// first pages, every <c>o</c> key, <c>where</c> per filter, lookups and <c>node</c>, references and reverse connections.
/// Waldur's own answers are the oracle; differences are collected per list and reported together, naming the list.
/// </summary>
[Collection(ContractCollection.Name)]
public sealed class ListContractTests(ContractFixture fixture, ITestOutputHelper output)
{
    private const int FirstPage = 10;
    private const int OrderPage = 20;
    private const string MissingUuid = "ffffffffffffffffffffffffffffffff";

    public static TheoryData<string> Lists => new(Oracle.RootLists.Select(r => r.ListField));

    public static TheoryData<string> ListsWithReferences => new(Oracle.RootLists
        .Where(r => References(r).Any()).Select(r => r.ListField));

    public static TheoryData<string> ListsWithReverseConnections => new(Oracle.RootLists
        .Where(r => r.ReverseConnections.Count > 0).Select(r => r.ListField));

    private ContractTarget Target => fixture.Target;
    private WaldurRest Rest => fixture.Rest;
    private Gateway Gateway => fixture.Gateway;

    /// <summary>
    /// As every caller: <c>totalCount</c> alone (the gateway's HEAD) and with a page equal Waldur's <c>X-Result-Count</c>;
    /// <c>first: 10</c> without <c>order</c> is Waldur's first page (its default order; ties in any order), or, where the
    /// catalog knows no default order, Waldur's rows by uuid. A list Waldur lacks (404) must answer a coded error, never INTERNAL_ERROR.
    /// </summary>
    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Counts_and_first_pages_match_Waldur(string listField)
    {
        var resource = Oracle.List(listField);
        var failures = new List<string>();
        output.WriteLine($"target: {Target.Description}");
        foreach (var caller in Target.Callers)
        {
            var label = $"{listField} as {caller}";
            var all = await Rest.AllAsync(resource, caller);
            var count = await Gateway.QueryAsync($"{{ {listField} {{ totalCount }} }}", caller);
            var page = await Gateway.QueryAsync($"{{ {listField}(first: {FirstPage}) {{ totalCount nodes {{ uuid }} }} }}", caller);
            if (!all.Ok)
            {
                output.WriteLine($"{label}: Waldur answers {all.Status} to GET /{resource.Path}: {Oracle.Trim(all.Body)}");
                foreach (var answer in new[] { count, page })
                {
                    var codes = Oracle.ErrorCodes(answer).ToList();
                    if (codes.Count == 0 && answer["data"]?[listField]?["totalCount"]?.GetValue<int>() is > 0)
                    {
                        failures.Add($"{label}: Waldur answers {all.Status} to the list, yet the gateway counts {answer["data"]![listField]!["totalCount"]} rows");
                    }

                    if (codes.Any(c => c is "INTERNAL_ERROR" or "NO_CODE"))
                    {
                        failures.Add($"{label}: Waldur answers {all.Status} to the list and the gateway fails without a coded error: {Oracle.Errors(answer)}");
                    }
                }

                continue;
            }

            if (Oracle.Errors(count) is { Length: > 0 } countErrors)
            {
                failures.Add($"{label}: totalCount alone: errors {countErrors}");
            }
            else if (count["data"]?[listField]?["totalCount"]?.GetValue<int>() is var total && total != all.Count)
            {
                failures.Add($"{label}: totalCount alone is {total?.ToString(CultureInfo.InvariantCulture) ?? "null"}, Waldur's X-Result-Count {all.Count}");
            }

            if (Oracle.Errors(page) is { Length: > 0 } pageErrors)
            {
                failures.Add($"{label}: first page: errors {pageErrors}");
                continue;
            }

            var connection = page["data"]![listField]!;
            if (connection["totalCount"]?.GetValue<int>() != all.Count)
            {
                failures.Add($"{label}: totalCount with a page is {connection["totalCount"]}, Waldur's X-Result-Count {all.Count}");
            }

            var uuids = connection["nodes"]!.AsArray().Select(n => Oracle.Uuid(n) ?? "null").ToList();
            var byUuid = all.ByUuid();
            if (resource.DefaultOrder is { } defaultOrder)
            {
                var waldurPage = await Rest.PageAsync(resource, $"page_size={FirstPage}", caller);
                var key = Oracle.Field(resource, defaultOrder);
                failures.AddRange(Oracle.CompareOrdered($"{label}: first page (default order `{key.JsonName}`)", uuids, waldurPage.Rows,
                    r => Oracle.WaldurValue(r, key), byUuid));
            }
            else
            {
                var expected = all.Rows.OrderBy(r => Oracle.Uuid(r), StringComparer.Ordinal).Take(FirstPage).ToList();
                failures.AddRange(Oracle.CompareOrdered($"{label}: first page (no default order in the catalog: by uuid)", uuids, expected,
                    r => Oracle.Uuid(r), byUuid));
            }

            output.WriteLine($"{label}: {all.Count} rows; first page {Oracle.Short(uuids)}");
        }

        Report(listField, failures);
    }

    /// <summary>Every <c>o</c> key of the catalog, ascending and descending: <c>first: 20</c> is Waldur's <c>?o=[-]key&amp;page_size=20</c> (ties in any order).</summary>
    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_order_key_matches_Waldurs_o(string listField)
    {
        var resource = Oracle.List(listField);
        var staff = Target.Staff;
        var all = await Rest.AllAsync(resource, staff);
        if (!all.Ok)
        {
            output.WriteLine($"{listField}: Waldur answers {all.Status}; nothing to order (the counts test judges the gateway's answer)");
            return;
        }

        var byUuid = all.ByUuid();
        var failures = new List<string>();
        foreach (var order in resource.Orders)
        {
            var field = Oracle.Field(resource, order.Field);
            foreach (var descending in new[] { false, true })
            {
                var o = (descending ? "-" : "") + order.Key;
                var label = $"{listField} order {{ {order.Field}: {(descending ? "DESC" : "ASC")} }} vs o={o}";
                var waldur = await Rest.PageAsync(resource, $"o={Uri.EscapeDataString(o)}&page_size={OrderPage}", staff);
                var answer = await Gateway.QueryAsync(
                    $"{{ {listField}(first: {OrderPage}, order: [{{ {order.Field}: {(descending ? "DESC" : "ASC")} }}]) {{ nodes {{ uuid }} }} }}", staff);
                if (Oracle.Errors(answer) is { Length: > 0 } errors)
                {
                    failures.Add($"{label}: errors {errors}");
                    continue;
                }

                // Where this Waldur refuses the key (400, U27), the gateway sorts in its own right: its page must then be
                // Waldur's whole list in that order, nulls placed as the database places them for `o` (last ascending).
                var expected = waldur.Status == 200
                    ? waldur.Rows
                    : Oracle.SortedLikeWaldur(all.Rows, r => Oracle.WaldurValue(r, field), descending).Take(OrderPage).ToList();
                if (waldur.Status != 200)
                {
                    output.WriteLine($"{label}: Waldur refuses o={o} ({waldur.Status} {waldur.Excerpt}); the gateway's page is compared with Waldur's rows sorted");
                }

                var uuids = answer["data"]![listField]!["nodes"]!.AsArray().Select(n => Oracle.Uuid(n) ?? "null").ToList();
                failures.AddRange(Oracle.CompareOrdered(label, uuids, expected, r => Oracle.WaldurValue(r, field), byUuid));
            }
        }

        output.WriteLine($"{listField}: {resource.Orders.Count} o keys × 2 directions over {all.Count} rows");
        Report(listField, failures);
    }

    /// <summary>
    /// One <c>where</c> per filter Waldur applies (the catalog's pushdown: eq, contains, in, a Boolean, a date bound) and per
    /// a few fields the gateway filters itself, with values taken from Waldur's rows: the gateway's rows (all pages) and
    /// <c>totalCount</c> must be the rows of Waldur's whole list that satisfy the same predicate.
    /// </summary>
    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Where_matches_the_predicate_on_Waldurs_rows(string listField)
    {
        var resource = Oracle.List(listField);
        var staff = Target.Staff;
        var all = await Rest.AllAsync(resource, staff);
        if (!all.Ok)
        {
            output.WriteLine($"{listField}: Waldur answers {all.Status}; nothing to filter");
            return;
        }

        var query = $$"""
            query($where: {{resource.TypeName}}FilterInput, $after: String) {
              list: {{listField}}(where: $where, first: 100, after: $after) { totalCount nodes { uuid } pageInfo { hasNextPage endCursor } } }
            """;
        var failures = new List<string>();
        var cases = WhereCases.For(resource, all.Rows).ToList();
        foreach (var c in cases)
        {
            var expected = all.Rows.Where(c.Test).Select(r => Oracle.Uuid(r)!).ToHashSet(StringComparer.Ordinal);
            var (total, uuids, error) = await Oracle.AllPagesAsync(Gateway, staff, query, a => a["data"]?["list"], new { where = c.Where });
            var label = $"{listField} where {c.Where.ToJsonString()} ({c.Why})";
            if (error.Length > 0)
            {
                failures.Add($"{label}: errors {error}");
                continue;
            }

            var got = uuids.ToHashSet(StringComparer.Ordinal);
            if (total != expected.Count)
            {
                failures.Add($"{label}: totalCount {total}, Waldur's rows satisfying it {expected.Count}");
            }

            if (!got.SetEquals(expected) || got.Count != uuids.Count)
            {
                failures.Add($"{label}: {uuids.Count} rows, expected {expected.Count}; missing {Oracle.Short(expected.Except(got))}, " +
                             $"extra {Oracle.Short(got.Except(expected))}{(got.Count != uuids.Count ? ", with repeats" : "")}");
            }

            output.WriteLine($"{label}: {expected.Count} of {all.Count} rows");
        }

        Assert.True(cases.Count > 0 || all.Count == 0, $"{listField}: no where case could be built from {all.Count} rows");
        Report(listField, failures);
    }

    /// <summary>
    /// <c>xByUuid</c> returns Waldur's row (every scalar field as Waldur sends it), <c>xsByUuids</c> the rows in the order
    /// asked with null for an unknown uuid, an unknown uuid alone is null, and <c>node</c>/<c>nodes</c> with the rows' ids
    /// give the same rows back.
    /// </summary>
    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Lookups_and_node_return_Waldurs_rows(string listField)
    {
        var resource = Oracle.List(listField);
        var staff = Target.Staff;
        var all = await Rest.AllAsync(resource, staff);
        if (!all.Ok || resource.ByUuidField is null || resource.ByUuidsField is null || all.Rows.Count == 0)
        {
            output.WriteLine($"{listField}: Waldur answers {all.Status} with {all.Rows.Count} rows, lookups {resource.ByUuidField ?? "none"}: nothing to look up");
            return;
        }

        var failures = new List<string>();
        var picked = new[] { all.Rows[0], all.Rows[all.Rows.Count / 2], all.Rows[^1] }.DistinctBy(r => Oracle.Uuid(r)).ToList();
        var scalars = resource.Fields.Where(Oracle.IsScalar).ToList();
        var selection = string.Join(" ", scalars.Select(f => f.Name));
        var uuids = picked.Select(r => Oracle.Uuid(r)!).ToList();
        var document = "{ " + string.Join(" ", uuids.Select((u, i) => $"r{i}: {resource.ByUuidField}(uuid: \"{u}\") {{ {selection} }}")) +
                       $" many: {resource.ByUuidsField}(uuids: [{string.Join(", ", uuids.Append(MissingUuid).Select(u => $"\"{u}\""))}]) {{ uuid }}" +
                       $" missing: {resource.ByUuidField}(uuid: \"{MissingUuid}\") {{ uuid }} }}";
        var answer = await Gateway.QueryAsync(document, staff);
        // A value of another JSON type than the catalog's field (U28) is that field's null plus UPSTREAM_FIELD_INVALID at
        // its path: expected exactly there, and nowhere else.
        var unfit = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < picked.Count; i++)
        {
            foreach (var field in scalars.Where(f => !Oracle.Fits(picked[i][f.JsonName], f)))
            {
                unfit.Add($"r{i}/{field.Name}");
            }
        }

        var unexpected = (answer["errors"] as JsonArray ?? []).Where(e => !(e?["extensions"]?["code"]?.GetValue<string>() == "UPSTREAM_FIELD_INVALID"
            && unfit.Contains(string.Join('/', (e["path"] as JsonArray ?? []).Select(p => p!.ToString()))))).ToList();
        if (unexpected.Count > 0)
        {
            failures.Add($"{listField} lookups: errors {string.Join("; ", unexpected.Select(e => e!.ToJsonString()))}");
        }

        var data = answer["data"];
        for (var i = 0; i < picked.Count; i++)
        {
            var node = data?[$"r{i}"];
            if (node is null)
            {
                failures.Add($"{listField}: {resource.ByUuidField}(uuid: {uuids[i]}) is null, Waldur lists that row");
                continue;
            }

            JsonObject? retrieved = null;
            foreach (var field in scalars)
            {
                var got = Oracle.GatewayValue(node, field);
                var want = unfit.Contains($"r{i}/{field.Name}") ? null : Oracle.WaldurValue(picked[i], field);
                if (Oracle.Same(got, want))
                {
                    continue;
                }
                // The gateway may read the retrieve instead of the list: a value either of them sends is right.
                retrieved ??= (await Rest.RetrieveAsync(resource, uuids[i], staff)).Rows is [var one, ..] ? one : [];
                if (!Oracle.Same(got, Oracle.WaldurValue(retrieved, field)))
                {
                    failures.Add($"{listField}: {resource.ByUuidField}({uuids[i][..8]}).{field.Name} = {Oracle.Show(got)}, Waldur's `{field.JsonName}` = {Oracle.Show(want)}");
                }
            }
        }

        var many = data?["many"] as JsonArray;
        var manyUuids = many?.Select(n => Oracle.Uuid(n)).ToList();
        var expectedMany = uuids.Cast<string?>().Append(null).ToList();
        if (manyUuids is null || !manyUuids.SequenceEqual(expectedMany))
        {
            failures.Add($"{listField}: {resource.ByUuidsField} gave {(manyUuids is null ? "null" : Oracle.Short(manyUuids))}, expected {Oracle.Short(expectedMany)}");
        }

        if (data?["missing"] is not null)
        {
            failures.Add($"{listField}: {resource.ByUuidField} of an unknown uuid gave {data["missing"]!.ToJsonString()}, expected null");
        }

        // node / nodes: the ids the list hands out lead back to the same rows.
        var listed = await Gateway.QueryAsync($"{{ {listField}(first: 3) {{ nodes {{ id uuid }} }} }}", staff);
        var idNodes = listed["data"]?[listField]?["nodes"] as JsonArray;
        if (Oracle.Errors(listed) is { Length: > 0 } listErrors || idNodes is null)
        {
            failures.Add($"{listField}: ids: errors {Oracle.Errors(listed)}");
        }
        else
        {
            var ids = idNodes.Select(n => n!["id"]!.GetValue<string>()).ToList();
            var fragment = $"... on {resource.TypeName} {{ uuid }}";
            var nodeAnswer = await Gateway.QueryAsync(
                $"{{ {string.Join(" ", ids.Select((id, i) => $"n{i}: node(id: \"{id}\") {{ id {fragment} }}"))} all: nodes(ids: [{string.Join(", ", ids.Select(id => $"\"{id}\""))}]) {{ id {fragment} }} }}",
                staff);
            if (Oracle.Errors(nodeAnswer) is { Length: > 0 } nodeErrors)
            {
                failures.Add($"{listField}: node/nodes: errors {nodeErrors}");
            }

            var expectedIds = idNodes.Select(n => Oracle.Uuid(n)).ToList();
            var single = ids.Select((_, i) => Oracle.Uuid(nodeAnswer["data"]?[$"n{i}"])).ToList();
            var plural = (nodeAnswer["data"]?["all"] as JsonArray)?.Select(Oracle.Uuid).ToList() ?? [];
            if (!single.SequenceEqual(expectedIds))
            {
                failures.Add($"{listField}: node(id:) gave {Oracle.Short(single)} for the rows {Oracle.Short(expectedIds)}");
            }

            if (!plural.SequenceEqual(expectedIds))
            {
                failures.Add($"{listField}: nodes(ids:) gave {Oracle.Short(plural)} for the rows {Oracle.Short(expectedIds)}");
            }
        }

        output.WriteLine($"{listField}: looked up {Oracle.Short(uuids)}, compared {scalars.Count} scalar fields each");
        Report(listField, failures);
    }

    /// <summary>
    /// Every reference (<c>customer</c>, <c>offering</c>, …) on the first 25 rows: the raw <c>…Uuid</c>/<c>…Url</c> is the
    /// row's <c>*_uuid</c>/URL as Waldur sends it, and the reference is the row Waldur retrieves by that uuid (null where
    /// Waldur's retrieve is a 404, or the value is null).
    /// </summary>
    [Theory]
    [MemberData(nameof(ListsWithReferences))]
    public async Task References_resolve_to_the_rows_uuid_fields(string listField)
    {
        var resource = Oracle.List(listField);
        var staff = Target.Staff;
        var all = await Rest.AllAsync(resource, staff);
        if (!all.Ok)
        {
            output.WriteLine($"{listField}: Waldur answers {all.Status}; no rows to follow");
            return;
        }

        var references = References(resource).ToList();
        var selection = string.Join(" ", references.Select(r => $"{r.Field.Name} {r.Field.ReferenceField} {{ uuid }}"));
        var answer = await Gateway.QueryAsync($"{{ {listField}(first: 25) {{ nodes {{ uuid {selection} }} }} }}", staff);
        var failures = new List<string>();
        if (Oracle.Errors(answer) is { Length: > 0 } errors)
        {
            failures.Add($"{listField} references: errors {errors}");
        }

        var nodes = answer["data"]?[listField]?["nodes"] as JsonArray ?? [];
        var byUuid = all.ByUuid();
        var resolved = 0;
        foreach (var node in nodes)
        {
            var uuid = Oracle.Uuid(node);
            if (uuid is null || !byUuid.TryGetValue(uuid, out var row))
            {
                failures.Add($"{listField}: the gateway listed {uuid ?? "a row without uuid"}, not in Waldur's list");
                continue;
            }

            foreach (var (field, target) in references)
            {
                var raw = Oracle.WaldurValue(row, field);
                var gotRaw = Oracle.GatewayValue(node, field);
                if (!Oracle.Same(gotRaw, raw))
                {
                    failures.Add($"{listField}({uuid[..8]}).{field.Name} = {Oracle.Show(gotRaw)}, Waldur's `{field.JsonName}` = {Oracle.Show(raw)}");
                }

                var targetUuid = TargetUuid(field, raw);
                var gotTarget = node?[field.ReferenceField!];
                if (targetUuid is null)
                {
                    if (gotTarget is not null)
                    {
                        failures.Add($"{listField}({uuid[..8]}).{field.ReferenceField} is {gotTarget.ToJsonString()} though `{field.JsonName}` is {Oracle.Show(raw)}");
                    }

                    continue;
                }

                var retrieve = await Rest.RetrieveAsync(target, targetUuid, staff);
                if (retrieve.Status == 200)
                {
                    resolved++;
                    if (Oracle.Uuid(gotTarget) != targetUuid)
                    {
                        failures.Add($"{listField}({uuid[..8]}).{field.ReferenceField} is {gotTarget?.ToJsonString() ?? "null"}, Waldur retrieves {target.TypeName} {targetUuid} (`{field.JsonName}`)");
                    }
                }
                else if (retrieve.Status == 404 && gotTarget is not null)
                {
                    failures.Add($"{listField}({uuid[..8]}).{field.ReferenceField} is {gotTarget.ToJsonString()}, Waldur has no {target.TypeName} {targetUuid} (404)");
                }
            }
        }

        output.WriteLine($"{listField}: {nodes.Count} rows, references {string.Join(", ", references.Select(r => $"{r.Field.ReferenceField}→{r.Target.TypeName}"))}, {resolved} resolved in Waldur");
        Report(listField, failures);
    }

    /// <summary>
    /// Every reverse connection (a customer's <c>projects</c>, a project's <c>marketplaceResources</c>, …) from the parents
    /// with the most children and one with none: its rows and <c>totalCount</c> are the source list's rows whose reference
    /// names the parent; and where the catalog pushes the link down as a filter, Waldur's filtered list agrees with that.
    /// </summary>
    [Theory]
    [MemberData(nameof(ListsWithReverseConnections))]
    public async Task Reverse_connections_match_Waldurs_filtered_lists(string listField)
    {
        var resource = Oracle.List(listField);
        var staff = Target.Staff;
        var parents = await Rest.AllAsync(resource, staff);
        var failures = new List<string>();
        if (!parents.Ok || resource.ByUuidField is null)
        {
            output.WriteLine($"{listField}: Waldur answers {parents.Status}; no parents");
            return;
        }

        foreach (var connection in resource.ReverseConnections)
        {
            var source = Oracle.Catalog[connection.SourceType];
            var via = Oracle.Field(source, connection.ViaField);
            var children = await Rest.AllAsync(source, staff);
            if (!children.Ok)
            {
                output.WriteLine($"{listField}.{connection.Name}: Waldur answers {children.Status} to /{source.Path}; skipped");
                continue;
            }

            var byParent = children.Rows.SelectMany(r => LinkedParents(via, r).Select(p => (Parent: p, Child: Oracle.Uuid(r)!)))
                .GroupBy(x => x.Parent, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Child).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            var chosen = parents.Rows.Select(r => Oracle.Uuid(r)!).OrderByDescending(u => byParent.GetValueOrDefault(u)?.Count ?? 0).ThenBy(u => u, StringComparer.Ordinal).Take(3).ToList();
            if (parents.Rows.Select(r => Oracle.Uuid(r)!).FirstOrDefault(u => !byParent.ContainsKey(u)) is { } childless && !chosen.Contains(childless))
            {
                chosen.Add(childless);
            }

            var document = "{ " + string.Join(" ", chosen.Select((u, i) =>
                $"p{i}: {resource.ByUuidField}(uuid: \"{u}\") {{ uuid {connection.Name}(first: 100) {{ totalCount nodes {{ uuid }} }} }}")) + " }";
            var answer = await Gateway.QueryAsync(document, staff);
            if (Oracle.Errors(answer) is { Length: > 0 } errors)
            {
                failures.Add($"{listField}.{connection.Name}: errors {errors}");
            }

            var filter = source.Filters.FirstOrDefault(f => f.Field == via.Name && f.Lookup is FilterLookup.Exact or FilterLookup.CsvMulti or FilterLookup.RepeatedMulti);
            for (var i = 0; i < chosen.Count; i++)
            {
                var label = $"{listField}({chosen[i][..8]}).{connection.Name}";
                var expected = byParent.GetValueOrDefault(chosen[i]) ?? [];
                var got = answer["data"]?[$"p{i}"]?[connection.Name];
                if (got is null)
                {
                    failures.Add($"{label}: no connection in the answer");
                    continue;
                }

                var gotUuids = got["nodes"]!.AsArray().Select(n => Oracle.Uuid(n) ?? "null").ToList();
                if (got["totalCount"]?.GetValue<int>() != expected.Count)
                {
                    failures.Add($"{label}: totalCount {got["totalCount"]}, Waldur's {source.ListField} with `{via.JsonName}` = the parent: {expected.Count}");
                }

                if (!(expected.Count <= 100 ? gotUuids.ToHashSet(StringComparer.Ordinal).SetEquals(expected) : gotUuids.All(expected.Contains)) || gotUuids.Distinct().Count() != gotUuids.Count)
                {
                    failures.Add($"{label}: rows {Oracle.Short(gotUuids)}, Waldur's {Oracle.Short(expected)}; missing {Oracle.Short(expected.Except(gotUuids))}, extra {Oracle.Short(gotUuids.Except(expected))}");
                }

                if (filter is not null)
                {
                    var filtered = await Rest.AllAsync(source, staff, $"{filter.Parameter}={chosen[i]}");
                    var filteredUuids = filtered.Rows.Select(r => Oracle.Uuid(r)!).ToHashSet(StringComparer.Ordinal);
                    if (!filtered.Ok)
                    {
                        failures.Add($"{label}: Waldur answers {filtered.Status} to /{source.Path}?{filter.Parameter}={chosen[i]} (the catalog's pushdown): {Oracle.Trim(filtered.Body)}");
                    }
                    else if (filtered.Count != expected.Count || !filteredUuids.SetEquals(expected))
                    {
                        failures.Add($"{label}: Waldur's /{source.Path}?{filter.Parameter}=<parent> (the catalog's pushdown) gives {filtered.Count} rows, " +
                                     $"its rows with `{via.JsonName}` = the parent are {expected.Count} (Waldur ignores or reads `{filter.Parameter}` otherwise)");
                    }
                }
            }

            output.WriteLine($"{listField}.{connection.Name}: parents {Oracle.Short(chosen)} with {string.Join("/", chosen.Select(c => byParent.GetValueOrDefault(c)?.Count ?? 0))} children; pushdown {filter?.Parameter ?? "none"}");
        }

        Report(listField, failures);
    }

    /// <summary>The references of a resource whose target is in the catalog, with that target.</summary>
    internal static IEnumerable<(FieldDescriptor Field, ResourceDescriptor Target)> References(ResourceDescriptor resource) =>
        resource.Fields.Where(f => f.ReferenceField is not null && f.ReferenceOperationId is not null && !f.IsList)
            .Select(f => (Field: f, Target: Oracle.Catalog.ByRetrieveOperation(f.ReferenceOperationId!)))
            .Where(x => x.Target is not null && x.Target.ByUuidField is not null)
            .Select(x => (x.Field, x.Target!));

    /// <summary>The uuid a reference names: the value, or the last path segment of a URL value; lower-case, no hyphens.</summary>
    internal static string? TargetUuid(FieldDescriptor field, object? raw)
    {
        if (raw is not string text || text.Length == 0)
        {
            return null;
        }

        if (field.ReferenceFromUrl)
        {
            text = text.TrimEnd('/').Split('/')[^1];
        }

        return text.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
    }

    /// <summary>The parents a child row points at through <paramref name="via"/>: a uuid/URL field, or a list of embedded objects with uuids.</summary>
    private static IEnumerable<string> LinkedParents(FieldDescriptor via, JsonObject row)
    {
        if (via.IsList || via.Kind == ValueKind.Object)
        {
            return row[via.JsonName] is JsonArray items ? items.Select(Oracle.Uuid).OfType<string>() : [];
        }

        return TargetUuid(via, Oracle.WaldurValue(row, via)) is { } uuid ? [uuid] : [];
    }

    private void Report(string listField, List<string> failures)
    {
        failures.ForEach(output.WriteLine);
        Assert.True(failures.Count == 0,
            $"{listField} against {Target.Description}: {failures.Count} difference(s)\n" + string.Join("\n", failures.Take(25)) +
            (failures.Count > 25 ? $"\n… and {failures.Count - 25} more" : ""));
    }
}
