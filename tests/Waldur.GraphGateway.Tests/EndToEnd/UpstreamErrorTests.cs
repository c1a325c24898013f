using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>Waldur failures become stable codes on the failing field only.</summary>
public class UpstreamErrorTests
{
    [Fact]
    public async Task A_rejected_token_is_AUTH_NOT_AUTHENTICATED_and_a_missing_one_never_reaches_Waldur()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var rejected = await gateway.QueryAsync("{ __typename digitalOceanImages { totalCount } }", authorization: "Token wrong");
        Assert.Equal("AUTH_NOT_AUTHENTICATED", rejected["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("Query", rejected["data"]!["__typename"]!.GetValue<string>());

        await gateway.ClearJournalAsync();
        var missing = await gateway.QueryAsync("{ digitalOceanImages { totalCount } }", authorization: null);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", missing["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Empty(await gateway.JournalAsync());
    }

    [Fact]
    public async Task Server_errors_after_retries_are_UPSTREAM_UNAVAILABLE_and_siblings_still_answer()
    {
        await using var gateway = await GatewayHost.StartAsync();
        await gateway.SetFaultsAsync(new { errorRate = 1.0, errorStatus = 503 });
        var result = await gateway.QueryAsync("{ __typename images: digitalOceanImages(first: 2) { totalCount } bad: digitalOceanImages(first: -1) { totalCount } }");
        var journal = await gateway.JournalAsync();

        var codes = result["errors"]!.AsArray().ToDictionary(e => e!["path"]![0]!.GetValue<string>(), e => e!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("UPSTREAM_UNAVAILABLE", codes["images"]);
        Assert.Equal("PAGING_NEGATIVE_SIZE", codes["bad"]);
        Assert.Equal("Query", result["data"]!["__typename"]!.GetValue<string>());
        Assert.True(journal.Count(j => j.Status == 503) >= 2, "GETs are retried on 503");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task MaxRetryAttempts_bounds_the_attempts_and_zero_means_one_attempt(int retries)
    {
        await using var gateway = await GatewayHost.StartAsync(gatewaySettings: new Dictionary<string, string?>
        {
            ["Waldur:Resilience:MaxRetryAttempts"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Waldur:Resilience:RetryBaseDelay"] = "00:00:00.001",
        });
        await gateway.SetFaultsAsync(new { errorRate = 1.0, errorStatus = 503 });
        var result = await gateway.QueryAsync("{ digitalOceanRegions { totalCount } }");

        Assert.Equal("UPSTREAM_UNAVAILABLE", result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(1 + retries, (await gateway.JournalAsync()).Count(j => j.Status == 503));
    }

    [Fact]
    public async Task A_Waldur_that_does_not_answer_in_time_is_UPSTREAM_UNAVAILABLE()
    {
        await using var gateway = await GatewayHost.StartAsync(gatewaySettings: new Dictionary<string, string?>
        {
            ["Waldur:Resilience:AttemptTimeout"] = "00:00:00.200",
            ["Waldur:Resilience:TotalTimeout"] = "00:00:00.600",
            ["Waldur:Resilience:MaxRetryAttempts"] = "1",
        });
        await gateway.SetFaultsAsync(new { latencyMs = 3000 });
        var result = await gateway.QueryAsync("{ __typename digitalOceanRegions { totalCount } }");
        Assert.Equal("UPSTREAM_UNAVAILABLE", result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("Query", result["data"]!["__typename"]!.GetValue<string>());
    }
}
