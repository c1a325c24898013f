using System.Text.Json.Nodes;
using Waldur.GraphGateway.Tests.Snapshots;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>digitalOceanImages/digitalOceanRegions through the gateway against the emulator, with what Waldur was asked.</summary>
public class ImagesConnectionTests(GatewayFixture fixture, ITestOutputHelper output) : IClassFixture<GatewayFixture>
{
    private GatewayHost Gateway => fixture.Gateway;

    [Fact]
    public async Task A_pushdown_page_is_one_Waldur_request_and_one_more_for_a_run_cut_at_its_edge()
    {
        await Gateway.ClearJournalAsync();
        const string query = """
            { digitalOceanImages(first: 3, where: { distribution: { eq: "Ubuntu" }, name: { contains: "ubuntu" } }) {
                totalCount pageInfo { hasNextPage hasPreviousPage } nodes { name distribution type } } }
            """;
        var result = await Gateway.QueryAsync(query);
        var journal = await Gateway.JournalAsync();

        // One GET of the page, and one exact-name read of the run at its edge if that run goes on past the spare rows.
        var matching = Gateway.Dataset.Images.Where(i => i.Distribution == "Ubuntu" && i.Name.Contains("ubuntu", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(WindowEdge.Requests(matching.Select(i => i.Name), 3), journal.Count);
        Assert.Equal("GET", journal[0].Method);
        Assert.Contains("distribution=Ubuntu", journal[0].Query, StringComparison.Ordinal);
        Assert.Contains("name=ubuntu", journal[0].Query, StringComparison.Ordinal);
        Assert.All(journal.Skip(1), j => Assert.Contains("name_exact=", j.Query, StringComparison.Ordinal));
        Assert.Equal(matching.Count, result["data"]!["digitalOceanImages"]!["totalCount"]!.GetValue<int>());
        MarkdownSnapshot.Match(new GraphQLExchange(query, result) { Waldur = journal });
    }

    [Fact]
    public async Task A_count_only_selection_is_one_HEAD()
    {
        await Gateway.ClearJournalAsync();
        var result = await Gateway.QueryAsync("""{ digitalOceanImages(where: { type: { eq: "base" } }) { totalCount } }""");
        var journal = await Gateway.JournalAsync();
        Assert.Equal(["HEAD"], journal.Select(j => j.Method));
        Assert.Equal(Gateway.Dataset.Images.Count(i => i.Type == "base"), result["data"]!["digitalOceanImages"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(50)]
    public async Task Forward_paging_visits_every_image_once_and_agrees_with_backward_paging(int size)
    {
        var expected = Gateway.Dataset.Images.OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Uuid, StringComparer.Ordinal)
            .Select(i => i.Uuid).ToList();
        await Gateway.ClearJournalAsync();
        var forward = await PageAsync(size, forward: true);
        var requests = (await Gateway.JournalAsync()).Count;
        var backward = await PageAsync(size, forward: false);
        output.WriteLine($"first: {size}: {forward.Pages} pages, {requests} Waldur requests");

        Assert.Equal(expected, forward.Uuids);
        Assert.Equal(expected, backward.Uuids);
    }

    [Theory]
    [InlineData("{ isOfficial: { eq: true } }", "[{ createdAt: DESC }]")]
    [InlineData("{ or: [{ type: { eq: \"base\" } }, { minDiskSize: { gte: 51200 } }] }", "[{ distribution: ASC }, { type: DESC }]")]
    [InlineData("{ regions: { some: { name: { eq: \"Amsterdam 3\" } } }, distribution: { eq: \"Debian\" } }", "[{ name: DESC }]")]
    [InlineData("{ name: { startsWith: \"ubuntu\" }, createdAt: { lt: \"2022-01-01T00:00:00Z\" } }", "[{ minDiskSize: ASC }]")]
    public async Task Residual_filters_and_sorts_agree_with_an_oracle_over_the_full_data(string where, string order)
    {
        var all = await AllAsync("", "");
        var byUuid = all.ToDictionary(n => n["uuid"]!.GetValue<string>());
        var result = await Gateway.QueryAsync($"{{ digitalOceanImages(first: 100, where: {where}, order: {order}) {{ totalCount nodes {{ uuid }} }} }}");
        var page = result["data"]!["digitalOceanImages"]!;

        var expected = Oracle(all, where, order);
        Assert.Equal(expected.Count, page["totalCount"]!.GetValue<int>());
        Assert.Equal(expected.Take(100), page["nodes"]!.AsArray().Select(n => n!["uuid"]!.GetValue<string>()));
        Assert.True(byUuid.Count == Gateway.Dataset.Images.Count);
    }

    [Fact]
    public async Task Regions_connection_pushes_name_and_sorts_other_orders_itself()
    {
        var regions = Gateway.Dataset.Regions;
        await Gateway.ClearJournalAsync();
        var result = await Gateway.QueryAsync("""
            { a: digitalOceanRegions(first: 5, where: { name: { contains: "new" } }) { totalCount nodes { name } }
              b: digitalOceanRegions(first: 3, order: [{ name: DESC }]) { totalCount nodes { name } } }
            """);
        var journal = await Gateway.JournalAsync();
        output.WriteLine(string.Join("\n", journal));

        Assert.Equal(regions.Where(r => r.Name.Contains("new", StringComparison.OrdinalIgnoreCase)).Select(r => r.Name).Order(StringComparer.Ordinal),
            result["data"]!["a"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
        Assert.Equal(regions.Select(r => r.Name).OrderDescending(StringComparer.Ordinal).Take(3),
            result["data"]!["b"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
        Assert.Contains(journal, j => j.Query.Contains("name=new", StringComparison.Ordinal));
        Assert.True(journal.Count <= 2, string.Join("\n", journal));
    }

    [Fact]
    public async Task Bad_paging_arguments_have_their_own_codes_and_do_not_fail_siblings()
    {
        var result = await Gateway.QueryAsync("""
            { ok: digitalOceanRegions(first: 1) { totalCount }
              both: digitalOceanImages(first: 1, last: 1) { totalCount }
              big: digitalOceanImages(first: 1000) { totalCount }
              neg: digitalOceanImages(last: -1) { totalCount }
              bad: digitalOceanImages(after: "nope") { totalCount } }
            """);
        var codes = result["errors"]!.AsArray().ToDictionary(e => e!["path"]![0]!.GetValue<string>(), e => e!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("PAGING_FIRST_AND_LAST", codes["both"]);
        Assert.Equal("PAGING_SIZE_TOO_LARGE", codes["big"]);
        Assert.Equal("PAGING_NEGATIVE_SIZE", codes["neg"]);
        Assert.Equal("CURSOR_INVALID", codes["bad"]);
        Assert.Equal(Gateway.Dataset.Regions.Count, result["data"]!["ok"]!["totalCount"]!.GetValue<int>());
    }

    private async Task<(List<string> Uuids, int Pages)> PageAsync(int size, bool forward)
    {
        var uuids = new List<string>();
        string? cursor = null;
        for (var pages = 1; ; pages++)
        {
            var args = forward ? $"first: {size}{(cursor is null ? "" : $", after: \"{cursor}\"")}" : $"last: {size}{(cursor is null ? "" : $", before: \"{cursor}\"")}";
            var result = await Gateway.QueryAsync($"{{ digitalOceanImages({args}) {{ edges {{ cursor node {{ uuid }} }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}");
            var connection = result["data"]!["digitalOceanImages"]!;
            var batch = connection["edges"]!.AsArray().Select(e => e!["node"]!["uuid"]!.GetValue<string>()).ToList();
            if (forward)
            {
                uuids.AddRange(batch);
            }
            else
            {
                uuids.InsertRange(0, batch);
            }

            var info = connection["pageInfo"]!;
            if (!(forward ? info["hasNextPage"] : info["hasPreviousPage"])!.GetValue<bool>())
            {
                return (uuids, pages);
            }

            cursor = (forward ? info["endCursor"] : info["startCursor"])!.GetValue<string>();
        }
    }

    private async Task<List<JsonNode>> AllAsync(string where, string order)
    {
        var nodes = new List<JsonNode>();
        string? cursor = null;
        while (true)
        {
            var after = cursor is null ? "" : $", after: \"{cursor}\"";
            var result = await Gateway.QueryAsync($"{{ digitalOceanImages(first: 100{after}{where}{order}) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ uuid name distribution type isOfficial createdAt minDiskSize regions {{ name }} }} }} }}");
            var connection = result["data"]!["digitalOceanImages"]!;
            nodes.AddRange(connection["nodes"]!.AsArray().Select(n => n!.DeepClone()));
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                return nodes;
            }

            cursor = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
    }

    /// <summary>The oracle: the four residual queries above, evaluated over the emulator's full data set.</summary>
    private List<string> Oracle(List<JsonNode> all, string where, string order)
    {
        var images = Gateway.Dataset.Images;
        var cutoff = new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Func<Waldur.Emulator.Data.EmulatorImage, bool> filter = where switch
        {
            _ when where.Contains("isOfficial", StringComparison.Ordinal) => i => i.IsOfficial,
            _ when where.Contains("or:", StringComparison.Ordinal) => i => i.Type == "base" || i.MinDiskSize >= 51200,
            _ when where.Contains("regions", StringComparison.Ordinal) => i => i.Distribution == "Debian" && i.Regions.Any(r => r.Name == "Amsterdam 3"),
            _ => i => i.Name.StartsWith("ubuntu", StringComparison.OrdinalIgnoreCase) && i.CreatedAt < cutoff,
        };
        var rows = images.Where(filter);
        var sorted = order switch
        {
            // Nulls as Waldur's database orders `o`: first descending, last ascending.
            _ when order.Contains("createdAt", StringComparison.Ordinal) => rows.OrderBy(i => i.CreatedAt is null ? 0 : 1).ThenByDescending(i => i.CreatedAt),
            _ when order.Contains("distribution", StringComparison.Ordinal) => rows.OrderBy(i => i.Distribution, StringComparer.Ordinal).ThenByDescending(i => i.Type, StringComparer.Ordinal),
            _ when order.Contains("name", StringComparison.Ordinal) => rows.OrderByDescending(i => i.Name, StringComparer.Ordinal),
            _ => rows.OrderBy(i => i.MinDiskSize is null ? 1 : 0).ThenBy(i => i.MinDiskSize),
        };
        Assert.Equal(images.Count, all.Count);
        return sorted.ThenBy(i => i.Uuid, StringComparer.Ordinal).Select(i => i.Uuid).ToList();
    }
}
