using System.Text;
using Waldur.GraphGateway.Tests.Snapshots;
using Waldur.GraphGateway.Types.Relay;
using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>By-uuid lookups and <c>node</c> through the gateway: one batch per level, deduplicated, primed by lists.</summary>
public class BatchingTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const int PageSize = 300;

    private GatewayHost Gateway => fixture.Gateway;

    private static string AliasedLookups(IEnumerable<string> uuids, string selection = "uuid name") =>
        "{ " + string.Join("\n  ", uuids.Select((u, i) => $"i{i}: digitalOceanImageByUuid(uuid: \"{u}\") {{ {selection} }}")) + " }";

    [Fact]
    public async Task Twenty_aliased_lookups_are_one_batch_no_dearer_than_the_cheaper_strategy()
    {
        var images = Gateway.Dataset.Images;
        var wanted = Enumerable.Range(0, 20).Select(i => images[(i * 37 + 5) % images.Count].Uuid).Distinct().ToList();
        await Gateway.ClearJournalAsync();
        var query = AliasedLookups(wanted);
        var result = await Gateway.QueryAsync(query);
        var journal = await Gateway.JournalAsync();

        Assert.Null(result["errors"]);
        for (var i = 0; i < wanted.Count; i++)
        {
            Assert.Equal(images.First(x => x.Uuid == wanted[i]).Name, result["data"]![$"i{i}"]!["name"]!.GetValue<string>());
        }

        // Unknown total: page 1 of the list (it reveals the total), then the cheaper of GETs and the remaining pages.
        var pages = (images.Count + PageSize - 1) / PageSize;
        Assert.InRange(journal.Count, 1, Math.Min(wanted.Count + 1, Math.Max(1, pages)));
        Assert.All(journal, j => Assert.Equal("GET", j.Method));
        MarkdownSnapshot.Match(new GraphQLExchange(query, result) { Waldur = journal, WaldurOrder = WaldurOrder.Sorted });
    }

    [Theory]
    [InlineData(3000, false)]
    [InlineData(9000, true)]
    public async Task A_batch_sends_its_requests_together(int imageCount, bool knownTotal)
    {
        var probe = new WaldurTrafficProbe();
        await using var gateway = await GatewayHost.StartAsync([$"--Emulator:ImageCount={imageCount}"], configureServices: probe.AddTo);
        var images = gateway.Dataset.Images;
        var wanted = Enumerable.Range(0, 20).Select(i => images[(i * 997 + 11) % images.Count].Uuid).Distinct().ToList();
        // A count-only list beside the lookups resolves first (plain resolvers finish before batches) and tells the batch the total.
        var query = AliasedLookups(wanted).Insert(2, knownTotal ? "all: digitalOceanImages { totalCount } " : "");
        await gateway.ClearJournalAsync();
        var result = await gateway.QueryAsync(query);
        var journal = await gateway.JournalAsync();

        Assert.Null(result["errors"]);
        var lookups = journal.Where(j => j.Method == "GET").ToList();
        var pages = (images.Count + PageSize - 1) / PageSize;
        if (knownTotal)
        {
            // 20 GETs beat 30 pages: each uuid once.
            Assert.Equal(wanted.Select(u => $"/api/digitalocean-images/{u}/").Order(), lookups.Select(j => j.Path).Order());
        }
        else
        {
            Assert.InRange(lookups.Count, 2, Math.Min(wanted.Count + 1, pages));
        }

        // Never one round trip after another: the batch keeps several in flight.
        Assert.True(probe.MaxInFlight > 1, $"at most {probe.MaxInFlight} Waldur request(s) were in flight at once");
    }

    [Fact]
    public async Task The_same_image_asked_for_three_ways_is_fetched_once()
    {
        var uuid = Gateway.Dataset.Images[7].Uuid;
        var hyphenated = $"{uuid[..8]}-{uuid[8..12]}-{uuid[12..16]}-{uuid[16..20]}-{uuid[20..]}".ToUpperInvariant();
        await Gateway.ClearJournalAsync();
        var query = $$"""
            { a: digitalOceanImageByUuid(uuid: "{{uuid}}") { name }
              b: digitalOceanImageByUuid(uuid: "{{hyphenated}}") { name }
              c: node(id: "{{NodeId.Encode("DigitalOceanImage", uuid)}}") { id ... on DigitalOceanImage { name } }
              d: digitalOceanImagesByUuids(uuids: ["{{uuid}}", "{{uuid}}"]) { uuid } }
            """;
        var result = await Gateway.QueryAsync(query);
        var journal = await Gateway.JournalAsync();

        Assert.Null(result["errors"]);
        Assert.Equal([$"GET /api/digitalocean-images/{uuid}/ -> 200"], journal.Select(j => j.ToString()));
        var name = Gateway.Dataset.Images[7].Name;
        Assert.All(new[] { "a", "b", "c" }, alias => Assert.Equal(name, result["data"]![alias]!["name"]!.GetValue<string>()));
        MarkdownSnapshot.Match(new GraphQLExchange(query, result) { Waldur = journal });
    }

    [Fact]
    public async Task Images_and_regions_of_a_list_cost_nothing_more_in_the_same_request()
    {
        const string list = "list: digitalOceanImages(first: 5, where: { distribution: { eq: \"Ubuntu\" } }) { nodes { uuid name } }";
        await Gateway.ClearJournalAsync();
        var alone = await Gateway.QueryAsync("{ " + list + " }");
        var listJournal = (await Gateway.JournalAsync()).Select(j => j.ToString()).ToList();
        var listed = alone["data"]!["list"]!["nodes"]!.AsArray().Select(n => n!["uuid"]!.GetValue<string>()).ToList();
        var region = Gateway.Dataset.Images.First(i => i.Uuid == listed.First(u => Gateway.Dataset.Images.First(i => i.Uuid == u).Regions.Count > 0))
            .Regions[0];

        var query = new StringBuilder("{ ").Append(list);
        for (var i = 0; i < listed.Count; i++)
        {
            query.Append($" n{i}: node(id: \"{NodeId.Encode("DigitalOceanImage", listed[i])}\") {{ ... on DigitalOceanImage {{ name }} }}");
            query.Append($" u{i}: digitalOceanImageByUuid(uuid: \"{listed[i]}\") {{ name }}");
        }

        query.Append($" many: digitalOceanImagesByUuids(uuids: [{string.Join(", ", listed.Select(u => $"\"{u}\""))}]) {{ uuid }}");
        query.Append($" region: digitalOceanRegionByUuid(uuid: \"{region.Uuid}\") {{ name }} }}");
        await Gateway.ClearJournalAsync();
        var result = await Gateway.QueryAsync(query.ToString());
        var journal = await Gateway.JournalAsync();

        Assert.Null(result["errors"]);
        Assert.Equal(listJournal, journal.Select(j => j.ToString()));
        Assert.Equal(listed, result["data"]!["many"]!.AsArray().Select(n => n!["uuid"]!.GetValue<string>()));
        Assert.Equal(region.Name, result["data"]!["region"]!["name"]!.GetValue<string>());
        for (var i = 0; i < listed.Count; i++)
        {
            var name = alone["data"]!["list"]!["nodes"]![i]!["name"]!.GetValue<string>();
            Assert.Equal(name, result["data"]![$"n{i}"]!["name"]!.GetValue<string>());
            Assert.Equal(name, result["data"]![$"u{i}"]!["name"]!.GetValue<string>());
        }
    }
}
