using System.Text.Json.Nodes;
using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// The reviewed writes end to end against the emulator's writes (Waldur's serializers, permissions and state machines):
/// the payload's object navigable, each kind of user error typed, no write sent twice, and what the caller reads next.
/// </summary>
public sealed class MutationTests : IAsyncLifetime
{
    private const string Member = "Token mutation-member";
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayHost.StartAsync(
        ["--Emulator:ProvisioningDelayMs=0", "--Emulator:Users:mutation-member:Role=project-member", "--Emulator:Users:mutation-member:Project=4"],
        new Dictionary<string, string?> { ["Caching:Enabled"] = "true" });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private static List<JsonNode> Errors(JsonNode result) => result["errors"]?.AsArray().Select(e => e!).ToList() ?? [];

    private async Task<JsonNode> CustomerAsync()
    {
        // An active customer (one of the seed's is archived, and Waldur refuses projects there).
        var customers = await _gateway.QueryAsync("{ customers(first: 10) { nodes { id uuid name } } }");
        foreach (var customer in customers["data"]!["customers"]!["nodes"]!.AsArray())
        {
            var probe = JsonNode.Parse((await _gateway.EmulatorGetAsync($"/api/customers/{customer!["uuid"]}/")).Body is var b ? System.Text.Encoding.UTF8.GetString(b) : "{}")!;
            if (probe["archived"]?.GetValue<bool>() != true)
            {
                return customer;
            }
        }
        throw new InvalidOperationException("no active customer in the seed");
    }

