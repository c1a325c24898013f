using System.Net;
using Xunit;

namespace Waldur.GraphGateway.Tests.Hosting;

/// <summary><c>/healthz</c> says the process lives; <c>/readyz</c> says whether Waldur answers.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_is_ok_even_when_waldur_is_unreachable()
    {
        using var factory = GatewayHost.WithoutEmulator();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_is_503_when_waldur_is_unreachable()
    {
        using var factory = GatewayHost.WithoutEmulator();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_is_200_when_the_emulator_answers()
    {
        await using var gateway = await GatewayHost.StartAsync(new GatewayHostOptions());
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_is_503_while_waldur_answers_5xx_and_recovers_after()
    {
        await using var gateway = await GatewayHost.StartAsync(new GatewayHostOptions());
        using var client = gateway.CreateClient();

        await gateway.SetFaultsAsync(new { errorRate = 1, errorStatus = 503 });
        using var down = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        await gateway.ClearFaultsAsync();
        using var up = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }
}
