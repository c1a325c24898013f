using Waldur.Emulator.Data.Core;

namespace Waldur.Emulator.Tests;

/// <summary>The 15 core lists: bodies against the 8.0.5 item schemas, references, filters (docs/waldur-core-rules.md C3/C4),
/// <c>o</c> (C5), <c>field=</c> (C8), retrieve (C9) and the permission model (C7 and the per-list visibility).</summary>
public sealed class CoreListTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private HttpClient _staff = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(
            "--Emulator:Users:owner-token:Role=customer-owner", "--Emulator:Users:owner-token:Customer=0",
            "--Emulator:Users:member-token:Role=project-member", "--Emulator:Users:member-token:Project=2",
            "--Emulator:Users:nobody-token:Role=none");
        _staff = _host.Client();
    }

    public async Task DisposeAsync()
    {
        _staff.Dispose();
        await _host.DisposeAsync();
    }

    private CoreData Core => _host.Dataset.Core;

    public static TheoryData<string> Lists => new(VendoredCoreLists.Paths);

    private static async Task<List<JsonElement>> All(HttpClient client, string url)
    {
        var (response, body) = await client.GetWithBodyAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "page_size=300");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {body}");
        return [.. JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static HashSet<string> Uuids(IEnumerable<JsonElement> rows) => [.. rows.Select(r => r.GetProperty("uuid").GetString()!)];

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task C8_every_row_and_retrieve_is_valid_against_the_item_schema_with_every_key_in_order(string path)
    {
        var schema = VendoredCoreLists.ItemSchema(path);
        var rows = await All(_staff, path);
        Assert.NotEmpty(rows);
        var keys = schema.Properties!.Where(p => !p.Value.WriteOnly).Select(p => p.Key).ToList();
        foreach (var row in rows)
        {
            var errors = SchemaValidator.Validate(row, schema);
            Assert.True(errors.Count == 0, $"{path}: {string.Join("; ", errors.Take(5))}");
            Assert.Equal(keys, row.EnumerateObject().Select(p => p.Name).ToList());
        }

        if (path != "/api/events/")
        {
            var uuid = rows[0].GetProperty("uuid").GetString();
            var (response, body) = await _staff.GetWithBodyAsync($"{path}{uuid}/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(SchemaValidator.Validate(JsonDocument.Parse(body).RootElement, schema));
        }
    }

    [Fact]
    public void Data_references_resolve_and_agree()
    {
        Assert.Equal([6, 18, 30, 120, 200, 8, 4, 25, 40, 48, 300, 60, 10, 80],
            [Core.Customers.Count, Core.Projects.Count, Core.Users.Count, Core.Resources.Count, Core.Orders.Count, Core.Categories.Count,
             Core.ServiceProviders.Count, Core.Offerings.Count, Core.Plans.Count, Core.Invoices.Count, Core.Events.Count, Core.Instances.Count,
             Core.Tenants.Count, Core.Volumes.Count]);
        Assert.All(Core.Projects, p => Assert.Contains(p.Customer, Core.Customers));
        Assert.All(Core.Resources, r => Assert.True(r.Plan is null || r.Plan.Offering == r.Offering));
        Assert.All(Core.Orders, o => Assert.Contains(o.Resource, Core.Resources));
        Assert.All(Core.Instances, i => Assert.Contains(i.Tenant, Core.Tenants));
        Assert.All(Core.Volumes, v => Assert.True(v.Instance is null || v.Instance.Tenant == v.Tenant));
        Assert.All(Core.Offerings, o => Assert.Contains(o.Provider, Core.ServiceProviders));
        Assert.Equal(Core.Customers.Count, Core.Customers.Select(c => c.Uuid).Distinct().Count());
    }

    [Fact]
    public async Task Served_references_agree_with_the_rows_they_point_at()
    {
        var projects = (await All(_staff, "/api/projects/")).ToDictionary(p => p.GetProperty("uuid").GetString()!);
        var offerings = Uuids(await All(_staff, "/api/marketplace-provider-offerings/"));
        var resources = await All(_staff, "/api/marketplace-resources/");
        foreach (var r in resources)
        {
            var project = projects[r.GetProperty("project_uuid").GetString()!];
            Assert.Equal(project.GetProperty("customer_uuid").GetString(), r.GetProperty("customer_uuid").GetString());
            Assert.Equal(project.GetProperty("customer_name").GetString(), r.GetProperty("customer_name").GetString());
            Assert.Contains(r.GetProperty("offering_uuid").GetString()!, offerings);
        }

        var resourceProjects = resources.ToDictionary(r => r.GetProperty("uuid").GetString()!, r => r.GetProperty("project_uuid").GetString());
        foreach (var o in await All(_staff, "/api/marketplace-orders/"))
        {
            Assert.Equal(resourceProjects[o.GetProperty("resource_uuid").GetString()!], o.GetProperty("project_uuid").GetString());
        }

        var tenants = (await All(_staff, "/api/openstack-tenants/")).ToDictionary(t => t.GetProperty("uuid").GetString()!);
        foreach (var i in await All(_staff, "/api/openstack-instances/"))
        {
            Assert.Equal(tenants[i.GetProperty("tenant_uuid").GetString()!].GetProperty("project_uuid").GetString(), i.GetProperty("project_uuid").GetString());
        }

        foreach (var invoice in await All(_staff, "/api/invoices/"))
        {
            Assert.StartsWith(_host.BaseUrl + "/api/customers/", invoice.GetProperty("customer").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task C4_csv_uuid_is_one_parameter_with_OR_and_a_bad_element_is_400()
    {
        var a = Core.Customers[0];
        var b = Core.Customers[1];
        var rows = await All(_staff, $"/api/projects/?customer={a.Uuid},{b.Uuid}");
        Assert.Equal(Core.Projects.Where(p => p.Customer == a || p.Customer == b).Select(p => p.Uuid).ToHashSet(), Uuids(rows));
        var (response, body) = await _staff.GetWithBodyAsync($"/api/projects/?customer={a.Uuid},nope");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"customer\":[\"Enter a valid UUID.\"]}", body);
        var offering = Core.Resources[0].Offering;
        Assert.Equal(Core.Resources.Where(r => r.Offering == offering).Select(r => r.Uuid).ToHashSet(),
            Uuids(await All(_staff, $"/api/marketplace-resources/?offering_uuid={offering.Uuid}")));
    }

    [Fact]
    public async Task C4_repeated_multi_value_is_OR_and_an_unknown_choice_is_400()
    {
        var rows = await All(_staff, "/api/marketplace-resources/?state=OK&state=Erred");
        Assert.Equal(Core.Resources.Where(r => r.State is "OK" or "Erred").Select(r => r.Uuid).ToHashSet(), Uuids(rows));
        var (response, body) = await _staff.GetWithBodyAsync("/api/marketplace-resources/?state=OK,Erred");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"state\":[\"Select a valid choice. OK,Erred is not one of the available choices.\"]}", body);
        Assert.Equal(Core.Orders.Count(o => o.Type is "Create" or "Terminate"), (await All(_staff, "/api/marketplace-orders/?type=Create&type=Terminate")).Count);
        Assert.Equal(Core.Instances.Count(i => i.State is "OK" or "ERRED"), (await All(_staff, "/api/openstack-instances/?state=OK&state=ERRED")).Count);
        Assert.Equal(Core.Invoices.Count(i => i.State == "paid"), (await All(_staff, "/api/invoices/?state=paid")).Count);
    }

    [Fact]
    public async Task C3_uuid_filters_give_400_on_malformed_values_and_empty_or_unknown_parameters_are_ignored()
    {
        var (response, body) = await _staff.GetWithBodyAsync("/api/marketplace-resources/?project_uuid=xyz");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"project_uuid\":[\"Enter a valid UUID.\"]}", body);
        Assert.Equal(Core.Resources.Count, (await All(_staff, "/api/marketplace-resources/?project_uuid=&whatever=1")).Count);
        var project = Core.Projects[3];
        Assert.Equal(Core.Volumes.Count(v => v.Project == project), (await All(_staff, $"/api/openstack-volumes/?project_uuid={project.Uuid}")).Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await _staff.GetAsync("/api/openstack-tenants/?customer=bad")).StatusCode);
    }

    [Fact]
    public async Task C4_icontains_exact_boolean_and_date_filters()
    {
        Assert.Equal(Core.Customers.Count(c => c.Name.Contains("university", StringComparison.OrdinalIgnoreCase)), (await All(_staff, "/api/customers/?name=UNIVERSITY")).Count);
        Assert.Equal(Core.Users.Count(u => u.Username == "admin"), (await All(_staff, "/api/users/?username=admin")).Count);
        Assert.Equal(Core.Offerings.Count(o => o.Shared), (await All(_staff, "/api/marketplace-provider-offerings/?shared=1")).Count);
        var after = Core.Projects.OrderBy(p => p.Created).ElementAt(9).Created;
        Assert.Equal(Core.Projects.Count(p => p.Created >= after),
            (await All(_staff, $"/api/projects/?created={Uri.EscapeDataString(after.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture))}")).Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await _staff.GetAsync("/api/projects/?created=yesterday")).StatusCode);
        Assert.Equal(Core.Invoices.Count(i => i.Year == 2025), (await All(_staff, "/api/invoices/?year=2025")).Count);
    }

    [Fact]
    public async Task C5_o_orders_by_the_spec_keys_and_rejects_others_except_on_customers()
    {
        var rows = await All(_staff, "/api/marketplace-resources/?o=-name");
        Assert.Equal(Core.Resources.Select(r => r.Name).OrderByDescending(n => n, StringComparer.Ordinal), rows.Select(r => r.GetProperty("name").GetString()));
        var (response, body) = await _staff.GetWithBodyAsync("/api/marketplace-resources/?o=uuid");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"o\":[\"Select a valid choice. uuid is not one of the available choices.\"]}", body);
        Assert.Equal(HttpStatusCode.BadRequest, (await _staff.GetAsync("/api/openstack-instances/?o=start_time")).StatusCode);
        // C5b: DRF OrderingFilter drops unknown terms.
        var customers = await All(_staff, "/api/customers/?o=nonsense,-name");
        Assert.Equal(Core.Customers.Select(c => c.Name).OrderByDescending(n => n, StringComparer.Ordinal), customers.Select(c => c.GetProperty("name").GetString()));
        // C6 defaults: invoices -year,-month; events -created; users by username.
        var invoices = await All(_staff, "/api/invoices/");
        Assert.Equal(invoices.Select(i => (i.GetProperty("year").GetInt32() * 12) + i.GetProperty("month").GetInt32()).OrderDescending(),
            invoices.Select(i => (i.GetProperty("year").GetInt32() * 12) + i.GetProperty("month").GetInt32()));
        var users = await All(_staff, "/api/users/");
        Assert.Equal(Core.Users.Select(u => u.Username).Order(StringComparer.Ordinal), users.Select(u => u.GetProperty("username").GetString()));
    }

    [Fact]
    public async Task C8_field_keeps_named_keys_in_serializer_order_and_plans_ignore_it()
    {
        var (_, body) = await _staff.GetWithBodyAsync("/api/projects/?field=name&field=uuid&field=nope");
        var first = JsonDocument.Parse(body).RootElement[0];
        Assert.Equal(["uuid", "name"], first.EnumerateObject().Select(p => p.Name));
        var (_, all) = await _staff.GetWithBodyAsync("/api/projects/?field=nope");
        Assert.True(JsonDocument.Parse(all).RootElement[0].EnumerateObject().Count() > 10);
        var (_, plans) = await _staff.GetWithBodyAsync("/api/marketplace-plans/?field=uuid");
        Assert.True(JsonDocument.Parse(plans).RootElement[0].EnumerateObject().Count() > 1);
        var (_, one) = await _staff.GetWithBodyAsync($"/api/customers/{Core.Customers[0].Uuid}/?field=name");
        Assert.Equal(Core.Customers[0].Name, JsonDocument.Parse(one).RootElement.GetProperty("name").GetString());
        Assert.Single(JsonDocument.Parse(one).RootElement.EnumerateObject());
    }

    [Fact]
    public async Task U19_paging_HEAD_and_404_bodies_are_generic()
    {
        var head = await _staff.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/marketplace-orders/?page_size=7"));
        Assert.Equal("200", head.Header("X-Result-Count"));
        Assert.Contains("rel=\"next\"", head.Header("Link"), StringComparison.Ordinal);
        var (response, body) = await _staff.GetWithBodyAsync("/api/customers/00000000000000000000000000000000/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{\"detail\":\"No Customer matches the given query.\"}", body);
        Assert.Equal(HttpStatusCode.NotFound, (await _staff.GetAsync($"/api/events/{Core.Events[0].Uuid}/")).StatusCode);
    }

    public static TheoryData<string> Tokens => new() { "owner-token", "member-token", "nobody-token" };

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task C7_each_role_sees_exactly_its_rows_and_retrieve_of_an_invisible_row_is_404(string token)
    {
        using var client = _host.Client("Token " + token);
        var staffRows = new Dictionary<string, List<JsonElement>>();
        foreach (var path in VendoredCoreLists.Paths)
        {
            var all = await All(_staff, path);
            var seen = Uuids(await All(client, path));
            var rows = RowsOf(path);
            var expected = rows.Where(r => _host.Dataset.IsVisibleTo(token, path, r) && (path != "/api/events/")).Select(UuidOf).ToHashSet();
            Assert.True(expected.SetEquals(seen), $"{token} {path}: expected {expected.Count}, saw {seen.Count}");
            if (path != "/api/events/" && rows.FirstOrDefault(r => !_host.Dataset.IsVisibleTo(token, path, r)) is { } hidden)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{path}{UuidOf(hidden)}/")).StatusCode);
            }

            Assert.True(all.Count >= seen.Count);
        }
    }

    [Fact]
    public void C7_the_permission_model_matches_the_role()
    {
        var customer = Core.Customers[0];
        var project = Core.Projects[2];
        Assert.All(Core.Projects, p => Assert.Equal(p.Customer == customer, _host.Dataset.IsVisibleTo("owner-token", p)));
        Assert.All(Core.Resources, r => Assert.Equal(r.Project == project, _host.Dataset.IsVisibleTo("member-token", r)));
        Assert.All(Core.Invoices, i => Assert.Equal(i.Customer == customer, _host.Dataset.IsVisibleTo("owner-token", i)));
        Assert.DoesNotContain(Core.Invoices, i => _host.Dataset.IsVisibleTo("member-token", i));
        Assert.All(Core.Categories, c => Assert.True(_host.Dataset.IsVisibleTo("nobody-token", c)));
        Assert.Equal([_host.Dataset.CallerOf("nobody-token").User!], Core.Users.Where(u => _host.Dataset.IsVisibleTo("nobody-token", u)));
        Assert.All(Core.Projects, p => Assert.True(_host.Dataset.IsVisibleTo(EmulatorHost.Token, p)));
    }

    [Fact]
    public async Task C12_events_need_a_visible_scope_for_non_staff_callers()
    {
        using var owner = _host.Client("Token owner-token");
        var customer = Core.Customers[0];
        var scoped = await All(owner, $"/api/events/?scope={Uri.EscapeDataString(_host.BaseUrl + "/api/customers/" + customer.Uuid + "/")}");
        Assert.Equal(Core.Events.Count(e => e.Customer == customer), scoped.Count);
        var other = Core.Customers[1];
        Assert.Empty(await All(owner, $"/api/events/?scope={Uri.EscapeDataString("/api/customers/" + other.Uuid + "/")}"));
    }

    private IReadOnlyList<object> RowsOf(string path) => path switch
    {
        "/api/customers/" => [.. Core.Customers],
        "/api/projects/" => [.. Core.Projects],
        "/api/users/" => [.. Core.Users],
        "/api/marketplace-resources/" => [.. Core.Resources],
        "/api/marketplace-orders/" => [.. Core.Orders],
        "/api/marketplace-public-offerings/" or "/api/marketplace-provider-offerings/" => [.. Core.Offerings],
        "/api/marketplace-categories/" => [.. Core.Categories],
        "/api/marketplace-service-providers/" => [.. Core.ServiceProviders],
        "/api/marketplace-plans/" => [.. Core.Plans],
        "/api/invoices/" => [.. Core.Invoices],
        "/api/events/" => [.. Core.Events],
        "/api/openstack-instances/" => [.. Core.Instances],
        "/api/openstack-tenants/" => [.. Core.Tenants],
        _ => [.. Core.Volumes],
    };

    private static string UuidOf(object row) => (string)row.GetType().GetProperty("Uuid")!.GetValue(row)!;
}
