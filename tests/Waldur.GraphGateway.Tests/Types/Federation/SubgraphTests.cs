using System.Text;
using Waldur.GraphGateway.Tests.EndToEnd;
using Xunit;

namespace Waldur.GraphGateway.Tests.Types.Federation;

/// <summary>
/// The Apollo Federation v2 subgraph surface (issue 6): <c>_service { sdl }</c> carries the federation directives and
/// is checked in as <c>schema.subgraph.graphql</c>; the client schema stays free of them; <c>_entities</c> batches;
/// <c>Federation:Enabled=false</c> removes the surface. The Node suite in tests/federation composes it for real.
/// </summary>
public sealed class SubgraphTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string EntitiesQuery = "query($r: [_Any!]!) { _entities(representations: $r) { ... on DigitalOceanImage { uuid name } ... on DigitalOceanRegion { uuid name } } }";

    [Fact]
    public async Task Service_sdl_is_the_checked_in_schema_subgraph_graphql_with_keys_on_both_entities()
    {
        var sdl = (await fixture.Gateway.QueryAsync("{ _service { sdl } }"))["data"]!["_service"]!["sdl"]!.GetValue<string>();
        Assert.Contains("type DigitalOceanImage implements Node @key(fields: \"uuid\")", sdl, StringComparison.Ordinal);
        Assert.Contains("type DigitalOceanRegion implements Node @key(fields: \"uuid\")", sdl, StringComparison.Ordinal);
        Assert.Contains("https://specs.apollo.dev/federation/v2.3", sdl, StringComparison.Ordinal);

        var path = Path.Combine(RepositoryRoot.Path, "schema.subgraph.graphql");
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            await File.WriteAllTextAsync(path, sdl, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(path) && await File.ReadAllTextAsync(path) == sdl,
            $"{path} differs from `_service {{ sdl }}`. If the change is intended, run `UPDATE_SCHEMA=1 dotnet test --filter SubgraphTests` and review the diff.");
    }

    [Fact]
    public async Task Client_sdl_has_no_federation_plumbing()
    {
        var sdl = await fixture.Gateway.GetTextAsync("/graphql?sdl");
        // Plumbing as SDL writes it (descriptions may well say "is_service_provider").
        foreach (var plumbing in new[] { "@key", "@link", "_service:", "_entities(", "scalar _Any", "union _Entity", "federation__", "link__" })
        {
            Assert.DoesNotContain(plumbing, sdl, StringComparison.Ordinal);
        }

        Assert.Contains("type DigitalOceanImage implements Node {", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_for_twenty_images_and_a_region_cost_one_batch_each_in_the_order_asked()
    {
        var images = fixture.Gateway.Dataset.Images.Take(20).ToList();
        var region = fixture.Gateway.Dataset.Regions[0];
        var representations = images.Select(i => (object)new { __typename = "DigitalOceanImage", uuid = i.Uuid })
            .Append(new { __typename = "DigitalOceanRegion", uuid = region.Uuid })
            .Append(new { __typename = "DigitalOceanImage", uuid = "00000000000000000000000000000000" })
            .ToArray();
        await fixture.Gateway.ClearJournalAsync();

        var body = await fixture.Gateway.QueryAsync(EntitiesQuery, new { r = representations });

        Assert.Null(body["errors"]);
        var entities = body["data"]!["_entities"]!.AsArray();
        Assert.Equal(images.Select(i => i.Name), entities.Take(20).Select(e => e!["name"]!.GetValue<string>()));
        Assert.Equal(region.Name, entities[20]!["name"]!.GetValue<string>());
        Assert.Null(entities[21]);
        var journal = await fixture.Gateway.JournalAsync();
        // 150 images fit one page of 300: the image batch is one list request, the region batch one regions list.
        Assert.Equal(
            ["GET /api/digitalocean-images/", "GET /api/digitalocean-regions/"],
            journal.Select(j => $"{j.Method} {j.Path}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Federation_can_be_turned_off_and_the_client_schema_stays_the_same()
    {
        await using var gateway = await GatewayHost.StartAsync(gatewaySettings: new Dictionary<string, string?> { ["Federation:Enabled"] = "false" });

        var body = await gateway.QueryAsync("{ _service { sdl } }");

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(await fixture.Gateway.GetTextAsync("/graphql?sdl"), await gateway.GetTextAsync("/graphql?sdl"));
    }
}
