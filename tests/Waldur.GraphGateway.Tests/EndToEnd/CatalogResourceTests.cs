using Waldur.GraphGateway.Tests.Snapshots;
using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// DigitalOcean sizes and droplets exist only as catalog entries (overrides + generated descriptors) and emulator data:
/// no type, input, loader or resolver of their own. These prove the generic layers give them the planner's quality:
/// pushdown by each filter's lookup, <c>o</c>, lookups through one loader, navigation of embedded regions.
/// </summary>
public class CatalogResourceTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task An_integer_exact_filter_goes_down_and_the_page_is_one_GET()
    {
        var gateway = fixture.Gateway;
        var expected = gateway.Dataset.Sizes.Where(s => s.Cores == 2)
            .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Uuid, StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 3, "the data should hold several 2-core sizes");

        await gateway.ClearJournalAsync();
        const string query = "{ digitalOceanSizes(first: 3, where: { cores: { eq: 2 } }) { totalCount nodes { name cores ram disk regions { name } } } }";
        var result = await gateway.QueryAsync(query);
        var journal = await gateway.JournalAsync();

        var connection = result["data"]!["digitalOceanSizes"]!;
        Assert.Equal(expected.Count, connection["totalCount"]!.GetValue<int>());
        Assert.Equal(expected.Take(3).Select(s => s.Name), connection["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
        var request = Assert.Single(journal);
        Assert.Equal("/api/digitalocean-sizes/", request.Path);
        Assert.Contains("cores=2", request.Query, StringComparison.Ordinal);
        MarkdownSnapshot.Match(new GraphQLExchange(query, result) { Waldur = journal });
    }

    [Fact]
    public async Task A_multi_value_state_filter_goes_down_as_repeated_parameters_and_a_descending_name_as_o()
    {
        var gateway = fixture.Gateway;
        string[] states = ["OK", "ERRED"];
        var expected = gateway.Dataset.Droplets.Where(d => states.Contains(d.State))
            .OrderByDescending(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Uuid, StringComparer.Ordinal).ToList();

        await gateway.ClearJournalAsync();
        const string query = """{ digitalOceanDroplets(first: 5, where: { state: { in: [OK, ERRED] } }, order: [{ name: DESC }]) { totalCount nodes { uuid name state projectUuid } } }""";
        var result = await gateway.QueryAsync(query);
        var journal = await gateway.JournalAsync();

        var connection = result["data"]!["digitalOceanDroplets"]!;
        Assert.Equal(expected.Count, connection["totalCount"]!.GetValue<int>());
        Assert.Equal(expected.Take(5).Select(d => d.Uuid), connection["nodes"]!.AsArray().Select(n => n!["uuid"]!.GetValue<string>()));
        var first = Uri.UnescapeDataString(journal[0].Query);
        Assert.Contains("state=OK&state=ERRED", first, StringComparison.Ordinal);
        Assert.Contains("o=-name", first, StringComparison.Ordinal);
        Assert.All(journal, r => Assert.Equal("/api/digitalocean-droplets/", r.Path));
        MarkdownSnapshot.Match(new GraphQLExchange(query, result) { Waldur = journal });
    }

    [Fact]
    public async Task Droplet_lookups_nodes_and_a_list_share_one_loader_per_request()
    {
        var gateway = fixture.Gateway;
        var droplets = gateway.Dataset.Droplets.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Uuid, StringComparer.Ordinal).ToList();
        var (a, b) = (droplets[0], droplets[^1]);
        var unknown = new string('0', 32);

        await gateway.ClearJournalAsync();
        var query = $$"""
            { first: digitalOceanDroplets(first: 1) { nodes { id uuid name } }
              listed: digitalOceanDropletByUuid(uuid: "{{a.Uuid}}") { name }
              some: digitalOceanDropletsByUuids(uuids: ["{{b.Uuid}}", "{{unknown}}", "{{a.Uuid}}"]) { name } }
            """;
        var result = await gateway.QueryAsync(query);
        var journal = await gateway.JournalAsync();

        Assert.Equal(a.Name, result["data"]!["listed"]!["name"]!.GetValue<string>());
        Assert.Equal([b.Name, null, a.Name], result["data"]!["some"]!.AsArray().Select(n => n?["name"]?.GetValue<string>()));
        // The list primes `a` and reveals the total: the two keys still unknown cost the cheaper of two GETs and the
        // pages of one unfiltered scan, which for 60 droplets is one page of 300.
        Assert.True(droplets.Count <= 300, "the data should fit one scan page");
        Assert.Equal(2, journal.Count);
        Assert.All(journal, r => Assert.Equal("/api/digitalocean-droplets/", r.Path));
        Assert.Contains("page_size=300", journal[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regions_nested_in_sizes_answer_region_lookups_without_a_request()
    {
        var gateway = fixture.Gateway;
        var size = gateway.Dataset.Sizes.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Uuid, StringComparer.Ordinal).First();
        var region = size.Regions[0];

        await gateway.ClearJournalAsync();
        var result = await gateway.QueryAsync(
            $$"""{ digitalOceanSizes(first: 1) { nodes { regions(where: { name: { eq: "{{region.Name}}" } }) { uuid } } } digitalOceanRegionByUuid(uuid: "{{region.Uuid}}") { name } }""");
        var journal = await gateway.JournalAsync();

        Assert.Equal(region.Uuid, result["data"]!["digitalOceanSizes"]!["nodes"]![0]!["regions"]![0]!["uuid"]!.GetValue<string>());
        Assert.Equal(region.Name, result["data"]!["digitalOceanRegionByUuid"]!["name"]!.GetValue<string>());
        Assert.Equal(["/api/digitalocean-sizes/"], journal.Select(r => r.Path));
    }
}
