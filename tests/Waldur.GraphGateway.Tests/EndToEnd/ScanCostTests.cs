using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// A residual scan reads each Waldur page once: when the pages already hold exactly X-Result-Count distinct rows
/// (Waldur kept its order between requests) there is nothing to repair, so no tie run is re-read.
/// </summary>
public sealed class ScanCostTests
{
    [Fact]
    public async Task A_residual_scan_over_a_stable_order_costs_exactly_its_pages()
    {
        await using var gateway = await GatewayHost.StartAsync(["--Emulator:ImageCount=3000"]);
        await gateway.ClearJournalAsync();

        var body = await gateway.QueryAsync(
            "{ digitalOceanImages(first: 5, where: { isOfficial: { eq: true } }, order: [{ createdAt: DESC }]) { totalCount nodes { uuid } } }");

        Assert.Null(body["errors"]);
        Assert.Equal(gateway.Dataset.Images.Count(i => i.IsOfficial), body["data"]!["digitalOceanImages"]!["totalCount"]!.GetValue<int>());
        var journal = await gateway.JournalAsync();
        Assert.Equal((3000 + 299) / 300, journal.Count);
        Assert.All(journal, j => Assert.Contains("page_size=300", j.Query, StringComparison.Ordinal));
        Assert.Equal(journal.Count, journal.Select(j => j.Query).Distinct().Count());
    }
}
