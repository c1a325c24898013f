using System.Text.Json.Nodes;
using Waldur.Emulator.Data;
using Waldur.GraphGateway.Tests.Snapshots;
using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>Regions as a navigable type: <c>region.images</c> over one shared scan, <c>image.regions(where, order)</c> in memory.</summary>
public class RegionNavigationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const int PageSize = 300;

    private GatewayHost Gateway => fixture.Gateway;

    [Fact]
    public async Task Every_regions_images_cost_one_regions_list_and_one_image_scan_and_agree_with_the_data()
    {
        var data = EmulatorDataset.Generate();
        await Gateway.ClearJournalAsync();
        const string query = "{ digitalOceanRegions { nodes { uuid name images(first: 3) { totalCount nodes { name } } } } }";
        var result = await Gateway.QueryAsync(query);
        var journal = await Gateway.JournalAsync();

        Assert.Null(result["errors"]);
        var regions = result["data"]!["digitalOceanRegions"]!["nodes"]!.AsArray();
        var expectedRegions = data.Regions.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Uuid, StringComparer.Ordinal).Take(10).ToList();
        Assert.Equal(expectedRegions.Select(r => r.Name), regions.Select(r => r!["name"]!.GetValue<string>()));
        foreach (var region in regions)
        {
            var uuid = region!["uuid"]!.GetValue<string>();
            var inRegion = data.Images.Where(i => i.Regions.Any(r => r.Uuid == uuid))
                .OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Uuid, StringComparer.Ordinal).ToList();
            Assert.Equal(inRegion.Count, region["images"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(inRegion.Take(3).Select(i => i.Name), region["images"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
        }

        Assert.Single(journal, j => j.Path == "/api/digitalocean-regions/");
        var imagePages = journal.Where(j => j.Path == "/api/digitalocean-images/").ToList();
        Assert.Equal(Math.Max(1, (data.Images.Count + PageSize - 1) / PageSize), imagePages.Count(j => !j.Query.Contains("name_exact", StringComparison.Ordinal)));
        Assert.Equal(journal.Count, 1 + imagePages.Count);
        MarkdownSnapshot.Match(new GraphQLExchange(query, result) { Waldur = journal, WaldurOrder = WaldurOrder.Sorted });
    }

    [Fact]
    public async Task Region_images_take_every_argument_of_digitalOceanImages()
    {
        var data = EmulatorDataset.Generate();
        var region = data.Regions.OrderByDescending(r => data.Images.Count(i => i.Regions.Contains(r))).First();
        var result = await Gateway.QueryAsync($$"""
            { digitalOceanRegionByUuid(uuid: "{{region.Uuid}}") {
                images(first: 4, where: { isOfficial: { eq: true } }, order: [{ createdAt: DESC }]) { totalCount nodes { uuid } } } }
            """);

        Assert.Null(result["errors"]);
        var expected = data.Images.Where(i => i.IsOfficial && i.Regions.Contains(region))
            .OrderBy(i => i.CreatedAt is null ? 0 : 1).ThenByDescending(i => i.CreatedAt).ThenBy(i => i.Uuid, StringComparer.Ordinal).ToList();
        var images = result["data"]!["digitalOceanRegionByUuid"]!["images"]!;
        Assert.Equal(expected.Count, images["totalCount"]!.GetValue<int>());
        Assert.Equal(expected.Take(4).Select(i => i.Uuid), images["nodes"]!.AsArray().Select(n => n!["uuid"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Image_regions_are_filtered_and_sorted_in_memory_at_no_extra_cost()
    {
        var image = Gateway.Dataset.Images.First(i => i.Regions.Count >= 3);
        await Gateway.ClearJournalAsync();
        var result = await Gateway.QueryAsync($$"""
            { digitalOceanImageByUuid(uuid: "{{image.Uuid}}") {
                all: regions { name }
                sorted: regions(order: [{ name: DESC }]) { name }
                some: regions(where: { or: [{ name: { contains: "york" } }, { name: { startsWith: "a" } }] }, order: [{ name: ASC }]) { name } } }
            """);

        Assert.Null(result["errors"]);
        var found = result["data"]!["digitalOceanImageByUuid"]!;
        Assert.Equal(image.Regions.Select(r => r.Name), Names(found["all"]));
        Assert.Equal(image.Regions.Select(r => r.Name).OrderDescending(StringComparer.Ordinal), Names(found["sorted"]));
        Assert.Equal(image.Regions.Select(r => r.Name)
                .Where(n => n.Contains("york", StringComparison.OrdinalIgnoreCase) || n.StartsWith('a') || n.StartsWith('A')).Order(StringComparer.Ordinal),
            Names(found["some"]));
        Assert.Single(await Gateway.JournalAsync());
    }

    [Fact]
    public async Task Image_to_regions_to_images_to_regions_is_consistent()
    {
        var image = Gateway.Dataset.Images.Where(i => i.Regions.Count >= 2).Skip(3).First();
        await Gateway.ClearJournalAsync();
        var result = await Gateway.QueryAsync($$"""
            { digitalOceanImageByUuid(uuid: "{{image.Uuid}}") { uuid regions { uuid
                self: images(where: { uuid: { eq: "{{image.Uuid}}" } }) { totalCount }
                images(first: 100) { totalCount nodes { uuid regions { uuid } } } } } }
            """);
        var journal = await Gateway.JournalAsync();

        Assert.Null(result["errors"]);
        var regions = result["data"]!["digitalOceanImageByUuid"]!["regions"]!.AsArray();
        Assert.Equal(image.Regions.Select(r => r.Uuid), regions.Select(r => r!["uuid"]!.GetValue<string>()));
        foreach (var region in regions)
        {
            var uuid = region!["uuid"]!.GetValue<string>();
            Assert.Equal(1, region["self"]!["totalCount"]!.GetValue<int>());
            var images = region["images"]!["nodes"]!.AsArray();
            Assert.Equal(Math.Min(100, region["images"]!["totalCount"]!.GetValue<int>()), images.Count);
            Assert.All(images, i => Assert.Contains(uuid, i!["regions"]!.AsArray().Select(r => r!["uuid"]!.GetValue<string>())));
            Assert.Equal(Gateway.Dataset.Images.Count(i => i.Regions.Any(r => r.Uuid == uuid)), region["images"]!["totalCount"]!.GetValue<int>());
        }

        // The lookup, then one scan for every region's images.
        Assert.Equal($"GET /api/digitalocean-images/{image.Uuid}/ -> 200", journal[0].ToString());
        Assert.All(journal.Skip(1), j => Assert.Equal("/api/digitalocean-images/", j.Path));
    }

    private static IEnumerable<string> Names(JsonNode? list) => list!.AsArray().Select(n => n!["name"]!.GetValue<string>());
}
