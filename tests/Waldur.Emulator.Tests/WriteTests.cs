using System.Net.Http.Json;
using System.Text;
using Waldur.Emulator.Data.Core;

namespace Waldur.Emulator.Tests;

/// <summary>Issue 22's writes against a fresh emulator per test class instance (writes change the data). Owner token
/// "owner0" owns customer 0; "member0" holds a role in project 0 (the data set's first holder: see the README).</summary>
public sealed class WriteTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private HttpClient _staff = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync("--Emulator:ProvisioningDelayMs=0",
            "--Emulator:Users:owner0:Role=customer-owner", "--Emulator:Users:owner0:Customer=0",
            "--Emulator:Users:owner1:Role=customer-owner", "--Emulator:Users:owner1:Customer=1",
            "--Emulator:Users:member0:Role=project-member", "--Emulator:Users:member0:Project=0",
            "--Emulator:Users:nobody:Role=none");
        _staff = _host.Client();
    }

    public async Task DisposeAsync()
    {
        _staff.Dispose();
        await _host.DisposeAsync();
    }

    private CoreData Core => _host.Dataset.Core;

    private HttpClient As(string token) => _host.Client("Token " + token);

    private static async Task<(HttpStatusCode Status, string Body)> Send(HttpClient client, HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private string Url(string path) => _host.BaseUrl + path;

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    // --- projects -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Project_create_update_delete_by_owner_shows_in_reads()
    {
        var customer = Core.Customers[0];
        var owner = As("owner0");
        var (status, body) = await Send(owner, HttpMethod.Post, "/api/projects/",
            $"{{\"name\":\"  Fresh project \",\"customer\":\"{Url($"/api/customers/{customer.Uuid}/")}\",\"description\":\"d\"}}");
        Assert.Equal(HttpStatusCode.Created, status);
        var created = Parse(body);
        Assert.Equal("Fresh project", created.GetProperty("name").GetString());
        Assert.Equal("fresh-project", created.GetProperty("slug").GetString());
        Assert.Equal(customer.Uuid, created.GetProperty("customer_uuid").GetString());
        var uuid = created.GetProperty("uuid").GetString()!;

        var (_, list) = await Send(owner, HttpMethod.Get, "/api/projects/?name_exact=Fresh%20project");
        Assert.Equal(uuid, Parse(list)[0].GetProperty("uuid").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Send(As("owner1"), HttpMethod.Get, $"/api/projects/{uuid}/")).Status);

        (status, body) = await Send(owner, HttpMethod.Patch, $"/api/projects/{uuid}/", "{\"name\":\"Renamed\"}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Renamed", Parse(body).GetProperty("name").GetString());
        var (_, one) = await Send(_staff, HttpMethod.Get, $"/api/projects/{uuid}/");
        Assert.Equal("Renamed", Parse(one).GetProperty("name").GetString());

        (status, body) = await Send(_staff, HttpMethod.Put, $"/api/projects/{uuid}/", "{\"name\":\"Put name\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("{\"customer\":[\"This field is required.\"]}", body);

        (status, _) = await Send(owner, HttpMethod.Delete, $"/api/projects/{uuid}/");
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(owner, HttpMethod.Get, $"/api/projects/{uuid}/")).Status);
    }

    [Fact]
    public async Task Project_create_validation_errors_are_DRFs()
    {
        var (status, body) = await Send(_staff, HttpMethod.Post, "/api/projects/", $"{{\"name\":\"{new string('x', 501)}\",\"slug\":\"a b\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("{\"name\":[\"Ensure this field has no more than 500 characters.\"],\"slug\":[\"Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.\"],"
            + "\"customer\":[\"This field is required.\"]}", body);

        (status, body) = await Send(As("owner0"), HttpMethod.Post, "/api/projects/",
            $"{{\"name\":\"p\",\"customer\":\"{Url($"/api/customers/{Core.Customers[1].Uuid}/")}\"}}");
        Assert.Equal("{\"customer\":[\"Invalid hyperlink - Object does not exist.\"]}", body);
        (_, body) = await Send(_staff, HttpMethod.Post, "/api/projects/", $"{{\"name\":\"p\",\"customer\":\"{Url($"/api/projects/{Core.Projects[0].Uuid}/")}\"}}");
        Assert.Equal("{\"customer\":[\"Invalid hyperlink - Incorrect URL match.\"]}", body);
        (_, body) = await Send(_staff, HttpMethod.Post, "/api/projects/", "{\"name\":\"\",\"customer\":5}");
        Assert.Equal("{\"name\":[\"This field may not be blank.\"],\"customer\":[\"Incorrect type. Expected URL string, received int.\"]}", body);
        (_, body) = await Send(_staff, HttpMethod.Post, "/api/projects/", "[1]");
        Assert.Equal("{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}", body);
        Assert.Equal(18, Core.Projects.Count);
    }

    [Fact]
    public async Task Project_permissions_403_and_404_and_non_empty_project()
    {
        var project = Core.Projects[0];
        var member = As("member0");
        var (status, body) = await Send(member, HttpMethod.Delete, $"/api/projects/{project.Uuid}/");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("{\"detail\":\"You do not have permission to perform this action.\"}", body);
        (status, body) = await Send(As("owner1"), HttpMethod.Patch, $"/api/projects/{project.Uuid}/", "{\"name\":\"x\"}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("{\"detail\":\"No Project matches the given query.\"}", body);
        (status, body) = await Send(_staff, HttpMethod.Delete, $"/api/projects/{project.Uuid}/");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("[\"Project contains active resources. Please remove them before deleting project.\"]", body);
        Assert.Contains(project, Core.Projects);
    }

    // --- customers ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Customer_update_owner_member_and_errors()
    {
        var customer = Core.Customers[0];
        var (status, body) = await Send(As("owner0"), HttpMethod.Patch, $"/api/customers/{customer.Uuid}/", "{\"name\":\"Acme renamed\",\"phone_number\":\"+372 5555\"}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Acme renamed", Parse(body).GetProperty("name").GetString());
        var (_, read) = await Send(_staff, HttpMethod.Get, $"/api/customers/{customer.Uuid}/");
        Assert.Equal("+372 5555", Parse(read).GetProperty("phone_number").GetString());
        Assert.Equal("Acme renamed", Parse(read).GetProperty("name").GetString());

        (status, body) = await Send(_staff, HttpMethod.Patch, $"/api/customers/{customer.Uuid}/", "{\"abbreviation\":\"ABCDEFGHIJKLM\",\"email\":\"nope\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("{\"abbreviation\":[\"Ensure this field has no more than 12 characters.\"],\"email\":[\"Enter a valid email address.\"]}", body);
        var memberCustomer = Core.Projects[0].Customer;
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(As("member0"), HttpMethod.Patch, $"/api/customers/{memberCustomer.Uuid}/", "{\"name\":\"x\"}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(As("owner1"), HttpMethod.Patch, $"/api/customers/{customer.Uuid}/", "{\"name\":\"x\"}")).Status);
        // DELETE is a spec operation answered generically since issue 23 (GenericWrites): 204, the table-driven customer stays.
        Assert.Equal(HttpStatusCode.NoContent, (await Send(_staff, HttpMethod.Delete, $"/api/customers/{customer.Uuid}/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send(_staff, HttpMethod.Get, $"/api/customers/{customer.Uuid}/")).Status);
    }

    // --- marketplace ----------------------------------------------------------------------------------------------

    private CoreOffering BasicOffering() => Core.Offerings.First(o => o.Type == "Marketplace.Basic" && o.State == "Active" && o.Shared
        && o.Customer != Core.Customers[0] && Core.Plans.Any(p => p.Offering == o));

    [Fact]
    public async Task Order_lifecycle_consumer_then_provider_then_done()
    {
        var offering = BasicOffering();
        var plan = Core.Plans.First(p => p.Offering == offering);
        var project = Core.Projects.First(p => p.Customer == Core.Customers[0]);
        Assert.NotEqual(Core.Customers[0], offering.Customer);
        // A plan of another offering, in the public-plan URL of the ordered one (Waldur 7.0.7 answers this).
        var foreign = Core.Plans.First(p => p.Offering != offering);
        var (_, refused) = await Send(_staff, HttpMethod.Post, "/api/marketplace-orders/",
            $"{{\"offering\":\"{Url($"/api/marketplace-public-offerings/{offering.Uuid}/")}\",\"plan\":\"{Url($"/api/marketplace-public-offerings/{offering.Uuid}/plans/{foreign.Uuid}/")}\","
            + $"\"project\":\"{Url($"/api/projects/{project.Uuid}/")}\"}}");
        Assert.Equal("{\"plan\":[\"This plan is not available for selected offering.\"]}", refused);
        // Staff creates: the consumer review is skipped (order_should_not_be_reviewed_by_consumer), Basic waits for the provider.
        var (status, body) = await Send(_staff, HttpMethod.Post, "/api/marketplace-orders/",
            $"{{\"offering\":\"{Url($"/api/marketplace-public-offerings/{offering.Uuid}/")}\",\"plan\":\"{Url($"/api/marketplace-public-offerings/{offering.Uuid}/plans/{plan.Uuid}/")}\","
            + $"\"project\":\"{Url($"/api/projects/{project.Uuid}/")}\",\"attributes\":{{\"name\":\"db1\"}},\"limits\":{{\"cpu\":2}},\"type\":\"Create\"}}");
        Assert.Equal(HttpStatusCode.Created, status);
        var order = Parse(body);
        Assert.Equal("pending-provider", order.GetProperty("state").GetString());
        Assert.Equal("db1", order.GetProperty("resource_name").GetString());
        var uuid = order.GetProperty("uuid").GetString()!;
        var resourceUuid = order.GetProperty("marketplace_resource_uuid").GetString()!;

        // The consumer step is over: 409 with Waldur's text.
        (status, body) = await Send(_staff, HttpMethod.Post, $"/api/marketplace-orders/{uuid}/approve_by_consumer/");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("{\"detail\":\"Valid states for operation: pending-consumer.\"}", body);

        // owner0 owns the consumer's customer: it sees the order but is not the provider.
        (status, body) = await Send(As("owner0"), HttpMethod.Post, $"/api/marketplace-orders/{uuid}/approve_by_provider/");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("{\"detail\":\"You do not have permission to perform this action.\"}", body);
        (status, body) = await Send(_staff, HttpMethod.Post, $"/api/marketplace-orders/{uuid}/approve_by_provider/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("", body);
        var (_, read) = await Send(_staff, HttpMethod.Get, $"/api/marketplace-orders/{uuid}/");
        Assert.Equal("done", Parse(read).GetProperty("state").GetString());
        var (_, resource) = await Send(_staff, HttpMethod.Get, $"/api/marketplace-resources/{resourceUuid}/");
        Assert.Equal("OK", Parse(resource).GetProperty("state").GetString());
        Assert.Equal(2, Parse(resource).GetProperty("limits").GetProperty("cpu").GetInt32());
    }

    [Fact]
    public async Task Order_create_errors_and_cancel_and_reject()
    {
        var offering = BasicOffering();
        var project = Core.Projects.First(p => p.Customer != offering.Customer);
        var (status, body) = await Send(_staff, HttpMethod.Post, "/api/marketplace-orders/", "{\"limits\":{\"cpu\":\"x\"},\"type\":\"Nope\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("{\"offering\":[\"This field is required.\"],\"limits\":{\"cpu\":[\"A valid integer is required.\"]},"
            + "\"type\":[\"\\\"Nope\\\" is not a valid choice.\"],\"project\":[\"This field is required.\"]}", body);

        var create = $"{{\"offering\":\"{Url($"/api/marketplace-public-offerings/{offering.Uuid}/")}\",\"project\":\"{Url($"/api/projects/{project.Uuid}/")}\"}}";
        (status, body) = await Send(_staff, HttpMethod.Post, "/api/marketplace-orders/", create);
        Assert.Equal(HttpStatusCode.Created, status);
        var uuid = Parse(body).GetProperty("uuid").GetString()!;
        (status, _) = await Send(_staff, HttpMethod.Post, $"/api/marketplace-orders/{uuid}/cancel/");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("canceled", Core.Orders.Single(o => o.Uuid == uuid).State);
        (status, body) = await Send(_staff, HttpMethod.Post, $"/api/marketplace-orders/{uuid}/reject_by_provider/");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("{\"detail\":\"Valid states for operation: pending-provider.\"}", body);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(As("nobody"), HttpMethod.Post, $"/api/marketplace-orders/{uuid}/cancel/")).Status);
    }

    [Fact]
    public async Task Order_created_by_project_admin_waits_for_consumer_and_is_rejected()
    {
        var project = Core.Projects[0];
        var role = Core.MemberOf(project)!.Roles.First(r => r.Project == project).Name;
        var offering = Core.Offerings.First(o => o.State == "Active" && o.Shared && o.Type == "Marketplace.Basic");
        var body = $"{{\"offering\":\"{Url($"/api/marketplace-public-offerings/{offering.Uuid}/")}\",\"project\":\"{Url($"/api/projects/{project.Uuid}/")}\"}}";
        var (status, text) = await Send(As("member0"), HttpMethod.Post, "/api/marketplace-orders/", body);
        if (role == "PROJECT.MEMBER")
        {
            Assert.Equal(HttpStatusCode.Forbidden, status);
            return;
        }

        Assert.Equal(HttpStatusCode.Created, status);
        var order = Parse(text);
        Assert.Equal(role == "PROJECT.ADMIN" ? "pending-consumer" : "pending-provider", order.GetProperty("state").GetString());
        if (role == "PROJECT.ADMIN")
        {
            var uuid = order.GetProperty("uuid").GetString()!;
            Assert.Equal(HttpStatusCode.Forbidden, (await Send(As("member0"), HttpMethod.Post, $"/api/marketplace-orders/{uuid}/approve_by_consumer/")).Status);
            Assert.Equal(HttpStatusCode.OK, (await Send(As("member0"), HttpMethod.Post, $"/api/marketplace-orders/{uuid}/reject_by_consumer/")).Status);
            Assert.Equal("rejected", Core.Orders.Single(o => o.Uuid == uuid).State);
        }
    }

    [Fact]
    public async Task Resource_update_terminate_switch_plan_update_limits()
    {
        var resource = Core.Resources.First(r => r.State == "OK" && r.Plan is not null && r.Offering.Type == "OpenStack.Instance"
            && !Core.Orders.Any(o => o.Resource == r && o.State is "pending-consumer" or "pending-provider" or "executing"));
        var (status, body) = await Send(_staff, HttpMethod.Patch, $"/api/marketplace-resources/{resource.Uuid}/", "{\"name\":\"vm-renamed\"}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("vm-renamed", Parse(body).GetProperty("name").GetString());
        var (_, read) = await Send(_staff, HttpMethod.Get, $"/api/marketplace-resources/{resource.Uuid}/");
        Assert.Equal("vm-renamed", Parse(read).GetProperty("name").GetString());
        (status, body) = await Send(_staff, HttpMethod.Patch, $"/api/marketplace-resources/{resource.Uuid}/", $"{{\"name\":\"{new string('n', 151)}\"}}");
        Assert.Equal("{\"name\":[\"Ensure this field has no more than 150 characters.\"]}", body);

        (status, body) = await Send(_staff, HttpMethod.Post, $"/api/marketplace-resources/{resource.Uuid}/switch_plan/", "{}");
        Assert.Equal("{\"plan\":[\"This field is required.\"]}", body);
        var otherPlan = Core.Plans.First(p => p.Offering != resource.Offering);
        // PublicPlanField takes only the public-plan view's URL, and finds the plan by its uuid alone.
        (_, body) = await Send(_staff, HttpMethod.Post, $"/api/marketplace-resources/{resource.Uuid}/switch_plan/", $"{{\"plan\":\"{Url($"/api/marketplace-plans/{otherPlan.Uuid}/")}\"}}");
        Assert.Equal("{\"plan\":[\"Invalid hyperlink - Incorrect URL match.\"]}", body);
        (_, body) = await Send(_staff, HttpMethod.Post, $"/api/marketplace-resources/{resource.Uuid}/switch_plan/",
            $"{{\"plan\":\"{Url($"/api/marketplace-public-offerings/{resource.Offering.Uuid}/plans/{otherPlan.Uuid}/")}\"}}");
        Assert.Equal("{\"plan\":[\"Plan is not available for this offering.\"]}", body);
        (_, body) = await Send(_staff, HttpMethod.Post, $"/api/marketplace-resources/{resource.Uuid}/update_limits/", "{\"limits\":{\"ram\":-1}}");
        Assert.Equal("{\"limits\":{\"ram\":[\"Ensure this value is greater than or equal to 0.\"]}}", body);
        (status, body) = await Send(_staff, HttpMethod.Post, $"/api/marketplace-resources/{resource.Uuid}/update_limits/", "{\"limits\":{\"ram\":2048}}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("^\\{\"order_uuid\":\"[0-9a-f]{32}\"\\}$", body);
        (_, read) = await Send(_staff, HttpMethod.Get, $"/api/marketplace-resources/{resource.Uuid}/");
        Assert.Equal(2048, Parse(read).GetProperty("limits").GetProperty("ram").GetInt32());

        (status, body) = await Send(_staff, HttpMethod.Post, $"/api/marketplace-resources/{resource.Uuid}/terminate/", "{}");
        Assert.Equal(HttpStatusCode.OK, status);
        var orderUuid = Parse(body).GetProperty("order_uuid").GetString()!;
        Assert.Equal("Terminate", Core.Orders.Single(o => o.Uuid == orderUuid).Type);
        (_, read) = await Send(_staff, HttpMethod.Get, $"/api/marketplace-resources/{resource.Uuid}/");
        Assert.Equal("Terminated", Parse(read).GetProperty("state").GetString());
        (status, body) = await Send(_staff, HttpMethod.Post, $"/api/marketplace-resources/{resource.Uuid}/terminate/", "{}");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("{\"detail\":\"Valid states for operation: OK, Erred.\"}", body);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(As("nobody"), HttpMethod.Post, $"/api/marketplace-resources/{resource.Uuid}/terminate/", "{}")).Status);
    }

    [Fact]
    public async Task Resource_writes_forbidden_for_plain_member()
    {
        var project = Core.Projects.First(p => Core.MemberOf(p)!.Roles.First(r => r.Project == p).Name == "PROJECT.MEMBER");
        var index = Core.Projects.ToList().IndexOf(project);
        await using var host = await EmulatorHost.StartAsync("--Emulator:ProvisioningDelayMs=0", "--Emulator:Users:m:Role=project-member", $"--Emulator:Users:m:Project={index}");
        using var member = host.Client("Token m");
        var resource = host.Dataset.Core.Resources.First(r => r.Project.Uuid == project.Uuid && r.State == "OK");
        var (status, body) = await Send(member, HttpMethod.Post, $"/api/marketplace-resources/{resource.Uuid}/terminate/", "{}");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("{\"detail\":\"You do not have permission to perform this action.\"}", body);
    }

    // --- OpenStack instances ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Instance_stop_then_start_with_states_and_conflicts()
    {
        var instance = Core.Instances.First(i => i.State == "OK" && i.RuntimeState == "ACTIVE");
        var (status, body) = await Send(_staff, HttpMethod.Post, $"/api/openstack-instances/{instance.Uuid}/start/");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("{\"detail\":\"Instance is already active.\"}", body);
        (status, body) = await Send(_staff, HttpMethod.Post, $"/api/openstack-instances/{instance.Uuid}/stop/");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("{\"status\":\"stop was scheduled\"}", body);
        var (_, read) = await Send(_staff, HttpMethod.Get, $"/api/openstack-instances/{instance.Uuid}/");
        Assert.Equal("SHUTOFF", Parse(read).GetProperty("runtime_state").GetString());
        Assert.Equal("OK", Parse(read).GetProperty("state").GetString());
        (status, body) = await Send(_staff, HttpMethod.Post, $"/api/openstack-instances/{instance.Uuid}/restart/");
        Assert.Equal("{\"detail\":\"Please start instance first.\"}", body);
        Assert.Equal(HttpStatusCode.Accepted, (await Send(_staff, HttpMethod.Post, $"/api/openstack-instances/{instance.Uuid}/start/")).Status);
        Assert.Equal("ACTIVE", instance.RuntimeState);
        var hidden = Core.Instances.First(i => !_host.Dataset.IsVisibleTo("owner0", i));
        Assert.Equal(HttpStatusCode.NotFound, (await Send(As("owner0"), HttpMethod.Post, $"/api/openstack-instances/{hidden.Uuid}/stop/")).Status);
        var erred = Core.Instances.FirstOrDefault(i => i.State == "ERRED");
        if (erred is not null)
        {
            Assert.Equal("{\"detail\":\"Valid states for operation: OK.\"}", (await Send(_staff, HttpMethod.Post, $"/api/openstack-instances/{erred.Uuid}/restart/")).Body);
        }
    }

    [Fact]
    public async Task Scheduled_state_is_visible_until_the_provisioning_delay_passes()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:ProvisioningDelayMs=3000");
        using var client = host.Client();
        var instance = host.Dataset.Core.Instances.First(i => i.State == "OK" && i.RuntimeState == "ACTIVE");
        Assert.Equal(HttpStatusCode.Accepted, (await Send(client, HttpMethod.Post, $"/api/openstack-instances/{instance.Uuid}/restart/")).Status);
        var (_, read) = await Send(client, HttpMethod.Get, $"/api/openstack-instances/{instance.Uuid}/");
        Assert.Equal("UPDATE_SCHEDULED", Parse(read).GetProperty("state").GetString());
        var (status, body) = await Send(client, HttpMethod.Post, $"/api/openstack-instances/{instance.Uuid}/stop/");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("{\"detail\":\"Valid states for operation: OK.\"}", body);
        for (var i = 0; i < 200 && instance.State != "OK"; i++)
        {
            await Task.Delay(50);
        }

        (_, read) = await Send(client, HttpMethod.Get, $"/api/openstack-instances/{instance.Uuid}/?state=OK");
        Assert.Equal("OK", Parse(read).GetProperty("state").GetString());
    }

    // --- DigitalOcean droplets ----------------------------------------------------------------------------------------

    private string DropletBody(string name, out Data.EmulatorSize size)
    {
        var ds = _host.Dataset;
        var region = ds.Regions.First(r => ds.Images.Any(i => i.Regions.Contains(r) && i.MinDiskSize is null or 0) && ds.Sizes.Any(s => s.Regions.Contains(r)));
        var image = ds.Images.First(i => i.Regions.Contains(region) && i.MinDiskSize is null or 0);
        size = ds.Sizes.Where(s => s.Regions.Contains(region)).OrderBy(s => s.Disk).First();
        return $"{{\"name\":\"{name}\",\"service_settings\":\"{Url($"/api/service-settings/{ds.Droplets[0].ServiceSettings.Uuid}/")}\","
            + $"\"project\":\"{Url($"/api/projects/{Core.Projects[0].Uuid}/")}\",\"region\":\"{Url($"/api/digitalocean-regions/{region.Uuid}/")}\","
            + $"\"image\":\"{Url($"/api/digitalocean-images/{image.Uuid}/")}\",\"size\":\"{Url($"/api/digitalocean-sizes/{size.Uuid}/")}\"}}";
    }

    [Fact]
    public async Task Droplet_create_actions_resize_delete()
    {
        var (status, body) = await Send(_staff, HttpMethod.Post, "/api/digitalocean-droplets/", DropletBody("web-1", out var size));
        Assert.Equal(HttpStatusCode.Created, status);
        var created = Parse(body);
        Assert.Equal("CREATION_SCHEDULED", created.GetProperty("state").GetString());
        Assert.Equal(size.Cores, created.GetProperty("cores").GetInt32());
        var uuid = created.GetProperty("uuid").GetString()!;
        var (_, read) = await Send(_staff, HttpMethod.Get, $"/api/digitalocean-droplets/?name_exact=web-1");
        Assert.Equal("OK", Parse(read)[0].GetProperty("state").GetString());
        Assert.Equal("online", Parse(read)[0].GetProperty("runtime_state").GetString());

        (status, body) = await Send(_staff, HttpMethod.Post, $"/api/digitalocean-droplets/{uuid}/start/");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("{\"detail\":\"Valid runtime states for operation: offline.\"}", body);
        (status, body) = await Send(_staff, HttpMethod.Post, $"/api/digitalocean-droplets/{uuid}/stop/");
        Assert.Equal("{\"status\":\"stop was scheduled\"}", body);
        Assert.Equal(HttpStatusCode.Accepted, (await Send(_staff, HttpMethod.Post, $"/api/digitalocean-droplets/{uuid}/start/")).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await Send(_staff, HttpMethod.Post, $"/api/digitalocean-droplets/{uuid}/restart/")).Status);

        var bigger = _host.Dataset.Sizes.Where(s => s.Disk > size.Disk).OrderBy(s => s.Disk).First();
        (status, body) = await Send(_staff, HttpMethod.Post, $"/api/digitalocean-droplets/{uuid}/resize/", $"{{\"size\":\"{Url($"/api/digitalocean-sizes/{size.Uuid}/")}\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("{\"size\":[\"New size is the same. Please select another one.\"],\"disk\":[\"This field is required.\"]}", body);
        (status, body) = await Send(_staff, HttpMethod.Post, $"/api/digitalocean-droplets/{uuid}/resize/", $"{{\"size\":\"{Url($"/api/digitalocean-sizes/{bigger.Uuid}/")}\",\"disk\":false}}");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("{\"detail\":\"resizing was scheduled\"}", body);
        (_, read) = await Send(_staff, HttpMethod.Get, $"/api/digitalocean-droplets/{uuid}/");
        Assert.Equal(bigger.Ram, Parse(read).GetProperty("ram").GetInt32());
        Assert.Equal(size.Disk, Parse(read).GetProperty("disk").GetInt32());

        (status, body) = await Send(_staff, HttpMethod.Delete, $"/api/digitalocean-droplets/{uuid}/");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("{\"detail\":\"Deletion was scheduled.\"}", body);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(_staff, HttpMethod.Get, $"/api/digitalocean-droplets/{uuid}/")).Status);
        Assert.Equal(60, _host.Dataset.Droplets.Count);
    }

    [Fact]
    public async Task Droplet_errors_400_403_404_409()
    {
        var (status, body) = await Send(_staff, HttpMethod.Post, "/api/digitalocean-droplets/", "{\"name\":\"bad name!\",\"region\":\"http://x/api/nowhere/1/\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("{\"service_settings\":[\"This field is required.\"],\"project\":[\"This field is required.\"],\"region\":[\"Invalid hyperlink - No URL match.\"],"
            + "\"image\":[\"This field is required.\"],\"size\":[\"This field is required.\"]}", body);
        (_, body) = await Send(_staff, HttpMethod.Post, "/api/digitalocean-droplets/", DropletBody("bad name!", out _));
        Assert.Equal("{\"name\":[\"Only valid hostname characters are allowed. (a-z, A-Z, 0-9, . and -)\"]}", body);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(As("member0"), HttpMethod.Post, $"/api/digitalocean-droplets/{_host.Dataset.Droplets[0].Uuid}/stop/")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(_staff, HttpMethod.Delete, "/api/digitalocean-droplets/00000000000000000000000000000000/")).Status);
        var scheduled = _host.Dataset.Droplets.First(d => d.State == "CREATION_SCHEDULED");
        (status, body) = await Send(_staff, HttpMethod.Delete, $"/api/digitalocean-droplets/{scheduled.Uuid}/");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("{\"detail\":\"Valid states for operation: OK, Erred.\"}", body);
    }

    // --- journal and faults ---------------------------------------------------------------------------------------

    [Fact]
    public async Task Journal_records_write_bodies_and_reads_without_body()
    {
        var project = Core.Projects[0];
        const string Json = "{\"description\":\"journaled\"}";
        await Send(_staff, HttpMethod.Patch, $"/api/projects/{project.Uuid}/", Json);
        await Send(_staff, HttpMethod.Get, "/api/projects/");
        var (_, text) = await Send(_staff, HttpMethod.Get, "/__emulator/requests");
        var entries = Parse(text).EnumerateArray().ToList();
        var write = entries.Single(e => e.GetProperty("method").GetString() == "PATCH");
        Assert.Equal(Json, write.GetProperty("body").GetString());
        Assert.Equal(200, write.GetProperty("status").GetInt32());
        Assert.False(entries.Single(e => e.GetProperty("method").GetString() == "GET").TryGetProperty("body", out _));
        var (_, details) = await Send(_staff, HttpMethod.Get, "/__emulator/requests?details");
        Assert.Contains("\"body\":\"{\\\"description\\\":\\\"journaled\\\"}\"", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DropResponseAfterWrite_applies_the_write_and_resets_the_connection()
    {
        var put = await _staff.PutAsync("/__emulator/faults", new StringContent("{\"dropResponseAfterWrite\":true}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var (_, faults) = await Send(_staff, HttpMethod.Get, "/__emulator/faults");
        Assert.Contains("\"dropResponseAfterWrite\":true", faults, StringComparison.Ordinal);
        // (A project of an archived customer would be refused with 400 ["Archived organization is not available."].)
        var project = Core.Projects.First(p => !p.Customer.Archived);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Send(_staff, HttpMethod.Patch, $"/api/projects/{project.Uuid}/", "{\"name\":\"applied anyway\"}"));
        // A write that fails validation is answered normally; reads are untouched.
        var (status, _) = await Send(_staff, HttpMethod.Patch, $"/api/projects/{project.Uuid}/", "{\"name\":\"\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var (_, read) = await Send(_staff, HttpMethod.Get, $"/api/projects/{project.Uuid}/");
        Assert.Equal("applied anyway", Parse(read).GetProperty("name").GetString());
        var journal = await _staff.GetFromJsonAsync<JsonElement>("/__emulator/requests");
        var dropped = journal.EnumerateArray().First(e => e.GetProperty("method").GetString() == "PATCH");
        Assert.Equal(0, dropped.GetProperty("status").GetInt32());
        Assert.Equal("{\"name\":\"applied anyway\"}", dropped.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Writes_need_authentication()
    {
        using var anonymous = _host.Client(null);
        var (status, body) = await Send(anonymous, HttpMethod.Post, "/api/projects/", "{}");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("{\"detail\":\"Authentication credentials were not provided.\"}", body);
    }
}
