using System.Globalization;
using System.Text.Json.Nodes;
using Waldur.Emulator.Data;
using Waldur.GraphGateway.Types.Relay;
using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// Images take no <c>field=</c>, yet a list reads only the keys its selection and plan need. Aliases of one list with
/// different selections hit the same Waldur URL: each must still get every value it selected, from one read per URL.
/// </summary>
public class ProjectionTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Gateway => fixture.Gateway;

    [Fact]
    public async Task Aliases_of_one_list_with_different_selections_each_get_every_selected_value_and_no_field_is_sent()
    {
        await Gateway.ClearJournalAsync();
        const string scan = """where: { minDiskSize: { gt: 20000 } }, order: [{ name: DESC }]""";
        var result = await Gateway.QueryAsync($$"""
            { light: digitalOceanImages(first: 7, {{scan}}) { nodes { id name } }
              heavy: digitalOceanImages(first: 7, {{scan}}) { totalCount nodes { uuid distribution type isOfficial createdAt regions { name } } }
              names: digitalOceanImages(first: 20) { nodes { name } }
              regions: digitalOceanImages(first: 20) { nodes { __typename uuid distribution regions { uuid name } } }
              sortedRegions: digitalOceanImages(first: 20) { nodes { uuid regions(order: [{ name: DESC }]) { uuid } } } }
            """);
        var journal = await Gateway.JournalAsync();

        Assert.Null(result["errors"]);
        var images = Gateway.Dataset.Images;
        var matching = images.Where(i => i.MinDiskSize > 20000).OrderByDescending(i => i.Name, StringComparer.Ordinal)
            .ThenBy(i => i.Uuid, StringComparer.Ordinal).ToList();
        var first = images.OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Uuid, StringComparer.Ordinal).Take(20).ToList();
        Assert.Equal(matching.Count, result["data"]!["heavy"]!["totalCount"]!.GetValue<int>());
        AssertNodes(result, "light", matching.Take(7), ["id", "name"]);
        AssertNodes(result, "heavy", matching.Take(7), ["uuid", "distribution", "type", "isOfficial", "createdAt", "regions"]);
        AssertNodes(result, "names", first, ["name"]);
        AssertNodes(result, "regions", first, ["__typename", "uuid", "distribution", "regions"]);
        // Nested rows sorted in memory by a field the selection leaves out are read whole.
        var sorted = result["data"]!["sortedRegions"]!["nodes"]!.AsArray();
        Assert.Equal(first.Select(i => i.Regions.OrderByDescending(r => r.Name, StringComparer.Ordinal).Select(r => r.Uuid).ToList()),
            sorted.Select(n => n!["regions"]!.AsArray().Select(r => r!["uuid"]!.GetValue<string>()).ToList()));
        var reads = journal.Where(j => j.Path.Contains("digitalocean-images", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reads);
        Assert.All(reads, r => Assert.DoesNotContain("field=", r.Query, StringComparison.Ordinal));
        // Aliases of one list read whole rows, so those sending the same URL share one Waldur read.
        Assert.Equal(reads.Select(r => (r.Method, r.Query)).Distinct().Count(), reads.Count);
    }

    private static void AssertNodes(JsonNode result, string alias, IEnumerable<EmulatorImage> expected, string[] selected)
    {
        var nodes = result["data"]![alias]!["nodes"]!.AsArray();
        var images = expected.ToList();
        Assert.Equal(images.Count, nodes.Count);
        foreach (var (node, image) in nodes.Zip(images))
        {
            Assert.Equal(selected.Order(StringComparer.Ordinal), node!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
            foreach (var field in selected)
            {
                Assert.True(JsonNode.DeepEquals(Expected(image, field, node[field]), node[field]), $"{alias}.{field} of {image.Uuid}: {node[field]?.ToJsonString()}");
            }
        }
    }

    /// <summary>The value the emulator's data gives a field, in the GraphQL form (nested regions as selected).</summary>
    private static JsonNode? Expected(EmulatorImage image, string field, JsonNode? actual) => field switch
    {
        "id" => NodeId.Encode("DigitalOceanImage", image.Uuid),
        "__typename" => "DigitalOceanImage",
        "uuid" => image.Uuid,
        "name" => image.Name,
        "distribution" => image.Distribution,
        "type" => image.Type,
        "isOfficial" => image.IsOfficial,
        // Compared as instants: the scalar's text form is the gateway's to choose.
        "createdAt" => image.CreatedAt is { } at && actual is not null
                       && DateTimeOffset.Parse(actual.GetValue<string>(), CultureInfo.InvariantCulture) == at ? actual.DeepClone() : image.CreatedAt?.ToString("O"),
        "regions" => new JsonArray([.. image.Regions.Select(r => Region(r, actual))]),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a field this test selects"),
    };

    private static JsonObject Region(EmulatorRegion region, JsonNode? selectedRegions)
    {
        var withUuid = selectedRegions?.AsArray().FirstOrDefault()?["uuid"] is not null;
        return withUuid ? new JsonObject { ["uuid"] = region.Uuid, ["name"] = region.Name } : new JsonObject { ["name"] = region.Name };
    }
}
