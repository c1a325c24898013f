using System.Net;
using Waldur.GraphGateway.Tests.Http;
using Xunit;

namespace Waldur.GraphGateway.Tests.Hosting;

/// <summary><c>/healthz</c> says the process lives; <c>/readyz</c> says whether Waldur answers.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_is_ok_even_when_waldur_is_unreachable()
    {
        using var factory = new GatewayFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_is_503_when_waldur_is_unreachable()
    {
        using var factory = new GatewayFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_is_200_when_the_emulator_answers()
    {
        var emulator = Waldur.Emulator.EmulatorApp.Build(["--urls", "http://127.0.0.1:0"]);
        await emulator.StartAsync();
        try
        {
            using var factory = new GatewayFactory(new Dictionary<string, string?> { ["Waldur:BaseUrl"] = emulator.Urls.First() + "/" });
            using var client = factory.CreateClient();

            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            await emulator.StopAsync();
            await emulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task Readyz_is_503_while_waldur_answers_5xx_and_recovers_after()
    {
        var emulator = Waldur.Emulator.EmulatorApp.Build(["--urls", "http://127.0.0.1:0"]);
        await emulator.StartAsync();
        try
        {
            var emulatorUrl = new Uri(emulator.Urls.First() + "/");
            using var faults = new HttpClient { BaseAddress = emulatorUrl };
            using var factory = new GatewayFactory(new Dictionary<string, string?> { ["Waldur:BaseUrl"] = emulatorUrl.ToString() });
            using var client = factory.CreateClient();

            using (var failing = new StringContent("""{"errorRate":1,"errorStatus":503}""", System.Text.Encoding.UTF8, "application/json"))
            using (var set = await faults.PutAsync(new Uri("__emulator/faults", UriKind.Relative), failing))
            {
                set.EnsureSuccessStatusCode();
            }

            using var down = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            using (await faults.DeleteAsync(new Uri("__emulator/faults", UriKind.Relative)))
            {
            }

            using var up = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }
        finally
        {
            await emulator.StopAsync();
            await emulator.DisposeAsync();
        }
    }
}
