namespace Waldur.Emulator.Tests;

public sealed class PerTokenDataTests
{
    [Fact]
    public async Task Per_token_mode_shows_each_token_its_own_subset_over_HTTP()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:PerTokenData=true", "--Emulator:Tokens=alice,bob");
        using var alice = host.Client("Token alice");
        using var bob = host.Client("Token bob");
        var (aliceResponse, aliceBody) = await alice.GetWithBodyAsync("/api/digitalocean-images/?page_size=300");
        var (_, bobBody) = await bob.GetWithBodyAsync("/api/digitalocean-images/?page_size=300");
        var expected = host.Dataset.Images.Where(i => host.Dataset.IsVisibleTo(i, "alice")).Select(i => i.Uuid).ToHashSet();
        Assert.Equal(expected, Expected.Uuids(aliceBody).ToHashSet());
        Assert.Equal(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), aliceResponse.Header("X-Result-Count"));
        Assert.NotEqual(aliceBody, bobBody);

        var hidden = host.Dataset.Images.First(i => !host.Dataset.IsVisibleTo(i, "alice"));
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/digitalocean-images/{hidden.Uuid}/")).StatusCode);
        Assert.Equal(host.Dataset.IsVisibleTo(hidden, "bob") ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            (await bob.GetAsync($"/api/digitalocean-images/{hidden.Uuid}/")).StatusCode);
    }
}