    [Fact]
    public async Task CreateProject_answers_the_navigable_project_sends_one_POST_and_the_next_read_shows_it()
    {
        var customer = await CustomerAsync();
        var before = await _gateway.QueryAsync("{ projects { totalCount } }");
        await _gateway.ClearJournalAsync();

        var result = await _gateway.QueryAsync("""
            mutation($customer: ID!) {
              createProject(input: { name: "Gateway write test", customer: $customer, description: "from GraphQL" }) {
                project { id uuid name description customer { name } }
                errors { __typename ... on Error { message } }
              }
            }
            """, new { customer = customer["id"]!.GetValue<string>() });

        Assert.Empty(Errors(result));
        var payload = result["data"]!["createProject"]!;
        Assert.Null(payload["errors"]);
        var project = payload["project"]!;
        Assert.Equal("Gateway write test", project["name"]!.GetValue<string>());
        Assert.Equal(customer["name"]!.GetValue<string>(), project["customer"]!["name"]!.GetValue<string>());
        var journal = await _gateway.JournalAsync();
        var post = Assert.Single(journal, j => j.Method == "POST");
        Assert.Equal("/api/projects/", post.Path);
        Assert.Contains($"/api/customers/{customer["uuid"]!.GetValue<string>()}/", post.Body, StringComparison.Ordinal);

        // The caller's cached reads were dropped: the count it reads next includes the new project.
        var after = await _gateway.QueryAsync("{ projects { totalCount } }");
        Assert.Equal(before["data"]!["projects"]!["totalCount"]!.GetValue<int>() + 1, after["data"]!["projects"]!["totalCount"]!.GetValue<int>());
        var node = await _gateway.QueryAsync("query($id: ID!) { node(id: $id) { ... on Project { name } } }", new { id = project["id"]!.GetValue<string>() });
        Assert.Equal("Gateway write test", node["data"]!["node"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_value_Waldur_refuses_is_a_ValidationError_with_the_input_path_and_no_object()
    {
        var customer = await CustomerAsync();
        var result = await _gateway.QueryAsync("""
            mutation($customer: ID!, $name: String!) {
              createProject(input: { name: $name, customer: $customer }) {
                project { uuid }
                errors { __typename ... on ValidationError { message path } }
              }
            }
            """, new { customer = customer["id"]!.GetValue<string>(), name = new string('x', 501) });

        Assert.Empty(Errors(result));
        var payload = result["data"]!["createProject"]!;
        Assert.Null(payload["project"]);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("ValidationError", error["__typename"]!.GetValue<string>());
        Assert.Equal("Ensure this field has no more than 500 characters.", error["message"]!.GetValue<string>());
        Assert.Equal(["name"], error["path"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task A_member_may_not_delete_its_project_and_an_unknown_one_is_NotFound()
    {
        var mine = await _gateway.QueryAsync("{ projects(first: 1) { nodes { id } } }", authorization: Member);
        var id = mine["data"]!["projects"]!["nodes"]![0]!["id"]!.GetValue<string>();

        var denied = await _gateway.QueryAsync("mutation($id: ID!) { deleteProject(input: { id: $id }) { deletedId errors { __typename ... on Error { message } } } }",
            new { id }, authorization: Member);
        var error = Assert.Single(denied["data"]!["deleteProject"]!["errors"]!.AsArray())!;
        Assert.Equal("PermissionDeniedError", error["__typename"]!.GetValue<string>());
        Assert.Null(denied["data"]!["deleteProject"]!["deletedId"]);

        var unknown = await _gateway.QueryAsync("mutation { deleteProject(input: { id: \"0123456789abcdef0123456789abcdef\" }) { deletedId errors { __typename } } }");
        Assert.Equal("NotFoundError", Assert.Single(unknown["data"]!["deleteProject"]!["errors"]!.AsArray())!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_order_in_the_wrong_state_is_a_ConflictError_with_Waldurs_words()
    {
        var orders = await _gateway.QueryAsync("{ marketplaceOrders(first: 1, where: { state: { eq: DONE } }) { nodes { id } } }");
        var id = orders["data"]!["marketplaceOrders"]!["nodes"]![0]!["id"]!.GetValue<string>();

        var result = await _gateway.QueryAsync(
            "mutation($id: ID!) { approveMarketplaceOrderByProvider(input: { id: $id }) { marketplaceOrder { state } errors { __typename ... on Error { message } } } }",
            new { id });

        var error = Assert.Single(result["data"]!["approveMarketplaceOrderByProvider"]!["errors"]!.AsArray())!;
        Assert.Equal("ConflictError", error["__typename"]!.GetValue<string>());
        Assert.StartsWith("Valid states for operation:", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(result["data"]!["approveMarketplaceOrderByProvider"]!["marketplaceOrder"]);
    }

    [Fact]
    public async Task An_action_answers_the_object_re_read_once_after_it()
    {
        var droplets = await _gateway.QueryAsync("{ digitalOceanDroplets(first: 1, where: { state: { eq: OK } }) { nodes { id uuid } } }");
        var droplet = droplets["data"]!["digitalOceanDroplets"]!["nodes"]![0]!;
        await _gateway.ClearJournalAsync();

        var result = await _gateway.QueryAsync(
            "mutation($id: ID!) { stopDigitalOceanDroplet(input: { id: $id }) { digitalOceanDroplet { uuid state } errors { __typename ... on Error { message } } } }",
            new { id = droplet["id"]!.GetValue<string>() });

        Assert.Empty(Errors(result));
        var payload = result["data"]!["stopDigitalOceanDroplet"]!;
        Assert.Null(payload["errors"]);
        Assert.Equal(droplet["uuid"]!.GetValue<string>(), payload["digitalOceanDroplet"]!["uuid"]!.GetValue<string>());
        var journal = await _gateway.JournalAsync();
        Assert.Equal(["POST", "GET"], journal.Select(j => j.Method));
        Assert.EndsWith("/stop/", journal[0].Path, StringComparison.Ordinal);
        Assert.Equal($"/api/digitalocean-droplets/{droplet["uuid"]!.GetValue<string>()}/", journal[1].Path);
    }

    [Fact]
    public async Task A_write_whose_answer_never_came_is_WALDUR_OUTCOME_UNKNOWN_and_is_sent_once()
    {
        var customer = await CustomerAsync();
        await _gateway.ClearJournalAsync();
        await _gateway.SetFaultsAsync(new { dropResponseAfterWrite = true });
        try
        {
            var result = await _gateway.QueryAsync(
                "mutation($customer: ID!) { createProject(input: { name: \"Dropped answer\", customer: $customer }) { project { uuid } } }",
                new { customer = customer["id"]!.GetValue<string>() });

            var error = Assert.Single(Errors(result));
            Assert.Equal("WALDUR_OUTCOME_UNKNOWN", error["extensions"]!["code"]!.GetValue<string>());
            Assert.Single(await _gateway.JournalAsync(), j => j.Method == "POST");
        }
        finally
        {
            await _gateway.ClearFaultsAsync();
        }

        // It was applied: the project is there to be read (which is why the client must read before it retries).
        var found = await _gateway.QueryAsync("{ projects(where: { name: { eq: \"Dropped answer\" } }) { totalCount } }");
        Assert.Equal(1, found["data"]!["projects"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateDigitalOceanDroplet_takes_the_image_region_and_size_a_client_just_browsed_as_ids()
    {
        var browsed = await _gateway.QueryAsync("""
            { digitalOceanImages(first: 1) { nodes { id name } }
              digitalOceanRegions(first: 1) { nodes { id name } }
              digitalOceanSizes(first: 1) { nodes { id name } }
              digitalOceanDroplets(first: 1) { nodes { serviceSettingsUuid } } }
            """);
        var customer = await CustomerAsync();
        var projects = await _gateway.QueryAsync("query($uuid: String!) { customerByUuid(uuid: $uuid) { projects(first: 1) { nodes { id } } } }",
            new { uuid = customer["uuid"]!.GetValue<string>() });
        var data = browsed["data"]!;
        JsonNode First(string list) => data[list]!["nodes"]![0]!;
        await _gateway.ClearJournalAsync();

        var result = await _gateway.QueryAsync("""
            mutation($image: ID!, $region: ID!, $size: ID!, $project: ID!, $settings: String!) {
              createDigitalOceanDroplet(input: { name: "gw-droplet", image: $image, region: $region, size: $size,
                                                 project: $project, serviceSettings: $settings }) {
                digitalOceanDroplet { id name state }
                errors { __typename ... on Error { message } ... on ValidationError { path } }
              }
            }
            """, new
        {
            image = First("digitalOceanImages")["id"]!.GetValue<string>(),
            region = First("digitalOceanRegions")["id"]!.GetValue<string>(),
            size = First("digitalOceanSizes")["id"]!.GetValue<string>(),
            project = projects["data"]!["customerByUuid"]!["projects"]!["nodes"]![0]!["id"]!.GetValue<string>(),
            settings = First("digitalOceanDroplets")["serviceSettingsUuid"]!.GetValue<string>(),
        });

        Assert.Empty(Errors(result));
        var payload = result["data"]!["createDigitalOceanDroplet"]!;
        Assert.Null(payload["errors"]);
        Assert.Equal("gw-droplet", payload["digitalOceanDroplet"]!["name"]!.GetValue<string>());
        // The ids became the URLs Waldur expects.
        var post = Assert.Single(await _gateway.JournalAsync(), j => j.Method == "POST");
        Assert.Contains("/api/digitalocean-images/", post.Body, StringComparison.Ordinal);
        Assert.Contains("/api/digitalocean-regions/", post.Body, StringComparison.Ordinal);
        Assert.Contains("/api/digitalocean-sizes/", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateCustomer_changes_only_the_fields_given()
    {
        var customer = await CustomerAsync();
        await _gateway.ClearJournalAsync();

        var result = await _gateway.QueryAsync(
            "mutation($id: ID!) { updateCustomer(input: { id: $id, abbreviation: \"GWT\" }) { customer { name abbreviation } errors { __typename } } }",
            new { id = customer["id"]!.GetValue<string>() });

        Assert.Empty(Errors(result));
        var updated = result["data"]!["updateCustomer"]!["customer"]!;
        Assert.Equal("GWT", updated["abbreviation"]!.GetValue<string>());
        Assert.Equal(customer["name"]!.GetValue<string>(), updated["name"]!.GetValue<string>());
        var patch = Assert.Single(await _gateway.JournalAsync(), j => j.Method == "PATCH");
        Assert.Equal("{\"abbreviation\":\"GWT\"}", patch.Body);
    }

    [Fact]
    public async Task TerminateMarketplaceResource_answers_the_resource_as_Waldur_then_shows_it()
    {
        var customer = await CustomerAsync();
        var resources = await _gateway.QueryAsync(
            "query($uuid: String!) { marketplaceResources(first: 1, where: { state: { eq: OK }, customerUuid: { eq: $uuid } }) { nodes { id uuid } } }",
            new { uuid = customer["uuid"]!.GetValue<string>() });
        var resource = resources["data"]!["marketplaceResources"]!["nodes"]![0]!;

        var result = await _gateway.QueryAsync(
            "mutation($id: ID!) { terminateMarketplaceResource(input: { id: $id }) { marketplaceResource { uuid state } errors { __typename ... on Error { message } } } }",
            new { id = resource["id"]!.GetValue<string>() });

        Assert.Empty(Errors(result));
        var payload = result["data"]!["terminateMarketplaceResource"]!;
        Assert.Null(payload["errors"]);
        Assert.Equal(resource["uuid"]!.GetValue<string>(), payload["marketplaceResource"]!["uuid"]!.GetValue<string>());
        Assert.NotEqual("OK", payload["marketplaceResource"]!["state"]!.GetValue<string>());
    }
}
