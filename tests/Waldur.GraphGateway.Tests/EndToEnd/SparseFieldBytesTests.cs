using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// What <c>field=</c> saves: the Waldur response the gateway read for a two-field page, and the same request without
/// the <c>field=</c> parameters, both asked from the emulator directly with the exact URL the journal shows.
/// </summary>
public class SparseFieldBytesTests(GatewayFixture fixture, ITestOutputHelper output) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_projected_marketplace_resources_page_reads_fewer_bytes_than_the_full_rows()
    {
        var gateway = fixture.Gateway;
        await gateway.ClearJournalAsync();
        var result = await gateway.QueryAsync("{ marketplaceResources(first: 20) { nodes { name state } } }");
        var journal = await gateway.JournalAsync();

        Assert.Null(result["errors"]);
        Assert.Equal(20, result["data"]!["marketplaceResources"]!["nodes"]!.AsArray().Count);
        var read = Assert.Single(journal);
        var query = read.Query.TrimStart('?');
        var parameters = query.Split('&');
        Assert.Contains("field=name", parameters);
        Assert.Contains("field=state", parameters);
        var withoutFields = string.Join('&', parameters.Where(p => !p.StartsWith("field=", StringComparison.Ordinal)));

        var (projectedStatus, projected) = await gateway.EmulatorGetAsync($"{read.Path}?{query}");
        var (fullStatus, full) = await gateway.EmulatorGetAsync($"{read.Path}?{withoutFields}");

        Assert.Equal((200, 200), (projectedStatus, fullStatus));
        output.WriteLine($"GET {read.Path}?{query}: {projected.Length} bytes");
        output.WriteLine($"GET {read.Path}?{withoutFields}: {full.Length} bytes");
        output.WriteLine($"field= reads {100.0 * projected.Length / full.Length:F1}% of the bytes ({full.Length / (double)projected.Length:F1}× fewer)");
        Assert.True(projected.Length < full.Length, $"projected {projected.Length} bytes should be fewer than {full.Length}");
    }
}
