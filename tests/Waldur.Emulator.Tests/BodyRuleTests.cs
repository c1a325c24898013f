namespace Waldur.Emulator.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class BodyRuleTests(EmulatorFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly EmulatorHost _host = fixture.Host;

    private static readonly string[] ImageKeys =
        ["url", "uuid", "name", "distribution", "type", "regions", "is_official", "created_at", "min_disk_size"];

    [Fact]
    public async Task U4_image_body_has_every_key_in_order_exactly()
    {
        foreach (var image in _host.Dataset.Images.Take(40))
        {
            var (_, body) = await _client.GetWithBodyAsync($"/api/digitalocean-images/{image.Uuid}/");
            Assert.Equal(Expected.Image(image, _host.BaseUrl), body);
        }
    }

    [Fact]
    public async Task U4_every_listed_image_carries_all_nine_keys_in_order()
    {
        var (_, body) = await _client.GetWithBodyAsync("/api/digitalocean-images/?page_size=300");
        var images = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        Assert.Equal(_host.Dataset.Images.Count, images.Count);
        Assert.All(images, i => Assert.Equal(ImageKeys, i.EnumerateObject().Select(p => p.Name)));
        Assert.Contains(images, i => i.GetProperty("created_at").ValueKind == JsonValueKind.Null);
        Assert.Contains(images, i => i.GetProperty("min_disk_size").ValueKind == JsonValueKind.Null);
        Assert.Contains(images, i => i.GetProperty("regions").GetArrayLength() == 0);
    }

    [Fact]
    public async Task U5_regions_are_full_objects_nested_and_listed()
    {
        var image = _host.Dataset.Images.First(i => i.Regions.Count > 1);
        var (_, body) = await _client.GetWithBodyAsync($"/api/digitalocean-images/{image.Uuid}/");
        var nested = JsonDocument.Parse(body).RootElement.GetProperty("regions").EnumerateArray().ToList();
        Assert.All(nested, r => Assert.Equal(["url", "uuid", "name"], r.EnumerateObject().Select(p => p.Name)));

        var region = _host.Dataset.Regions[5];
        var (_, regionBody) = await _client.GetWithBodyAsync($"/api/digitalocean-regions/{region.Uuid}/");
        Assert.Equal(Expected.Region(region, _host.BaseUrl), regionBody);
    }

    [Fact]
    public async Task U6_urls_follow_the_Host_header_and_end_with_a_slash()
    {
        var image = _host.Dataset.Images.First(i => i.Regions.Count > 0);
        var (_, body) = await _client.SendWithBodyAsync(HttpMethod.Get, $"/api/digitalocean-images/{image.Uuid}/",
            h => h.Host = "waldur.example.org:8443");
        Assert.Equal(Expected.Image(image, "http://waldur.example.org:8443"), body);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.EndsWith("/", root.GetProperty("url").GetString());
        Assert.StartsWith("http://waldur.example.org:8443/api/digitalocean-regions/",
            root.GetProperty("regions")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task U6_forwarded_https_gives_https_urls_as_behind_nginx()
    {
        var region = _host.Dataset.Regions[0];
        var (_, body) = await _client.SendWithBodyAsync(HttpMethod.Get, $"/api/digitalocean-regions/{region.Uuid}/",
            h => { h.Host = "waldur.example.org"; h.Add("X-Forwarded-Proto", "https"); });
        Assert.Equal(Expected.Region(region, "https://waldur.example.org"), body);
    }

    [Fact]
    public async Task U7_created_at_is_iso_utc_with_Z_and_microseconds_only_when_non_zero()
    {
        var (_, body) = await _client.GetWithBodyAsync("/api/digitalocean-images/?page_size=300");
        var stamps = JsonDocument.Parse(body).RootElement.EnumerateArray()
            .Select(i => i.GetProperty("created_at")).Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!).ToList();
        Assert.All(stamps, s => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$", s));
        Assert.Contains(stamps, s => s.Length == "2020-05-15T05:47:50Z".Length);
        Assert.Contains(stamps, s => s.Length == "2020-05-15T05:47:50.123456Z".Length);
        Assert.DoesNotContain(stamps, s => s.EndsWith(".000000Z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task U8_list_body_is_a_bare_array()
    {
        var (_, body) = await _client.GetWithBodyAsync("/api/digitalocean-images/?page_size=2");
        Assert.StartsWith("[{\"url\":", body);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(body).RootElement.ValueKind);
        var (_, regions) = await _client.GetWithBodyAsync("/api/digitalocean-regions/");
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(regions).RootElement.ValueKind);
    }

    [Fact]
    public async Task U8_list_pages_are_the_exact_concatenation_of_image_bodies()
    {
        var expected = _host.Dataset.Images.OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Id).Skip(20).Take(10);
        var (_, body) = await _client.GetWithBodyAsync("/api/digitalocean-images/?page=3");
        Assert.Equal("[" + string.Join(",", expected.Select(i => Expected.Image(i, _host.BaseUrl))) + "]", body);
    }
}
