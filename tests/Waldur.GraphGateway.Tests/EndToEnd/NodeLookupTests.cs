using System.Text;
using Waldur.GraphGateway.Tests.Snapshots;
using Waldur.GraphGateway.Types.Relay;
using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>Global ids and lookups: round trips, order, nulls for the unknown, codes for the malformed.</summary>
public class NodeLookupTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Gateway => fixture.Gateway;

    [Fact]
    public async Task Ids_from_lists_refetch_the_same_objects_through_node_and_nodes()
    {
        var listed = await Gateway.QueryAsync("{ digitalOceanImages(first: 3) { nodes { id uuid name regions { id name } } } }");
        var images = listed["data"]!["digitalOceanImages"]!["nodes"]!.AsArray();
        var imageIds = images.Select(i => i!["id"]!.GetValue<string>()).ToList();
        var regionId = images.SelectMany(i => i!["regions"]!.AsArray()).First()!["id"]!.GetValue<string>();
        Assert.All(images, i => Assert.Equal(NodeId.Encode("DigitalOceanImage", i!["uuid"]!.GetValue<string>()), i["id"]!.GetValue<string>()));

        var ids = string.Join(", ", imageIds.Append(regionId).Select(id => $"\"{id}\""));
        var result = await Gateway.QueryAsync($$"""
            { nodes(ids: [{{ids}}]) { __typename id ... on DigitalOceanImage { name } ... on DigitalOceanRegion { name } } }
            """);

        Assert.Null(result["errors"]);
        var nodes = result["data"]!["nodes"]!.AsArray();
        Assert.Equal(imageIds.Append(regionId), nodes.Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(["DigitalOceanImage", "DigitalOceanImage", "DigitalOceanImage", "DigitalOceanRegion"],
            nodes.Select(n => n!["__typename"]!.GetValue<string>()));
        Assert.Equal(images.Select(i => i!["name"]!.GetValue<string>()), nodes.Take(3).Select(n => n!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Malformed_ids_and_uuids_are_errors_with_codes_and_unknown_ones_are_null()
    {
        var known = Gateway.Dataset.Images[0];
        var unknownUuid = new string('0', 32);
        var otherType = Convert.ToBase64String(Encoding.UTF8.GetBytes($"Flavor:{known.Uuid}"));
        await Gateway.ClearJournalAsync();
        var query = $$"""
            { badNode: node(id: "not-an-id") { id }
              unknownNode: node(id: "{{NodeId.Encode("DigitalOceanImage", unknownUuid)}}") { id }
              otherType: node(id: "{{otherType}}") { id }
              nodes(ids: ["{{NodeId.Encode("DigitalOceanImage", known.Uuid)}}", "%%%", "{{NodeId.Encode("DigitalOceanRegion", unknownUuid)}}"]) { id }
              badUuid: digitalOceanImageByUuid(uuid: "1234") { name }
              unknownImage: digitalOceanImageByUuid(uuid: "{{unknownUuid}}") { name }
              unknownRegion: digitalOceanRegionByUuid(uuid: "{{unknownUuid}}") { name }
              byUuids: digitalOceanImagesByUuids(uuids: ["{{unknownUuid}}", "zz", "{{known.Uuid}}"]) { uuid } }
            """;
        var result = await Gateway.QueryAsync(query);
        var journal = await Gateway.JournalAsync();

        var data = result["data"]!;
        Assert.Null(data["badNode"]);
        Assert.Null(data["unknownNode"]);
        Assert.Null(data["otherType"]);
        Assert.Null(data["badUuid"]);
        Assert.Null(data["unknownImage"]);
        Assert.Null(data["unknownRegion"]);
        Assert.Equal([NodeId.Encode("DigitalOceanImage", known.Uuid), null, null], data["nodes"]!.AsArray().Select(n => n?["id"]!.GetValue<string>()));
        Assert.Equal([null, null, known.Uuid], data["byUuids"]!.AsArray().Select(n => n?["uuid"]!.GetValue<string>()));
        var codes = result["errors"]!.AsArray()
            .Select(e => (Path: string.Join('.', e!["path"]!.AsArray().Select(p => p!.ToString())), Code: e["extensions"]!["code"]!.GetValue<string>()))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        Assert.Equal([("badNode", "ID_INVALID"), ("badUuid", "UUID_INVALID"), ("byUuids.1", "UUID_INVALID"), ("nodes.1", "ID_INVALID")], codes);
        Assert.DoesNotContain(journal, j => j.Path.Contains("1234", StringComparison.Ordinal) || j.Path.Contains("zz", StringComparison.Ordinal));
        MarkdownSnapshot.Match(new GraphQLExchange(query, result) { Waldur = journal, WaldurOrder = WaldurOrder.Sorted, SortErrorsByPath = true });
    }

    [Fact]
    public async Task Too_many_ids_or_uuids_fail_the_field_with_a_code()
    {
        var uuids = string.Join(", ", Enumerable.Range(0, 51).Select(i => $"\"{i:x32}\""));
        var ids = string.Join(", ", Enumerable.Range(0, 51).Select(i => $"\"{NodeId.Encode("DigitalOceanImage", $"{i:x32}")}\""));
        await Gateway.ClearJournalAsync();
        var byUuids = await Gateway.QueryAsync($"{{ digitalOceanImagesByUuids(uuids: [{uuids}]) {{ uuid }} }}");
        var nodes = await Gateway.QueryAsync($"{{ nodes(ids: [{ids}]) {{ id }} }}");

        Assert.Equal("LIMIT_TOO_MANY_IDS", byUuids["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("LIMIT_TOO_MANY_IDS", nodes["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Empty(await Gateway.JournalAsync());
    }
}
