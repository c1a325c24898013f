namespace Waldur.Emulator.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class FilterRuleTests(EmulatorFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly EmulatorHost _host = fixture.Host;

    private async Task<HashSet<string>> UuidsAsync(string query, string resource = "digitalocean-images")
    {
        var (response, body) = await _client.GetWithBodyAsync($"/api/{resource}/?page_size=300&{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. Expected.Uuids(body)];
    }

    private HashSet<string> Where(Func<Data.EmulatorImage, bool> predicate) =>
        [.. _host.Dataset.Images.Where(predicate).Select(i => i.Uuid)];

    [Fact]
    public async Task U9_name_is_a_case_insensitive_substring()
    {
        var expected = Where(i => i.Name.Contains("ubuntu", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await UuidsAsync("name=uBUntu"));
        Assert.Equal(Where(i => i.Name.Contains("(LTS)", StringComparison.OrdinalIgnoreCase)), await UuidsAsync("name=%28lts%29"));
    }

    [Fact]
    public async Task U9_percent_and_underscore_match_literally()
    {
        Assert.Empty(await UuidsAsync("name=Ubuntu%25"));
        Assert.Empty(await UuidsAsync("name=Ubunt_"));
        Assert.Empty(await UuidsAsync("name=New%25", "digitalocean-regions"));
    }

    [Fact]
    public async Task U9_name_exact_is_exact_and_case_sensitive_for_images_and_regions()
    {
        var name = _host.Dataset.Images[0].Name;
        Assert.Equal(Where(i => i.Name == name), await UuidsAsync("name_exact=" + Uri.EscapeDataString(name)));
        Assert.Empty(await UuidsAsync("name_exact=" + Uri.EscapeDataString(name.ToUpperInvariant() + "x")));
        Assert.Empty(await UuidsAsync("name_exact=" + Uri.EscapeDataString(name[..^1])));
        var region = _host.Dataset.Regions[0];
        Assert.Equal([region.Uuid], await UuidsAsync("name_exact=" + Uri.EscapeDataString(region.Name), "digitalocean-regions"));
        Assert.Empty(await UuidsAsync("name_exact=" + Uri.EscapeDataString(region.Name.ToLowerInvariant()), "digitalocean-regions"));
    }

    [Fact]
    public async Task U10_distribution_and_type_are_exact_and_case_sensitive()
    {
        Assert.Equal(Where(i => i.Distribution == "Ubuntu"), await UuidsAsync("distribution=Ubuntu"));
        Assert.Empty(await UuidsAsync("distribution=ubuntu"));
        Assert.Empty(await UuidsAsync("distribution=Ubunt"));
        Assert.Equal(Where(i => i.Type == "backup"), await UuidsAsync("type=backup"));
        Assert.Empty(await UuidsAsync("type=Backup"));
    }

    [Fact]
    public async Task U11_filters_combine_with_AND()
    {
        var expected = Where(i => i.Distribution == "Ubuntu" && i.Type == "snapshot" && i.Name.Contains("web", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await UuidsAsync("distribution=Ubuntu&type=snapshot&name=WEB"));
    }

    [Fact]
    public async Task U11_empty_and_unknown_parameters_are_ignored()
    {
        var all = Where(_ => true);
        Assert.Equal(all, await UuidsAsync("name=&name_exact=&distribution=&type=&o=&bogus=1&is_official=true"));
    }

    [Fact]
    public async Task U11_a_repeated_parameter_keeps_its_last_value()
    {
        Assert.Equal(Where(i => i.Distribution == "Debian"), await UuidsAsync("distribution=Ubuntu&distribution=Debian"));
        Assert.Equal(Where(_ => true), await UuidsAsync("distribution=Ubuntu&distribution="));
    }

    [Fact]
    public async Task U11_commas_are_not_split()
    {
        Assert.Empty(await UuidsAsync("distribution=Ubuntu,Debian"));
        Assert.Empty(await UuidsAsync("type=snapshot%2Cbackup"));
    }

    [Theory]
    [InlineData("uuid={0}")]
    [InlineData("region={0}")]
    [InlineData("is_official=false")]
    [InlineData("min_disk_size=0")]
    [InlineData("created_at=2020-01-01")]
    [InlineData("distribution__in=Ubuntu,Debian")]
    public async Task U12_there_is_no_uuid_region_flag_size_date_or_multi_value_filter(string template)
    {
        var query = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, _host.Dataset.Images[0].Uuid);
        Assert.Equal(Where(_ => true), await UuidsAsync(query));
    }

    [Fact]
    public async Task U13_filters_apply_to_retrieve()
    {
        var debian = _host.Dataset.Images.First(i => i.Distribution == "Debian");
        var (miss, missBody) = await _client.GetWithBodyAsync($"/api/digitalocean-images/{debian.Uuid}/?distribution=Ubuntu");
        Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
        Assert.Equal("{\"detail\":\"No Image matches the given query.\"}", missBody);
        var (hit, _) = await _client.GetWithBodyAsync($"/api/digitalocean-images/{debian.Uuid}/?distribution=Debian&name=deb");
        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);

        var region = _host.Dataset.Regions[0];
        var (regionMiss, regionBody) = await _client.GetWithBodyAsync($"/api/digitalocean-regions/{region.Uuid}/?name=zzz");
        Assert.Equal(HttpStatusCode.NotFound, regionMiss.StatusCode);
        Assert.Equal("{\"detail\":\"No Region matches the given query.\"}", regionBody);
    }

    [Fact]
    public async Task U13_a_bad_o_on_retrieve_is_the_400()
    {
        var image = _host.Dataset.Images[0];
        var (response, body) = await _client.GetWithBodyAsync($"/api/digitalocean-images/{image.Uuid}/?o=name");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"o\":[\"Select a valid choice. name is not one of the available choices.\"]}", body);
    }

    [Fact]
    public async Task U14_every_token_sees_every_image()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Tokens:0=alice", "--Emulator:Tokens:1=bob");
        using var alice = host.Client("Token alice");
        using var bob = host.Client("Bearer bob");
        var (_, a) = await alice.GetWithBodyAsync("/api/digitalocean-images/?page_size=300");
        var (_, b) = await bob.GetWithBodyAsync("/api/digitalocean-images/?page_size=300");
        Assert.Equal(host.Dataset.Images.Count, Expected.Uuids(a).Length);
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task U14a_field_parameter_is_ignored_and_every_field_is_returned()
    {
        var image = _host.Dataset.Images[0];
        var (_, body) = await _client.GetWithBodyAsync($"/api/digitalocean-images/{image.Uuid}/?field=name&field=uuid");
        Assert.Equal(Expected.Image(image, _host.BaseUrl), body);
        var (_, list) = await _client.GetWithBodyAsync("/api/digitalocean-images/?field=name");
        Assert.All(JsonDocument.Parse(list).RootElement.EnumerateArray(), i => Assert.Equal(9, i.EnumerateObject().Count()));
    }
}
