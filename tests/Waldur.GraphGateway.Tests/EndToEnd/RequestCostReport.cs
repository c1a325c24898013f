using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// Prints Waldur requests per query shape and the median end-to-end time (reported, never asserted). The only
/// assertion is that every shape answered without errors.
/// </summary>
public class RequestCostReport(ITestOutputHelper output)
{
    private static readonly (string Shape, string Query)[] Shapes =
    [
        ("first page, no filter", "{ digitalOceanImages { nodes { name } } }"),
        ("pushdown name+distribution", """{ digitalOceanImages(first: 20, where: { name: { contains: "x64" }, distribution: { eq: "Ubuntu" } }) { totalCount nodes { name } } }"""),
        ("totalCount only", """{ digitalOceanImages(where: { type: { eq: "snapshot" } }) { totalCount } }"""),
        ("last: 10", "{ digitalOceanImages(last: 10) { nodes { name } } }"),
        ("residual isOfficial", "{ digitalOceanImages(where: { isOfficial: { eq: true } }) { totalCount nodes { name } } }"),
        ("residual order createdAt", "{ digitalOceanImages(order: [{ createdAt: DESC }]) { nodes { name } } }"),
        ("3 residual fields sharing a scan", "{ a: digitalOceanImages(where: { isOfficial: { eq: true } }) { totalCount } b: digitalOceanImages(order: [{ minDiskSize: ASC }]) { nodes { name } } c: digitalOceanImages(where: { regions: { any: false } }) { totalCount } }"),
        ("regions first page", "{ digitalOceanRegions { totalCount nodes { name } } }"),
    ];

    [Theory]
    [InlineData(150)]
    [InlineData(3000)]
    public async Task Report(int images)
    {
        await using var gateway = await GatewayUnderTest.StartAsync([$"--Emulator:ImageCount={images}"]);
        output.WriteLine($"{images} images:");
        foreach (var (shape, query) in Shapes)
        {
            await gateway.ClearJournalAsync();
            var first = await gateway.QueryAsync(query);
            Assert.Null(first["errors"]);
            var journal = await gateway.JournalAsync();
            var times = new List<double>();
            for (var i = 0; i < 30; i++)
            {
                var watch = Stopwatch.StartNew();
                await gateway.QueryAsync(query);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            output.WriteLine($"{shape,-36} {journal.Count,2} Waldur requests  median {times[times.Count / 2]:F2} ms  [{string.Join("; ", journal)}]");
        }
    }
}
