using Xunit;

namespace Waldur.GraphGateway.Tests.Telemetry;

/// <summary><c>Telemetry:PrometheusEndpoint</c> and <c>Telemetry:PrometheusPath</c> decide whether and where the metrics are served.</summary>
public sealed class TelemetrySettingsTests
{
    [Fact]
    public async Task The_metrics_move_with_PrometheusPath_and_go_with_PrometheusEndpoint_false()
    {
        await using var moved = await GatewayHost.StartWithFaultsAsync(new Dictionary<string, string?> { ["Telemetry:PrometheusPath"] = "/internal/metrics" });
        Assert.Equal(200, (await moved.PostQueryAsync("{ digitalOceanRegions { totalCount } }")).Status);
        var scrape = await moved.SendAsync(HttpMethod.Get, "/internal/metrics", null, null);
        Assert.Equal(200, scrape.Status);
        Assert.Contains("waldur_gateway_operations_total", scrape.Body, StringComparison.Ordinal);
        Assert.Equal(404, (await moved.SendAsync(HttpMethod.Get, "/metrics", null, null)).Status);

        await using var off = await GatewayHost.StartWithFaultsAsync(new Dictionary<string, string?> { ["Telemetry:PrometheusEndpoint"] = "false" });
        Assert.Equal(200, (await off.PostQueryAsync("{ digitalOceanRegions { totalCount } }")).Status);
        Assert.Equal(404, (await off.SendAsync(HttpMethod.Get, "/metrics", null, null)).Status);
    }
}
