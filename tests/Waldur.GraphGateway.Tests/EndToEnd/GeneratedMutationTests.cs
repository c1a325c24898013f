using System.Text.Json.Nodes;
using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// A generated (unreviewed) mutation end to end with <c>Catalog:Include=*</c>: an access subnet created, updated and
/// deleted through the mutations generated from the spec, each answered with the object (or its id), sent once, and
/// seen by the caller's next read.
/// </summary>
public sealed class GeneratedMutationTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayHost.StartAsync(
        gatewaySettings: new Dictionary<string, string?> { ["Catalog:Include"] = "*", ["Caching:Enabled"] = "true" });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private async Task<JsonNode> DataAsync(string query, object? variables = null)
    {
        var result = await _gateway.QueryAsync(query, variables);
        Assert.Null(result["errors"]);
        return result["data"]!;
    }

    private async Task<int> CountAsync(string inet) =>
        (await DataAsync("query($inet: String!) { accessSubnets(where: { inet: { eq: $inet } }) { totalCount } }", new { inet }))["accessSubnets"]!["totalCount"]!.GetValue<int>();

    [Fact]
    public async Task Create_update_and_delete_through_generated_mutations_and_the_next_read_sees_each()
    {
        var customer = (await DataAsync("{ customers(first: 1) { nodes { id } } }"))["customers"]!["nodes"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(0, await CountAsync("10.20.30.0/24"));

        var created = (await DataAsync("""
            mutation($customer: ID!) {
              accessSubnetsCreate(input: { inet: "10.20.30.0/24", customer: $customer, description: "from GraphQL" }) {
                accessSubnet { id uuid inet description } errors { __typename }
              }
            }
            """, new { customer }))["accessSubnetsCreate"]!;
        Assert.Null(created["errors"]);
        var id = created["accessSubnet"]!["id"]!.GetValue<string>();
        Assert.Equal("from GraphQL", created["accessSubnet"]!["description"]!.GetValue<string>());
        Assert.Equal(1, await CountAsync("10.20.30.0/24"));

        await _gateway.ClearJournalAsync();
        var updated = (await DataAsync("""
            mutation($id: ID!) { accessSubnetsPartialUpdate(input: { id: $id, description: "changed" }) { accessSubnet { description } errors { __typename } } }
            """, new { id }))["accessSubnetsPartialUpdate"]!;
        Assert.Equal("changed", updated["accessSubnet"]!["description"]!.GetValue<string>());
        var patch = Assert.Single(await _gateway.JournalAsync(), j => j.Method == "PATCH");
        Assert.Equal("{\"description\":\"changed\"}", patch.Body);
        var read = await DataAsync("query($id: ID!) { node(id: $id) { ... on AccessSubnet { description } } }", new { id });
        Assert.Equal("changed", read["node"]!["description"]!.GetValue<string>());

        var deleted = (await DataAsync("mutation($id: ID!) { accessSubnetsDestroy(input: { id: $id }) { deletedId errors { __typename } } }", new { id }))["accessSubnetsDestroy"]!;
        Assert.Equal(id, deleted["deletedId"]!.GetValue<string>());
        Assert.Equal(0, await CountAsync("10.20.30.0/24"));
    }

    [Fact]
    public async Task A_write_of_no_list_takes_its_path_parameters_and_answers_Waldurs_JSON()
    {
        await _gateway.ClearJournalAsync();
        var result = await _gateway.QueryAsync("mutation { marketplaceDemoPresetsLoad(input: { name: \"minimal quick\" }) { result errors { __typename } } }");

        Assert.Null(result["errors"]);
        var payload = result["data"]!["marketplaceDemoPresetsLoad"]!;
        Assert.Null(payload["errors"]);
        Assert.IsType<JsonObject>(JsonNode.Parse(payload["result"]!.GetValue<string>()));
        // Escaped into the path (the emulator journals the path as ASP.NET Core decodes it).
        var post = Assert.Single(await _gateway.JournalAsync());
        Assert.Equal(("POST", "/api/marketplace-demo-presets/load/minimal quick/"), (post.Method, post.Path));
    }

    [Fact]
    public async Task A_write_of_no_list_whose_answer_is_a_lists_row_answers_it_typed()
    {
        var provider = (await DataAsync("{ identityProviders(first: 1) { nodes { provider label } } }"))["identityProviders"]!["nodes"]![0]!["provider"]!.GetValue<string>();

        var result = await DataAsync("""
            mutation($provider: String!) {
              identityProvidersPartialUpdate(input: { provider: $provider, label: "Renamed IdP" }) { identityProvider { provider label } result errors { __typename } }
            }
            """, new { provider });

        var payload = result["identityProvidersPartialUpdate"]!;
        Assert.Null(payload["errors"]);
        Assert.Equal((provider, "Renamed IdP"), (payload["identityProvider"]!["provider"]!.GetValue<string>(), payload["identityProvider"]!["label"]!.GetValue<string>()));
        Assert.Equal("Renamed IdP", JsonNode.Parse(payload["result"]!.GetValue<string>())!["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_write_of_no_list_answers_its_documented_fields_typed_as_the_JSON_text_holds_them()
    {
        var result = await DataAsync("""
            mutation { marketplaceDemoPresetsLoad(input: { name: "minimal" }) { demoPresetLoadResponse { __typename success message users } result } }
            """);

        var payload = result["marketplaceDemoPresetsLoad"]!;
        var json = JsonNode.Parse(payload["result"]!.GetValue<string>())!;
        var typed = payload["demoPresetLoadResponse"]!;
        Assert.Equal("DemoPresetLoadResponse", typed["__typename"]!.GetValue<string>());
        Assert.Equal((json["success"]!.GetValue<bool>(), json["message"]!.GetValue<string>()), (typed["success"]!.GetValue<bool>(), typed["message"]!.GetValue<string>()));
        // A nested object is its JSON text.
        Assert.Equal(json["users"]!.AsArray().Select(u => u!.ToJsonString()), typed["users"]!.AsArray().Select(u => JsonNode.Parse(u!.GetValue<string>())!.ToJsonString()));
    }

    [Fact]
    public async Task A_write_answering_an_array_answers_a_list_of_its_generated_type()
    {
        var result = await DataAsync("""
            mutation { openstackDiscoveryDiscoverVolumeAvailabilityZones(input: { authUrl: "https://keystone.example.com:5000/v3", username: "u", password: "p" }) {
              availabilityZoneResponses { name state } result } }
            """);

        var payload = result["openstackDiscoveryDiscoverVolumeAvailabilityZones"]!;
        var json = JsonNode.Parse(payload["result"]!.GetValue<string>())!.AsArray();
        var typed = payload["availabilityZoneResponses"]!.AsArray();
        Assert.NotEmpty(json);
        Assert.Equal(json.Select(z => (z!["name"]!.GetValue<string>(), z["state"]!.GetValue<string>())),
            typed.Select(z => (z!["name"]!.GetValue<string>(), z["state"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_uuid_path_parameter_takes_the_objects_global_id_or_its_uuid()
    {
        const string Mutation = """
            mutation($uuid: String!) { openstackNetworksRbacPolicyDeleteDestroy(input: { uuid: $uuid, rbacPolicyUuid: "p1" }) { result errors { __typename } } }
            """;
        foreach (var given in new[] { Waldur.GraphGateway.Types.Relay.NodeId.Encode("OpenStackNetwork", WriteStory.UnknownUuid), WriteStory.UnknownUuid })
        {
            await _gateway.ClearJournalAsync();
            var result = await _gateway.QueryAsync(Mutation, new { uuid = given });

            Assert.True(result["errors"] is null, result.ToJsonString());
            var delete = Assert.Single(await _gateway.JournalAsync());
            Assert.Equal(("DELETE", $"/api/openstack-networks/{WriteStory.UnknownUuid}/rbac_policy_delete/p1/"), (delete.Method, delete.Path));
        }
    }

    [Fact]
    public async Task Waldurs_id_path_parameter_is_waldurId_never_a_relay_id()
    {
        var type = await DataAsync("{ __type(name: \"MarketplaceCategoryComponentsDestroyInput\") { inputFields { name type { kind ofType { name } } } } }");
        var field = Assert.Single(type["__type"]!["inputFields"]!.AsArray())!;
        Assert.Equal(("waldurId", "NON_NULL", "String"),
            (field["name"]!.GetValue<string>(), field["type"]!["kind"]!.GetValue<string>(), field["type"]!["ofType"]!["name"]!.GetValue<string>()));
    }
}
