using System.Globalization;
using Microsoft.OpenApi;
using Waldur.Emulator.Waldur;
using static Waldur.Catalog.Generator.OpenApi30Schema;

namespace Waldur.Emulator.Tests;

/// <summary>
/// Every list operation of the vendored spec, served by the default emulator: rows valid against the spec's item schema,
/// paging and its headers, HEAD, <c>o</c>, exact filters, detail, nested lists' parents, determinism. Paths come from the
/// spec itself (<see cref="VendoredLists.ListOperations"/>), not from the emulator's extract.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class GenericListTests(EmulatorFixture fixture)
{
    private const string OtherUuid = "0123456789abcdef0123456789abcdef";

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Every_list_operation_answers_200_with_rows_valid_against_its_item_schema()
    {
        var failures = new List<string>();
        var rowsSeen = 0;
        foreach (var (template, operation) in VendoredLists.ListOperations)
        {
            var path = await ConcretePathAsync(template);
            var (response, body) = await Client.GetWithBodyAsync(path + "?page_size=300" + RequiredQuery(template));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                continue;
            }

            using var document = JsonDocument.Parse(body);
            var item = VendoredLists.ItemSchema(operation);
            failures.AddRange(document.RootElement.EnumerateArray().SelectMany((row, i) => SchemaValidator.Validate(row, item, $"{path}[{i}]")).Take(3));
            rowsSeen += document.RootElement.GetArrayLength();
            var paged = Parameters(operation).Any(p => p.Name == "page");
            var count = response.Header("X-Result-Count");
            if (paged != (count is not null) || (paged && count != document.RootElement.GetArrayLength().ToString(CultureInfo.InvariantCulture)))
            {
                failures.Add($"{path}: paged {paged} but X-Result-Count {count ?? "absent"} for {document.RootElement.GetArrayLength()} rows");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)) + $"\n({failures.Count} failures)");
        Assert.True(rowsSeen > 377 * 5, $"only {rowsSeen} rows over 377 lists");
    }

    [Fact]
    public async Task Pages_and_their_headers_agree_with_the_whole_list_and_HEAD_answers_the_same_headers()
    {
        var multiPage = 0;
        foreach (var template in Generic().Where(t => Parameters(t.Operation).Any(p => p.Name == "page")).Select(t => t.Path))
        {
            var path = await ConcretePathAsync(template);
            var all = await RowsAsync(path + "?page_size=300");
            var (first, firstBody) = await Client.GetWithBodyAsync(path);
            var count = int.Parse(first.Header("X-Result-Count")!, CultureInfo.InvariantCulture);
            Assert.Equal(all.Count, count);
            Assert.Equal(all.Take(10), Texts(firstBody));
            var link = first.Header("Link")!;
            Assert.StartsWith($"<{fixture.Host.BaseUrl}{path}>; rel=\"first\"", link, StringComparison.Ordinal);
            Assert.Equal(count > 10, link.Contains("rel=\"next\"", StringComparison.Ordinal));

            var paged = new List<string>();
            for (var page = 1; page <= Math.Max(1, (count + 6) / 7); page++)
            {
                paged.AddRange(await RowsAsync($"{path}?page={page}&page_size=7"));
            }

            Assert.Equal(all, paged);
            var (head, headBody) = await Client.SendWithBodyAsync(HttpMethod.Head, path);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(first.Header("X-Result-Count"), head.Header("X-Result-Count"));
            Assert.Equal(link, head.Header("Link"));
            Assert.Empty(headBody);
            multiPage += count > 10 ? 1 : 0;
        }

        Assert.True(multiPage > 50, $"only {multiPage} generic lists span more than one page");
    }

    [Fact]
    public async Task Lists_without_page_answer_every_row_without_paging_headers()
    {
        var unpaged = Generic().Where(t => !Parameters(t.Operation).Any(p => p.Name == "page")).ToList();
        Assert.NotEmpty(unpaged);
        foreach (var (template, _) in unpaged)
        {
            var path = await ConcretePathAsync(template);
            var (response, body) = await Client.GetWithBodyAsync(path + "?page=2&page_size=1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Header("X-Result-Count"));
            Assert.Null(response.Header("Link"));
            Assert.Equal(await RowsAsync(path), Texts(body));
        }
    }

    [Fact]
    public async Task O_orders_by_each_declared_key_that_is_a_property_both_ways_with_ties_in_one_stable_order()
    {
        var checkedKeys = 0;
        foreach (var (template, operation) in Generic())
        {
            var keys = OrderKeys(operation);
            var item = ItemProperties(operation);
            foreach (var key in keys.Where(k => item.TryGetValue(k, out var s) && TypeName(s) is "string" or "integer" or "number" or "boolean"))
            {
                var path = await ConcretePathAsync(template);
                foreach (var descending in new[] { false, true })
                {
                    var rows = await ElementsAsync($"{path}?o={(descending ? "-" : "")}{key}&page_size=300");
                    var values = rows.Select(r => r.GetProperty(key)).ToList();
                    var numeric = item[key].Format == "decimal";
                    for (var i = 1; i < values.Count; i++)
                    {
                        var order = Compare(values[i - 1], values[i], numeric);
                        Assert.True(descending ? order >= 0 : order <= 0, $"{path}?o={(descending ? "-" : "")}{key}: {values[i - 1]} before {values[i]}");
                    }

                    var again = await ElementsAsync($"{path}?o={(descending ? "-" : "")}{key}&page_size=300");
                    Assert.Equal(rows.Select(r => r.GetRawText()), again.Select(r => r.GetRawText()));
                }

                checkedKeys++;
            }
        }

        Assert.True(checkedKeys > 100, $"only {checkedKeys} ordering keys checked");
    }

    [Fact]
    public async Task O_outside_the_declared_keys_is_a_400_naming_it_U15()
    {
        var strict = Generic().Where(t => OrderKeys(t.Operation).Count > 0).ToList();
        Assert.NotEmpty(strict);
        foreach (var (template, _) in strict)
        {
            var path = await ConcretePathAsync(template);
            var (response, body) = await Client.GetWithBodyAsync(path + "?o=no_such_key");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("{\"o\":[\"Select a valid choice. no_such_key is not one of the available choices.\"]}", body);
        }
    }

    [Fact]
    public async Task A_plain_string_o_is_DRFs_OrderingFilter_unknown_terms_are_dropped_C5b()
    {
        var free = Generic().Where(t => Parameters(t.Operation).FirstOrDefault(p => p.Name == "o")?.Schema is { } o && TypeName(o) == "string" && !SchemaValidator.HasEnum(o)).ToList();
        Assert.NotEmpty(free);
        foreach (var (template, _) in free)
        {
            var path = await ConcretePathAsync(template);
            Assert.Equal(await RowsAsync(path + "?page_size=300"), await RowsAsync(path + "?page_size=300&o=no_such_key"));
        }

        var names = (await ElementsAsync("/api/service-settings/?page_size=300&o=-name,no_such_key")).Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task An_exact_filter_on_a_declared_uuid_enum_or_boolean_parameter_narrows_to_matching_rows()
    {
        var narrowed = 0;
        foreach (var (template, operation) in Generic())
        {
            var item = ItemProperties(operation);
            var path = await ConcretePathAsync(template);
            var all = await ElementsAsync(path + "?page_size=300");
            if (all.Count < 2)
            {
                continue;
            }

            foreach (var parameter in Parameters(operation).Where(p => p.In == ParameterLocation.Query && item.ContainsKey(p.Name!)))
            {
                var schema = TypeName(parameter.Schema!) == "array" ? parameter.Schema!.Items! : parameter.Schema!;
                if (schema.Format != "uuid" && TypeName(schema) != "boolean" && !SchemaValidator.HasEnum(schema))
                {
                    continue;
                }

                var value = all[all.Count / 2].GetProperty(parameter.Name!);
                if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.True or JsonValueKind.False))
                {
                    continue;
                }

                var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                if (schema.Format == "uuid" && item[parameter.Name!].Format == "uri")
                {
                    text = text.TrimEnd('/').Split('/')[^1];
                }

                // A choice filter over codes where the serializer writes labels (hooks' content_type: "1"/"2" vs
                // "json"/"form") cannot take the row's value: Waldur answers 400 there too.
                if (SchemaValidator.HasEnum(schema) && !SchemaValidator.EnumValues(schema).Contains(text))
                {
                    continue;
                }

                var matching = await ElementsAsync($"{path}?page_size=300&{parameter.Name}={Uri.EscapeDataString(text)}");
                Assert.NotEmpty(matching);
                Assert.All(matching, r => Assert.Equal(value.GetRawText(), r.GetProperty(parameter.Name!).GetRawText()));
                Assert.Equal(all.Count(r => r.GetProperty(parameter.Name!).GetRawText() == value.GetRawText()), matching.Count);
                narrowed += matching.Count < all.Count ? 1 : 0;
            }
        }

        Assert.True(narrowed > 50, $"only {narrowed} filters narrowed a list");
    }

    [Fact]
    public async Task A_uuid_filter_over_a_hyperlink_property_narrows_by_the_linked_uuid()
    {
        var all = await ElementsAsync("/api/access-subnets/?page_size=300");
        var customer = all[^1].GetProperty("customer").GetString()!;
        var uuid = customer.TrimEnd('/').Split('/')[^1];
        var matching = await ElementsAsync($"/api/access-subnets/?page_size=300&customer_uuid={uuid}");
        Assert.Equal(all.Count(s => s.GetProperty("customer").GetString() == customer), matching.Count);
        Assert.True(matching.Count < all.Count, "the filter did not narrow");
        Assert.All(matching, s => Assert.Equal(customer, s.GetProperty("customer").GetString()));
    }

    [Fact]
    public async Task A_declared_uuid_filter_with_a_bad_value_is_a_400_C3()
    {
        var (response, body) = await Client.GetWithBodyAsync("/api/access-subnets/?customer_uuid=nope");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"customer_uuid\":[\"Enter a valid UUID.\"]}", body);
    }

    [Fact]
    public async Task Detail_returns_the_listed_row_in_any_uuid_spelling_U3()
    {
        var retrieved = 0;
        foreach (var (template, _) in Generic().Where(t => VendoredSpec.Document.Paths.ContainsKey(t.Path + "{uuid}/")))
        {
            var path = await ConcretePathAsync(template);
            var rows = await ElementsAsync(path + "?page_size=300");
            var row = rows.FirstOrDefault(r => r.TryGetProperty("uuid", out _));
            if (row.ValueKind == JsonValueKind.Undefined)
            {
                continue;
            }

            var uuid = row.GetProperty("uuid").GetString()!;
            var (response, body) = await Client.GetWithBodyAsync($"{path}{Guid.ParseExact(uuid, "N"):D}/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(row.GetRawText(), body);
            Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"{path}{OtherUuid}/")).StatusCode);
            retrieved++;
        }

        Assert.True(retrieved > 150, $"only {retrieved} details retrieved");
    }

    [Fact]
    public async Task Detail_applies_the_declared_filters_U13()
    {
        var subnet = (await ElementsAsync("/api/access-subnets/?page_size=1"))[0];
        var uuid = subnet.GetProperty("uuid").GetString();
        var customer = subnet.GetProperty("customer").GetString()!;
        var other = (await ElementsAsync("/api/customers/?page_size=300")).Select(c => c.GetProperty("url").GetString()!).First(u => u != customer);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/access-subnets/{uuid}/?customer={Uri.EscapeDataString(customer)}")).StatusCode);
        var (response, body) = await Client.GetWithBodyAsync($"/api/access-subnets/{uuid}/?customer={Uri.EscapeDataString(other)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{\"detail\":\"No AccessSubnet matches the given query.\"}", body);
    }

    [Fact]
    public async Task Field_keeps_the_named_properties_in_serializer_order_and_unknown_names_are_dropped_C8()
    {
        var all = await ElementsAsync("/api/admin-announcements/?page_size=1");
        var keys = all[0].EnumerateObject().Select(p => p.Name).ToList();
        var some = await ElementsAsync($"/api/admin-announcements/?page_size=1&field={keys[3]}&field=nope&field={keys[0]}");
        Assert.Equal([keys[0], keys[3]], some[0].EnumerateObject().Select(p => p.Name));
        var none = await ElementsAsync("/api/admin-announcements/?page_size=1&field=nope");
        Assert.Equal(keys, none[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_nested_list_under_an_unknown_parent_is_a_404_naming_the_parent_model()
    {
        var nested = VendoredLists.ListOperations.Where(l => l.Key.Contains('{', StringComparison.Ordinal) && Parent(l.Key) is not null).ToList();
        Assert.True(nested.Count > 80, $"{nested.Count} nested lists with a parent");
        foreach (var (template, _) in nested)
        {
            var path = Fill(template, OtherUuid);
            var (response, body) = await Client.GetWithBodyAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.Matches("^\\{\"detail\":\"No [\\w ]+ matches the given query.\"\\}$", body);
        }
    }

    [Fact]
    public async Task A_nested_list_is_the_same_under_any_spelling_of_its_parent_uuid_U3()
    {
        var customer = (await ElementsAsync("/api/customers/?page_size=1"))[0].GetProperty("uuid").GetString()!;
        var plain = await RowsAsync($"/api/customers/{customer}/users/?page_size=300");
        var hyphenated = await RowsAsync($"/api/customers/{Guid.ParseExact(customer, "N"):D}/users/?page_size=300");
        Assert.Equal(plain, hyphenated);
        Assert.NotEmpty(plain);
    }

    [Fact]
    public async Task A_literal_list_path_wins_over_a_table_resources_detail_route()
    {
        var (response, body) = await Client.GetWithBodyAsync("/api/customers/countries/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("[", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task References_point_at_rows_of_the_referenced_list()
    {
        var customers = (await ElementsAsync("/api/customers/?page_size=300")).Select(c => c.GetProperty("uuid").GetString()).ToHashSet();
        var subnets = await ElementsAsync("/api/access-subnets/?page_size=300");
        Assert.NotEmpty(subnets);
        Assert.All(subnets, s => Assert.Contains(s.GetProperty("customer").GetString()!.Split('/')[^2], customers));
        Assert.All(subnets, s => Assert.StartsWith($"{fixture.Host.BaseUrl}/api/customers/", s.GetProperty("customer").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_uuid_or_url_property_named_like_a_parameter_with_an_operation_id_names_a_row_of_that_list()
    {
        var retrieves = VendoredSpec.Document.Paths
            .Where(p => p.Key.EndsWith("/{uuid}/", StringComparison.Ordinal) && !p.Key[..^"{uuid}/".Length].Contains('{', StringComparison.Ordinal)
                && p.Value.Operations?.ContainsKey(HttpMethod.Get) == true)
            .ToDictionary(p => p.Value.Operations![HttpMethod.Get].OperationId!, p => p.Key[..^"{uuid}/".Length]);
        var checkedValues = 0;
        foreach (var (template, operation) in Generic())
        {
            var item = ItemProperties(operation);
            foreach (var parameter in Parameters(operation))
            {
                // `customer_uuid` names the uuid property `customer_uuid` and, without a `customer` parameter, the url `customer`.
                var name = parameter.Name!;
                var property = item.TryGetValue(name, out var own) && own.Format is "uuid" or "uri" ? name
                    : name.EndsWith("_uuid", StringComparison.Ordinal) && item.TryGetValue(name[..^5], out var link) && link.Format == "uri"
                        && !Parameters(operation).Any(p => p.Name == name[..^5]) ? name[..^5]
                    : null;
                if (property is null)
                {
                    continue;
                }

                if (parameter.Extensions?.TryGetValue("x-waldur-operation-id", out var id) != true || id is not JsonNodeExtension { Node: { } target }
                    || target.GetValueKind() != JsonValueKind.String || !retrieves.TryGetValue(target.GetValue<string>(), out var list) || !VendoredLists.ListOperations.Any(l => l.Key == list))
                {
                    continue;
                }

                var uuids = (await ElementsAsync(list + "?page_size=300")).Select(r => r.GetProperty("uuid").GetString()).ToHashSet();
                foreach (var row in await ElementsAsync(await ConcretePathAsync(template) + "?page_size=300"))
                {
                    var value = row.GetProperty(property);
                    var uuid = value.ValueKind == JsonValueKind.Null ? null : value.GetString()!.TrimEnd('/').Split('/')[^1];
                    Assert.True(uuid is null || uuids.Contains(uuid), $"{template} {property}={value} is no row of {list}");
                    checkedValues++;
                }
            }
        }

        Assert.True(checkedValues > 500, $"only {checkedValues} references checked");
    }

    [Fact]
    public async Task Rows_are_the_same_for_the_same_seed_and_differ_for_another()
    {
        var sample = Generic().Where(t => !t.Path.Contains('{', StringComparison.Ordinal)).Take(40).Select(t => t.Path).ToList();
        await using var same = await EmulatorHost.StartAsync("--Emulator:Seed=42");
        await using var other = await EmulatorHost.StartAsync("--Emulator:Seed=7");
        using var sameClient = same.Client();
        using var otherClient = other.Client();
        var differ = 0;
        foreach (var path in sample)
        {
            var mine = (await Client.GetWithBodyAsync(path)).Body.Replace(fixture.Host.BaseUrl, "", StringComparison.Ordinal);
            Assert.Equal(mine, (await sameClient.GetWithBodyAsync(path)).Body.Replace(same.BaseUrl, "", StringComparison.Ordinal));
            differ += mine != (await otherClient.GetWithBodyAsync(path)).Body.Replace(other.BaseUrl, "", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(differ > sample.Count / 2, $"only {differ} of {sample.Count} lists change with the seed");
    }

    [Fact]
    public async Task GenericMaxRows_bounds_every_generic_list()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:GenericMaxRows=2");
        using var client = host.Client();
        foreach (var path in Generic().Where(t => !t.Path.Contains('{', StringComparison.Ordinal)).Take(60).Select(t => t.Path))
        {
            var (response, body) = await client.GetWithBodyAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.InRange(JsonDocument.Parse(body).RootElement.GetArrayLength(), 0, 2);
        }
    }

    // The lists the emulator serves generically; table-driven ones have their own tests.
    private static readonly Lazy<HashSet<string>> GenericPaths = new(() =>
    {
        var options = new EmulatorOptions();
        var dataset = Data.EmulatorDataset.Generate(options);
        return [.. new ResourceRegistry(dataset, options).Generic.Served.Select(l => l.Path)];
    });

    // Lists the rest of these tests can ask nothing of: they answer 400 without an undeclared parameter
    // (analytics/views.py BaseQuotasViewSet.list needs quota_name; DriftTests covers them in both modes).
    private static readonly HashSet<string> NeedQuery = ["/api/customer-quotas/", "/api/project-quotas/"];

    private static string RequiredQuery(string template) => NeedQuery.Contains(template) ? "&quota_name=nc_resource_count" : "";

    private static IEnumerable<(string Path, OpenApiOperation Operation)> Generic() =>
        VendoredLists.ListOperations.Where(l => GenericPaths.Value.Contains(l.Key) && !NeedQuery.Contains(l.Key)).Select(l => (l.Key, l.Value));

    // A path with its parameters filled in: the first with a row of the parent list, the others with a fixed uuid.
    private async Task<string> ConcretePathAsync(string template)
    {
        if (Parent(template) is not { } parent)
        {
            return Fill(template, OtherUuid);
        }

        var rows = await ElementsAsync(parent + "?page_size=1");
        Assert.True(rows.Count > 0, $"{parent} (parent of {template}) is empty");
        return Fill(template, rows[0].GetProperty("uuid").GetString()!);
    }

    private static string? Parent(string template)
    {
        var brace = template.IndexOf('{', StringComparison.Ordinal);
        if (brace < 0)
        {
            return null;
        }

        var prefix = template[..brace];
        var name = template[(brace + 1)..template.IndexOf('}', brace)];
        return VendoredLists.ListOperations.Any(l => l.Key == prefix) ? prefix
            : name switch { "customer_uuid" => "/api/customers/", "category_uuid" => "/api/marketplace-categories/", "resource_uuid" => "/api/marketplace-resources/", _ => null };
    }

    private static string Fill(string template, string first)
    {
        var brace = template.IndexOf('{', StringComparison.Ordinal);
        if (brace < 0)
        {
            return template;
        }

        var filled = template[..brace] + first + template[(template.IndexOf('}', brace) + 1)..];
        return System.Text.RegularExpressions.Regex.Replace(filled, "\\{[^}]+\\}", OtherUuid);
    }

    private static IReadOnlyList<string> OrderKeys(OpenApiOperation operation)
    {
        var o = Parameters(operation).FirstOrDefault(p => p.Name == "o")?.Schema;
        var schema = o is not null && TypeName(o) == "array" ? o.Items : o;
        return schema is null ? [] : [.. SchemaValidator.EnumValues(schema).Select(v => v.TrimStart('-')).Distinct()];
    }

    private static IEnumerable<IOpenApiParameter> Parameters(OpenApiOperation operation) => operation.Parameters ?? [];

    private static Dictionary<string, IOpenApiSchema> ItemProperties(OpenApiOperation operation) =>
        (VendoredLists.ItemSchema(operation).Properties ?? new Dictionary<string, IOpenApiSchema>()).ToDictionary(p => p.Key, p => p.Value);

    // PostgreSQL's order: nulls last; strings by code point here (the emulator's collation), numbers and decimals by value.
    private static int Compare(JsonElement x, JsonElement y, bool numeric) => (x.ValueKind, y.ValueKind) switch
    {
        (JsonValueKind.Null, JsonValueKind.Null) => 0,
        (JsonValueKind.Null, _) => 1,
        (_, JsonValueKind.Null) => -1,
        (JsonValueKind.String, JsonValueKind.String) when numeric =>
            decimal.Parse(x.GetString()!, CultureInfo.InvariantCulture).CompareTo(decimal.Parse(y.GetString()!, CultureInfo.InvariantCulture)),
        (JsonValueKind.String, JsonValueKind.String) => string.CompareOrdinal(x.GetString(), y.GetString()),
        (JsonValueKind.Number, JsonValueKind.Number) => x.GetDecimal().CompareTo(y.GetDecimal()),
        _ => (x.ValueKind == JsonValueKind.True).CompareTo(y.ValueKind == JsonValueKind.True),
    };

    private async Task<List<string>> RowsAsync(string url) => Texts((await Client.GetWithBodyAsync(url)).Body);

    private async Task<List<JsonElement>> ElementsAsync(string url)
    {
        var (response, body) = await Client.GetWithBodyAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return [.. JsonDocument.Parse(body).RootElement.EnumerateArray()];
    }

    private static List<string> Texts(string body) => [.. JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => e.GetRawText())];
}
