namespace Waldur.Emulator.Tests;

public sealed class ScaleTests
{
    [Fact]
    public async Task A_list_request_works_at_100000_images()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:ImageCount=100000");
        using var client = host.Client();
        var (response, body) = await client.GetWithBodyAsync("/api/digitalocean-images/?page_size=20&page=last&o=-type,distribution");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("100000", response.Header("X-Result-Count"));
        Assert.Equal(20, JsonDocument.Parse(body).RootElement.GetArrayLength());
        Assert.Contains("page=5000&page_size=20>; rel=\"last\"", response.Header("Link"));

        var ubuntu = host.Dataset.Images.Count(i => i.Distribution == "Ubuntu" && i.Name.Contains("web", StringComparison.OrdinalIgnoreCase));
        var (filtered, _) = await client.GetWithBodyAsync("/api/digitalocean-images/?distribution=Ubuntu&name=WEB");
        Assert.Equal(ubuntu.ToString(System.Globalization.CultureInfo.InvariantCulture), filtered.Header("X-Result-Count"));
    }
}
