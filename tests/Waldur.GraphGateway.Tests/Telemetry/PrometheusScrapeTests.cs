using Xunit;

namespace Waldur.GraphGateway.Tests.Telemetry;

/// <summary>
/// A real Prometheus scrapes a real gateway (Kestrel on a loopback port) at <c>/metrics</c> while it serves GraphQL:
/// the gateway's series reach Prometheus's query API with the values the requests produced.
/// </summary>
public sealed class PrometheusScrapeTests
{
    private const string S1 = "query S1($first: Int!) { digitalOceanImages(first: $first) { nodes { uuid name distribution regions { name } } } }";

    [Fact]
    public async Task Prometheus_scrapes_the_gateways_operations_and_Waldur_requests()
    {
        var binary = PrometheusServer.Binary();
        Assert.True(binary is not null,
            "Debian's prometheus is not installed: apt-get install prometheus (.ci/run installs it). This test needs a real scraper.");
        var port = LoopbackPorts.Free();
        await using var gateway = await GatewayHost.StartAsync(kestrelPort: port);
        await using var prometheus = PrometheusServer.Start(binary!, new Uri($"http://127.0.0.1:{port}/"), "/metrics");

        const int requests = 3;
        for (var i = 0; i < requests; i++)
        {
            Assert.Null((await gateway.QueryAsync(S1, new { first = 5 }))["errors"]);
        }

        var failing = await gateway.QueryAsync("{ digitalOceanImages(first: -1) { totalCount } }");
        Assert.Equal("PAGING_NEGATIVE_SIZE", failing["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        // Other tests in this process add to the same instruments, so the values are at least ours.
        var within = TimeSpan.FromSeconds(30);
        var up = await prometheus.QueryUntilAsync("up{job=\"waldur-graphgateway\"}", v => v == 1, within);
        Assert.True(up == 1, $"Prometheus reached the gateway's /metrics (up = {up?.ToString() ?? "no sample"}): {await prometheus.TargetsAsync()}");
        var succeeded = await prometheus.QueryUntilAsync("sum(waldur_gateway_operations_total{outcome=\"success\"})", v => v >= requests, within);
        Assert.True(succeeded >= requests, $"at least {requests} successful operations scraped, got {succeeded?.ToString() ?? "no sample"}");
        var failed = await prometheus.QueryUntilAsync("sum(waldur_gateway_operations_total{error_code=\"PAGING_NEGATIVE_SIZE\"})", v => v >= 1, within);
        Assert.True(failed >= 1, $"the failed operation is counted by its code, got {failed?.ToString() ?? "no sample"}");
        var waldurRequests = await prometheus.QueryUntilAsync("sum(waldur_gateway_operation_waldur_requests_count)", v => v >= requests, within);
        Assert.True(waldurRequests >= requests, $"each operation recorded its Waldur requests, got {waldurRequests?.ToString() ?? "no sample"}");
        Assert.Contains("waldur_gateway_planner_decisions_total", await gateway.GetTextAsync("/metrics"), StringComparison.Ordinal);
    }
}
