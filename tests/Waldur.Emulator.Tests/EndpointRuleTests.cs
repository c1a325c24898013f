namespace Waldur.Emulator.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class EndpointRuleTests(EmulatorFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly EmulatorHost _host = fixture.Host;

    [Theory]
    [InlineData("/api/digitalocean-images/")]
    [InlineData("/api/digitalocean-regions/")]
    public async Task U1_GET_and_HEAD_serve_lists(string path)
    {
        var get = await _client.GetAsync(path);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task U1_GET_and_HEAD_serve_retrieve()
    {
        var image = _host.Dataset.Images[0];
        var region = _host.Dataset.Regions[0];
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(new(method, $"/api/digitalocean-images/{image.Uuid}/"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(new(method, $"/api/digitalocean-regions/{region.Uuid}/"))).StatusCode);
        }
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task U1_other_methods_are_405_with_Allow(string method)
    {
        var uuid = _host.Dataset.Images[0].Uuid;
        foreach (var path in new[] { "/api/digitalocean-images/", $"/api/digitalocean-images/{uuid}/", "/api/digitalocean-regions/" })
        {
            var (response, body) = await _client.SendWithBodyAsync(new HttpMethod(method), path);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal($"{{\"detail\":\"Method \\\"{method}\\\" not allowed.\"}}", body);
            Assert.Equal("GET, HEAD, OPTIONS", response.Header("Allow"));
        }
    }

    [Fact]
    public async Task U1_anonymous_POST_gets_the_401_first()
    {
        using var anonymous = _host.Client(authorization: null);
        var (response, body) = await anonymous.SendWithBodyAsync(HttpMethod.Post, "/api/digitalocean-images/");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"detail\":\"Authentication credentials were not provided.\"}", body);
    }

    [Theory]
    [InlineData("/api/digitalocean-images", "", "/api/digitalocean-images/")]
    [InlineData("/api/digitalocean-regions", "?name=New%20York&page=2", "/api/digitalocean-regions/?name=New%20York&page=2")]
    public async Task U2_missing_trailing_slash_is_301_to_relative_slashed_path(string path, string query, string location)
    {
        using var anonymous = _host.Client(authorization: null);
        var response = await anonymous.GetAsync(path + query);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Location.IsAbsoluteUri);
    }

    [Fact]
    public async Task U2_retrieve_without_slash_redirects_too()
    {
        var uuid = _host.Dataset.Images[0].Uuid;
        var response = await _client.GetAsync($"/api/digitalocean-images/{uuid}");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/api/digitalocean-images/{uuid}/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task U2_unknown_paths_are_plain_404_and_never_redirected()
    {
        var response = await _client.GetAsync("/api/digitalocean-imagez");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task U3_uuid_accepts_hyphenated_and_upper_case_and_bodies_show_32_lower_hex()
    {
        var image = _host.Dataset.Images[3];
        var hyphenated = Guid.ParseExact(image.Uuid, "N").ToString("D").ToUpperInvariant();
        var (response, body) = await _client.GetWithBodyAsync($"/api/digitalocean-images/{hyphenated}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var uuid = JsonDocument.Parse(body).RootElement.GetProperty("uuid").GetString();
        Assert.Equal(image.Uuid, uuid);
        Assert.Matches("^[0-9a-f]{32}$", uuid);

        var region = _host.Dataset.Regions[2];
        var regionHyphenated = Guid.ParseExact(region.Uuid, "N").ToString("D");
        var (regionResponse, regionBody) = await _client.GetWithBodyAsync($"/api/digitalocean-regions/{regionHyphenated}/");
        Assert.Equal(HttpStatusCode.OK, regionResponse.StatusCode);
        Assert.Equal(region.Uuid, JsonDocument.Parse(regionBody).RootElement.GetProperty("uuid").GetString());
    }
}
