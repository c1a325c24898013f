using Waldur.GraphGateway.Types.Relay;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// Prints Waldur requests per graph-shaped query: measured (journal) against what resolvers without batching would send
/// (one GET per lookup, one scan per <c>region.images</c>). Reported, not asserted beyond "answered without errors".
/// </summary>
public class BatchingCostReport(ITestOutputHelper output)
{
    [Theory]
    [InlineData(150)]
    [InlineData(3000)]
    public async Task Report(int imageCount)
    {
        await using var gateway = await GatewayHost.StartAsync([$"--Emulator:ImageCount={imageCount}"]);
        var images = gateway.Dataset.Images;
        var pages = (images.Count + 299) / 300;
        var twenty = Enumerable.Range(0, 20).Select(i => images[(i * 37 + 5) % images.Count].Uuid).ToList();
        var firstFive = images.OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Uuid, StringComparer.Ordinal).Take(5).Select(i => i.Uuid).ToList();
        var withRegions = images.First(i => i.Regions.Count >= 2);
        var shapes = new (string Shape, string Query, int Naive)[]
        {
            ("20 aliased digitalOceanImageByUuid",
                "{ " + string.Concat(twenty.Select((u, i) => $"i{i}: digitalOceanImageByUuid(uuid: \"{u}\") {{ name }} ")) + "}", 20),
            ("same uuid via byUuid x2 + node",
                $"{{ a: digitalOceanImageByUuid(uuid: \"{twenty[0]}\") {{ name }} b: digitalOceanImageByUuid(uuid: \"{twenty[0]}\") {{ name }} " +
                $"c: node(id: \"{NodeId.Encode("DigitalOceanImage", twenty[0])}\") {{ id }} }}", 3),
            ("list(5) + 5 node + 5 byUuid + byUuids(5)",
                "{ digitalOceanImages(first: 5) { nodes { name } } " +
                string.Concat(firstFive.Select((u, i) => $"n{i}: node(id: \"{NodeId.Encode("DigitalOceanImage", u)}\") {{ id }} u{i}: digitalOceanImageByUuid(uuid: \"{u}\") {{ name }} ")) +
                $"many: digitalOceanImagesByUuids(uuids: [{string.Join(", ", firstFive.Select(u => $"\"{u}\""))}]) {{ name }} }}", 1 + 15),
            ("regions { images(first: 3) }",
                "{ digitalOceanRegions { nodes { name images(first: 3) { totalCount nodes { name } } } } }", 1 + 10 * pages),
            ("image -> regions -> images -> regions",
                $"{{ digitalOceanImageByUuid(uuid: \"{withRegions.Uuid}\") {{ regions {{ images(first: 5) {{ nodes {{ regions {{ name }} }} }} }} }} }}",
                1 + withRegions.Regions.Count * pages),
        };
        output.WriteLine($"{imageCount} images ({pages} list page(s) at page_size=300):");
        foreach (var (shape, query, naive) in shapes)
        {
            await gateway.ClearJournalAsync();
            var result = await gateway.QueryAsync(query);
            Assert.Null(result["errors"]);
            var journal = await gateway.JournalAsync();
            output.WriteLine($"{shape,-42} naive {naive,3}  batched {journal.Count,3}  [{string.Join("; ", journal.Select(j => j.ToString()).Order(StringComparer.Ordinal))}]");
        }
    }
}
