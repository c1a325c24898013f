using Microsoft.OpenApi;
using Waldur.Emulator.Data;
using static Waldur.Catalog.Generator.OpenApi30Schema;

namespace Waldur.Emulator.Tests;

/// <summary>The generic rules (U1, U8, U13, U17–U20, U23) and each documented filter on the sizes and droplets lists.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class SizeAndDropletRuleTests(EmulatorFixture fixture)
{
    private const string Sizes = "/api/digitalocean-sizes/";
    private const string Droplets = "/api/digitalocean-droplets/";

    private readonly HttpClient _client = fixture.Client;
    private readonly EmulatorHost _host = fixture.Host;

    private EmulatorDataset Data => _host.Dataset;

    private async Task<string[]> UuidsAsync(string path, string query = "")
    {
        var (response, body) = await _client.GetWithBodyAsync($"{path}?page_size=300&{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}?{query}: {(int)response.StatusCode} {body}");
        return Expected.Uuids(body);
    }

    private string[] DropletsWhere(Func<EmulatorDroplet, bool> predicate) =>
        [.. Data.Droplets.Where(predicate).OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Id).Select(d => d.Uuid)];

    private string[] SizesWhere(Func<EmulatorSize, bool> predicate) =>
        [.. Data.Sizes.Where(predicate).OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id).Select(s => s.Uuid)];

    private async Task AssertErrorAsync(string url, string expected)
    {
        var (response, body) = await _client.GetWithBodyAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, body);
    }

    // ---- bodies against the schema ----

    [Theory]
    [InlineData(Sizes, "DigitalOceanSize")]
    [InlineData(Droplets, "DigitalOceanDroplet")]
    public async Task U8_list_and_retrieve_bodies_are_valid_with_every_key_in_serializer_order(string path, string schemaName)
    {
        var schema = VendoredSpec.Schema(schemaName);
        var (_, list) = await _client.GetWithBodyAsync(path + "?page_size=300");
        var rows = JsonDocument.Parse(list).RootElement;
        Assert.Equal(JsonValueKind.Array, rows.ValueKind);
        Assert.True(rows.GetArrayLength() > 0);
        var listErrors = SchemaValidator.Validate(rows, new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema });
        Assert.True(listErrors.Count == 0, string.Join("; ", listErrors.Take(10)));
        foreach (var row in rows.EnumerateArray())
        {
            Assert.Equal(schema.Properties!.Keys, row.EnumerateObject().Select(p => p.Name));
            var (response, one) = await _client.GetWithBodyAsync(path + row.GetProperty("uuid").GetString() + "/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(row.GetRawText(), one);
            Assert.Empty(SchemaValidator.Validate(JsonDocument.Parse(one).RootElement, schema));
        }
    }

    [Fact]
    public async Task Every_documented_query_parameter_of_the_new_lists_is_accepted()
    {
        foreach (var path in new[] { Sizes, Droplets })
        {
            var operation = VendoredSpec.Document.Paths[path].Operations![HttpMethod.Get];
            foreach (var parameter in operation.Parameters!.Where(p => p.In == ParameterLocation.Query))
            {
                var schema = parameter.Schema!;
                var sample = TypeName(schema) switch
                {
                    "integer" => "1",
                    "boolean" => "true",
                    _ when schema.Format == "uuid" => Data.Droplets[0].Project.Uuid,
                    "array" => SchemaValidator.EnumValues(schema.Items!)[0],
                    _ => "x",
                };
                var response = await _client.GetAsync($"{path}?{parameter.Name}={sample}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}?{parameter.Name}={sample} gave {(int)response.StatusCode}");
            }
        }
    }

    // ---- endpoints, auth, paging ----

    [Theory]
    [InlineData(Sizes)]
    [InlineData(Droplets)]
    public async Task U1_GET_and_HEAD_serve_list_and_retrieve_and_other_methods_are_405(string path)
    {
        var uuid = path == Sizes ? Data.Sizes[0].Uuid : Data.Droplets[0].Uuid;
        foreach (var url in new[] { path, $"{path}{uuid}/" })
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(new(HttpMethod.Get, url))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(new(HttpMethod.Head, url))).StatusCode);
            // Droplets take the spec's writes since issues 22 and 23 (WriteTests, GenericWriteWalkTests): PUT on the list
            // and POST on a droplet are not among them.
            var method = path == Droplets && url == path ? HttpMethod.Put : HttpMethod.Post;
            var (post, body) = await _client.SendWithBodyAsync(method, url);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
            Assert.Equal($"{{\"detail\":\"Method \\\"{method.Method}\\\" not allowed.\"}}", body);
            Assert.Equal("GET, HEAD, OPTIONS", post.Content.Headers.Allow.Count > 0 ? string.Join(", ", post.Content.Headers.Allow) : post.Header("Allow"));
        }

        var (redirect, _) = await _client.GetWithBodyAsync(path.TrimEnd('/'));
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
    }

    [Theory]
    [InlineData(Sizes)]
    [InlineData(Droplets)]
    public async Task U20_anonymous_is_401_before_405(string path)
    {
        using var anonymous = _host.Client(null);
        var (response, body) = await anonymous.SendWithBodyAsync(HttpMethod.Post, path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"detail\":\"Authentication credentials were not provided.\"}", body);
        Assert.Equal("Token", response.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task U23_unknown_and_malformed_uuids_are_404_naming_the_model()
    {
        var (size, sizeBody) = await _client.GetWithBodyAsync(Sizes + new string('0', 32) + "/");
        Assert.Equal(HttpStatusCode.NotFound, size.StatusCode);
        Assert.Equal("{\"detail\":\"No Size matches the given query.\"}", sizeBody);
        var (droplet, dropletBody) = await _client.GetWithBodyAsync(Droplets + "not-a-uuid/");
        Assert.Equal(HttpStatusCode.NotFound, droplet.StatusCode);
        Assert.Equal("{\"detail\":\"No Droplet matches the given query.\"}", dropletBody);
        var hyphenated = Guid.ParseExact(Data.Droplets[0].Uuid, "N").ToString("D").ToUpperInvariant();
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(Droplets + hyphenated + "/")).StatusCode);
    }

    [Fact]
    public async Task U17_U19_droplets_page_with_count_and_link_headers()
    {
        Assert.Equal(60, Data.Droplets.Count);
        var expected = DropletsWhere(_ => true);
        var seen = new List<string>();
        for (var page = 1; page <= 9; page++)
        {
            var (response, body) = await _client.GetWithBodyAsync($"{Droplets}?page_size=7&page={page}&zzz=1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("60", response.Header("X-Result-Count"));
            seen.AddRange(Expected.Uuids(body));
            var link = response.Header("Link")!;
            Assert.StartsWith($"<{_host.BaseUrl}{Droplets}?page_size=7&zzz=1>; rel=\"first\"", link, StringComparison.Ordinal);
            Assert.EndsWith($"<{_host.BaseUrl}{Droplets}?page=9&page_size=7&zzz=1>; rel=\"last\"", link, StringComparison.Ordinal);
            Assert.Equal(page < 9, link.Contains("rel=\"next\"", StringComparison.Ordinal));
            Assert.Equal(page > 1, link.Contains("rel=\"prev\"", StringComparison.Ordinal));
        }

        Assert.Equal(expected, seen);
        Assert.Equal(10, Expected.Uuids((await _client.GetWithBodyAsync(Droplets)).Body).Length);
    }

    [Theory]
    [InlineData(Sizes)]
    [InlineData(Droplets)]
    public async Task U18_page_last_and_invalid_pages(string path)
    {
        var total = path == Sizes ? Data.Sizes.Count : Data.Droplets.Count;
        var (last, body) = await _client.GetWithBodyAsync(path + "?page_size=8&page=last");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(total % 8 == 0 ? 8 : total % 8, Expected.Uuids(body).Length);
        foreach (var page in new[] { "0", "-1", "abc", ((total / 8) + 2).ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            var (response, error) = await _client.GetWithBodyAsync($"{path}?page_size=8&page={page}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("{\"detail\":\"Invalid page.\"}", error);
        }
    }

    [Fact]
    public async Task U19a_HEAD_counts_after_filters_without_a_body()
    {
        var (response, body) = await _client.SendWithBodyAsync(HttpMethod.Head, Droplets + "?state=OK&state=ERRED");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", body);
        Assert.Equal(Data.Droplets.Count(d => d.State is "OK" or "ERRED").ToString(System.Globalization.CultureInfo.InvariantCulture), response.Header("X-Result-Count"));
        Assert.NotNull(response.Header("Link"));
        var (sizes, _) = await _client.SendWithBodyAsync(HttpMethod.Head, Sizes);
        Assert.Equal("20", sizes.Header("X-Result-Count"));
    }

    // ---- default order and o ----

    [Fact]
    public async Task U16_default_orders_are_by_name_with_insertion_order_for_ties()
    {
        Assert.Equal(SizesWhere(_ => true), await UuidsAsync(Sizes));
        Assert.Equal(DropletsWhere(_ => true), await UuidsAsync(Droplets));
        Assert.Contains(Data.Droplets.GroupBy(d => d.Name), g => g.Count() > 1);
    }

    [Fact]
    public async Task Droplets_accept_BaseResourceFilter_ordering_and_sizes_ignore_o()
    {
        var byCreated = Data.Droplets.OrderByDescending(d => d.Created).ThenBy(d => d.Id).Select(d => d.Uuid);
        Assert.Equal(byCreated, await UuidsAsync(Droplets, "o=-created"));
        var byState = Data.Droplets.OrderBy(d => d.StateCode).ThenBy(d => d.Project.Name, StringComparer.Ordinal).ThenBy(d => d.Id).Select(d => d.Uuid);
        Assert.Equal(byState, await UuidsAsync(Droplets, "o=state,project_name,"));
        await AssertErrorAsync(Droplets + "?o=name,cores", "{\"o\":[\"Select a valid choice. cores is not one of the available choices.\"]}");
        Assert.Equal(SizesWhere(_ => true), await UuidsAsync(Sizes, "o=-cores"));
    }

    // ---- size filters ----

    [Fact]
    public async Task Sizes_name_is_icontains_and_name_exact_is_exact()
    {
        Assert.Equal(SizesWhere(s => s.Name.Contains("vcpu-2", StringComparison.Ordinal)), await UuidsAsync(Sizes, "name=VCPU-2"));
        Assert.Equal(SizesWhere(s => s.Name == "s-1vcpu-1gb"), await UuidsAsync(Sizes, "name_exact=s-1vcpu-1gb"));
        Assert.Empty(await UuidsAsync(Sizes, "name_exact=S-1VCPU-1GB"));
    }

    [Fact]
    public async Task Sizes_cores_ram_and_disk_are_exact_numbers()
    {
        Assert.Equal(SizesWhere(s => s.Cores == 2), await UuidsAsync(Sizes, "cores=2"));
        Assert.Equal(SizesWhere(s => s.Ram == 4096), await UuidsAsync(Sizes, "ram=4096"));
        Assert.Equal(SizesWhere(s => s.Disk == 25 * 1024), await UuidsAsync(Sizes, "disk=25600"));
        Assert.Empty(await UuidsAsync(Sizes, "ram=4"));
        Assert.Equal(SizesWhere(s => s.Cores == 1), await UuidsAsync(Sizes, "cores=1.5"));
        // U11: the last value wins, and an empty last value means "not given".
        Assert.Equal(SizesWhere(s => s.Ram == 8192), await UuidsAsync(Sizes, "cores=2&ram=8192&cores="));
        Assert.Equal(SizesWhere(s => s.Cores == 2 && s.Ram == 8192), await UuidsAsync(Sizes, "cores=4&ram=8192&cores=2"));
        await AssertErrorAsync(Sizes + "?cores=two&ram=x", "{\"cores\":[\"Enter a number.\"],\"ram\":[\"Enter a number.\"]}");
    }

    [Fact]
    public async Task Sizes_empty_and_unknown_parameters_are_ignored()
    {
        Assert.Equal(SizesWhere(_ => true), await UuidsAsync(Sizes, "name=&name_exact=&cores=&ram=&disk=&regions=x&price=1&field=name"));
    }

    // ---- droplet filters ----

    [Fact]
    public async Task Droplets_uuid_filters_are_exact_and_validated()
    {
        var droplet = Data.Droplets[5];
        var project = droplet.Project;
        var customer = project.Customer;
        Assert.Equal(DropletsWhere(d => d.Project == project), await UuidsAsync(Droplets, "project=" + project.Uuid));
        Assert.Equal(DropletsWhere(d => d.Project == project), await UuidsAsync(Droplets, "project_uuid=" + Guid.ParseExact(project.Uuid, "N").ToString("D")));
        Assert.Equal(DropletsWhere(d => d.Project.Customer == customer), await UuidsAsync(Droplets, "customer=" + customer.Uuid));
        Assert.Equal(DropletsWhere(d => d.Project.Customer == customer), await UuidsAsync(Droplets, "customer_uuid=" + customer.Uuid.ToUpperInvariant()));
        Assert.Equal(DropletsWhere(d => d.ServiceSettings == droplet.ServiceSettings), await UuidsAsync(Droplets, "service_settings_uuid=" + droplet.ServiceSettings.Uuid));
        Assert.Equal([droplet.Uuid], await UuidsAsync(Droplets, "uuid=" + droplet.Uuid));
        Assert.Empty(await UuidsAsync(Droplets, "project=" + customer.Uuid));
        await AssertErrorAsync(Droplets + "?uuid=123&customer=nope", "{\"customer\":[\"Enter a valid UUID.\"],\"uuid\":[\"Enter a valid UUID.\"]}");
    }

    [Theory]
    [InlineData("customer_name")]
    [InlineData("customer_native_name")]
    [InlineData("customer_abbreviation")]
    [InlineData("project_name")]
    [InlineData("service_settings_name")]
    [InlineData("name")]
    [InlineData("description")]
    public async Task Droplets_text_filters_are_case_insensitive_substrings(string parameter)
    {
        Func<EmulatorDroplet, string> field = parameter switch
        {
            "customer_name" => d => d.Project.Customer.Name,
            "customer_native_name" => d => d.Project.Customer.NativeName,
            "customer_abbreviation" => d => d.Project.Customer.Abbreviation,
            "project_name" => d => d.Project.Name,
            "service_settings_name" => d => d.ServiceSettings.Name,
            "name" => d => d.Name,
            _ => d => d.Description,
        };
        var sample = field(Data.Droplets.First(d => field(d).Length > 3));
        var part = sample[1..^1];
        var expected = DropletsWhere(d => field(d).Contains(part, StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await UuidsAsync(Droplets, $"{parameter}={Uri.EscapeDataString(part.ToUpperInvariant())}"));
        Assert.Equal(expected, await UuidsAsync(Droplets, $"{parameter}={Uri.EscapeDataString(part.ToLowerInvariant())}"));
        Assert.Empty(await UuidsAsync(Droplets, $"{parameter}=%25{Uri.EscapeDataString(part)}"));
    }

    [Fact]
    public async Task Droplets_name_exact_backend_id_and_external_ip_are_exact_and_case_sensitive()
    {
        var droplet = Data.Droplets.First(d => d.BackendId.Length > 0);
        Assert.Equal(DropletsWhere(d => d.Name == droplet.Name), await UuidsAsync(Droplets, "name_exact=" + Uri.EscapeDataString(droplet.Name)));
        Assert.Empty(await UuidsAsync(Droplets, "name_exact=" + Uri.EscapeDataString(droplet.Name.ToUpperInvariant())));
        Assert.Empty(await UuidsAsync(Droplets, "name_exact=" + Uri.EscapeDataString(droplet.Name[..^1])));
        Assert.Equal([droplet.Uuid], await UuidsAsync(Droplets, "backend_id=" + droplet.BackendId));
        Assert.Empty(await UuidsAsync(Droplets, "backend_id=" + droplet.BackendId[..^1]));
        Assert.Equal(DropletsWhere(d => d.IpAddress == droplet.IpAddress), await UuidsAsync(Droplets, "external_ip=" + droplet.IpAddress));
        Assert.Empty(await UuidsAsync(Droplets, "external_ip=" + droplet.IpAddress[..^1]));
    }

    [Fact]
    public async Task Droplets_state_is_multi_valued_exact_and_validated()
    {
        Assert.Equal(DropletsWhere(d => d.State == "OK"), await UuidsAsync(Droplets, "state=OK"));
        var okOrErred = DropletsWhere(d => d.State is "OK" or "ERRED");
        Assert.Equal(okOrErred, await UuidsAsync(Droplets, "state=OK&state=ERRED"));
        Assert.NotEqual(DropletsWhere(d => d.State == "OK"), okOrErred);
        Assert.Empty(await UuidsAsync(Droplets, "state=DELETING&name_exact=nothing-here"));
        // Waldur's state labels are the CoreStates names; anything else, a different case, a comma list or an empty value
        // is a validation error of django's MultipleChoiceField (not ignored, unlike the char filters).
        await AssertErrorAsync(Droplets + "?state=ok", "{\"state\":[\"Select a valid choice. ok is not one of the available choices.\"]}");
        await AssertErrorAsync(Droplets + "?state=OK,ERRED", "{\"state\":[\"Select a valid choice. OK,ERRED is not one of the available choices.\"]}");
        await AssertErrorAsync(Droplets + "?state=OK&state=", "{\"state\":[\"Select a valid choice.  is not one of the available choices.\"]}");
        await AssertErrorAsync(Droplets + "?state=Erred", "{\"state\":[\"Select a valid choice. Erred is not one of the available choices.\"]}");
    }

    [Fact]
    public async Task Droplets_empty_unknown_and_can_manage_parameters_do_not_narrow()
    {
        var all = DropletsWhere(_ => true);
        Assert.Equal(all, await UuidsAsync(Droplets,
            "name=&name_exact=&customer=&customer_uuid=&project=&project_uuid=&service_settings_uuid=&uuid=&description="
            + "&backend_id=&external_ip=&customer_name=&project_name=&o=&bogus=1&size=x&image_name=Ubuntu"));
        Assert.Equal(all, await UuidsAsync(Droplets, "can_manage=true"));
        Assert.Equal(all, await UuidsAsync(Droplets, "can_manage=false"));
    }

    [Fact]
    public async Task Droplets_repeated_char_filter_keeps_its_last_value()
    {
        var droplet = Data.Droplets[3];
        Assert.Equal(DropletsWhere(d => d.Name == droplet.Name), await UuidsAsync(Droplets, "name_exact=zzz&name_exact=" + Uri.EscapeDataString(droplet.Name)));
    }

    [Fact]
    public async Task U13_filters_apply_to_droplet_and_size_retrieve()
    {
        var droplet = Data.Droplets.First(d => d.State == "OK");
        var (miss, body) = await _client.GetWithBodyAsync($"{Droplets}{droplet.Uuid}/?state=ERRED");
        Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
        Assert.Equal("{\"detail\":\"No Droplet matches the given query.\"}", body);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"{Droplets}{droplet.Uuid}/?state=OK&project={droplet.Project.Uuid}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"{Droplets}{droplet.Uuid}/?o=size")).StatusCode);
        var size = Data.Sizes.First(s => s.Cores == 1);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"{Sizes}{size.Uuid}/?cores=2")).StatusCode);
    }

    [Fact]
    public async Task Droplets_field_restricts_keys_in_serializer_order()
    {
        var droplet = Data.Droplets[0];
        var (_, body) = await _client.GetWithBodyAsync($"{Droplets}{droplet.Uuid}/?field=name&field=uuid&field=bogus");
        Assert.Equal($"{{\"uuid\":\"{droplet.Uuid}\",\"name\":\"{droplet.Name}\"}}", body);
        var (_, list) = await _client.GetWithBodyAsync(Droplets + "?field=state&field=project_uuid&page_size=300");
        Assert.All(JsonDocument.Parse(list).RootElement.EnumerateArray(),
            row => Assert.Equal(["project_uuid", "state"], row.EnumerateObject().Select(p => p.Name)));
        var (_, writeOnly) = await _client.GetWithBodyAsync($"{Droplets}{droplet.Uuid}/?field=image");
        Assert.Equal("{}", writeOnly);
        var (_, unknown) = await _client.GetWithBodyAsync($"{Droplets}{droplet.Uuid}/?field=bogus");
        Assert.Equal(51, JsonDocument.Parse(unknown).RootElement.EnumerateObject().Count());
        var (_, size) = await _client.GetWithBodyAsync($"{Sizes}{Data.Sizes[0].Uuid}/?field=name");
        Assert.Equal(8, JsonDocument.Parse(size).RootElement.EnumerateObject().Count());
    }

    // ---- consistent references ----

    [Fact]
    public async Task Droplet_references_agree_across_rows_and_with_the_other_lists()
    {
        var (_, body) = await _client.GetWithBodyAsync(Droplets + "?page_size=300");
        var rows = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        Assert.Equal(60, rows.Count);
        string S(JsonElement row, string key) => row.GetProperty(key).GetString()!;
        foreach (var group in rows.GroupBy(r => S(r, "project_uuid")))
        {
            Assert.Single(group.Select(r => (S(r, "project_name"), S(r, "customer_uuid"), S(r, "customer_name"), S(r, "project"))).Distinct());
        }

        Assert.True(rows.Select(r => S(r, "project_uuid")).Distinct().Count() > 3);
        foreach (var group in rows.GroupBy(r => S(r, "customer_uuid")))
        {
            Assert.Single(group.Select(r => (S(r, "customer_name"), S(r, "customer_native_name"), S(r, "customer_abbreviation"))).Distinct());
        }

        foreach (var group in rows.GroupBy(r => S(r, "service_settings_uuid")))
        {
            Assert.Single(group.Select(r => S(r, "service_name")).Distinct());
        }

        var (_, sizeBody) = await _client.GetWithBodyAsync(Sizes + "?page_size=300");
        var sizes = JsonDocument.Parse(sizeBody).RootElement.EnumerateArray()
            .Select(s => (s.GetProperty("cores").GetInt32(), s.GetProperty("ram").GetInt32(), s.GetProperty("disk").GetInt32())).ToHashSet();
        var regions = Data.Regions.Select(r => r.Name).ToHashSet();
        var images = Data.Images.Select(i => i.Name).ToHashSet();
        foreach (var row in rows)
        {
            Assert.Contains((row.GetProperty("cores").GetInt32(), row.GetProperty("ram").GetInt32(), row.GetProperty("disk").GetInt32()), sizes);
            Assert.Contains(S(row, "region_name"), regions);
            Assert.Contains(S(row, "image_name"), images);
            Assert.Equal($"{_host.BaseUrl}/api/projects/{S(row, "project_uuid")}/", S(row, "project"));
            Assert.Equal($"{_host.BaseUrl}/api/customers/{S(row, "customer_uuid")}/", S(row, "customer"));
        }

        Assert.All(Data.Droplets, d => Assert.Contains(d.Region, d.Size.Regions.Concat(Data.Regions)));
        Assert.All(Data.Droplets, d => Assert.True(d.Image.MinDiskSize is not { } min || d.Disk >= min));
    }
}
