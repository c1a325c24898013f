using System.Diagnostics;
using Waldur.GraphGateway.Loading.Paging;
using Waldur.GraphGateway.Loading.Sorting;
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

    /// <summary>Orders Waldur applies itself (U15), from the first page and from a cursor near the end.</summary>
    private static IEnumerable<(string Shape, string Query)> OrderedShapes(int images)
    {
        foreach (var (name, order, keys) in new (string, string, SortKey[])[]
        {
            ("distribution", "[{ distribution: ASC }]", [new("distribution", false)]),
            ("distribution,-type", "[{ distribution: ASC }, { type: DESC }]", [new("distribution", false), new("type", true)]),
            ("-type,name", "[{ type: DESC }, { name: ASC }]", [new("type", true), new("name", false)]),
        })
        {
            var near = CursorCodec.Encode(Math.Max(0, images - 15), CursorCodec.ArgumentsHash("DigitalOceanImage", null, keys));
            yield return ($"order {name} first: 10", $"{{ digitalOceanImages(first: 10, order: {order}) {{ nodes {{ name }} }} }}");
            yield return ($"order {name} first: 10 near end", $"{{ digitalOceanImages(first: 10, after: \"{near}\", order: {order}) {{ nodes {{ name }} }} }}");
        }
    }

    [Theory]
    [InlineData(150)]
    [InlineData(3000)]
    public async Task Report(int images)
    {
        await using var gateway = await GatewayHost.StartAsync([$"--Emulator:ImageCount={images}"]);
        output.WriteLine($"{images} images:");
        foreach (var (shape, query) in Shapes.Concat(OrderedShapes(images)))
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
