namespace Waldur.Emulator.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class PaginationRuleTests(EmulatorFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly EmulatorHost _host = fixture.Host;

    private int Count => _host.Dataset.Images.Count;

    private async Task<int> RowsAsync(string query)
    {
        var (response, body) = await _client.GetWithBodyAsync("/api/digitalocean-images/?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(body).RootElement.GetArrayLength();
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("page_size=7", 7)]
    [InlineData("page_size=0", 10)]
    [InlineData("page_size=-5", 10)]
    [InlineData("page_size=abc", 10)]
    [InlineData("page_size=", 10)]
    [InlineData("page_size=2.5", 10)]
    [InlineData("page_size=%2012%20", 12)]
    public async Task U17_page_size_defaults_to_10_and_bad_values_fall_back_silently(string query, int rows)
    {
        Assert.Equal(rows, await RowsAsync(query));
    }

    [Fact]
    public async Task U17_page_size_above_300_is_clamped_to_300()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:ImageCount=700");
        using var client = host.Client();
        var (response, body) = await client.GetWithBodyAsync("/api/digitalocean-images/?page_size=1000");
        Assert.Equal(300, JsonDocument.Parse(body).RootElement.GetArrayLength());
        Assert.Contains("page=3&page_size=1000>; rel=\"last\"", response.Header("Link"));
    }

    [Theory]
    [InlineData("page=")]
    [InlineData("page=1")]
    [InlineData("page=%201")]
    public async Task U18_missing_or_empty_page_is_page_1(string query)
    {
        var (_, first) = await _client.GetWithBodyAsync("/api/digitalocean-images/");
        var (_, body) = await _client.GetWithBodyAsync("/api/digitalocean-images/?" + query);
        Assert.Equal(first, body);
    }

    [Fact]
    public async Task U18_page_last_is_the_last_page()
    {
        var lastPage = (Count + 6) / 7;
        var (_, last) = await _client.GetWithBodyAsync("/api/digitalocean-images/?page_size=7&page=last");
        var (_, numbered) = await _client.GetWithBodyAsync($"/api/digitalocean-images/?page_size=7&page={lastPage}");
        Assert.Equal(numbered, last);
        Assert.Equal(Count - ((lastPage - 1) * 7), JsonDocument.Parse(last).RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    [InlineData("page=abc")]
    [InlineData("page=1.0")]
    [InlineData("page=LAST")]
    [InlineData("page=99999999999999999999")]
    [InlineData("page=16")]
    public async Task U18_out_of_range_or_non_numeric_page_is_404_Invalid_page(string query)
    {
        var (response, body) = await _client.GetWithBodyAsync("/api/digitalocean-images/?" + query);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{\"detail\":\"Invalid page.\"}", body);
        Assert.Null(response.Header("Link"));
    }

    [Fact]
    public async Task U18_with_zero_rows_only_page_1_is_valid()
    {
        var (empty, body) = await _client.GetWithBodyAsync("/api/digitalocean-images/?name=no-such-image");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("[]", body);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/digitalocean-images/?name=no-such-image&page=last")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/digitalocean-images/?name=no-such-image&page=2")).StatusCode);
    }

    [Fact]
    public async Task U19_Link_header_matches_the_upstream_example_exactly()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var client = host.Client();
        var name = host.Dataset.Images.Where(i => i.IsOfficial && i.Distribution == "Ubuntu")
            .GroupBy(i => i.Name).OrderByDescending(g => g.Count()).First().Key;
        var rows = host.Dataset.Images.Count(i => i.Name.Contains(name, StringComparison.OrdinalIgnoreCase));
        var pages = (rows + 1) / 2;
        Assert.True(pages >= 2, "the chosen name should span several pages");
        var (response, _) = await client.SendWithBodyAsync(HttpMethod.Get,
            $"/api/digitalocean-images/?o=-type,distribution&page_size=2&name={Uri.EscapeDataString(name)}", h => h.Host = "h");
        var encoded = name.Replace(" ", "+", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal);
        var q = $"name={encoded}&o=-type%2Cdistribution";
        Assert.Equal(
            $"<http://h/api/digitalocean-images/?{q}&page_size=2>; rel=\"first\", "
            + $"<http://h/api/digitalocean-images/?{q}&page=2&page_size=2>; rel=\"next\", "
            + $"<http://h/api/digitalocean-images/?{q}&page={pages}&page_size=2>; rel=\"last\"",
            response.Header("Link"));
        Assert.Equal(rows.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Header("X-Result-Count"));
    }

    [Fact]
    public async Task U19_Link_header_example_over_25_rows()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:ImageCount=25");
        using var client = host.Client();
        var (response, _) = await client.SendWithBodyAsync(HttpMethod.Get,
            "/api/digitalocean-images/?o=-type,distribution&page_size=5&name=", h => h.Host = "h");
        Assert.Equal(
            "<http://h/api/digitalocean-images/?name=&o=-type%2Cdistribution&page_size=5>; rel=\"first\", "
            + "<http://h/api/digitalocean-images/?name=&o=-type%2Cdistribution&page=2&page_size=5>; rel=\"next\", "
            + "<http://h/api/digitalocean-images/?name=&o=-type%2Cdistribution&page=5&page_size=5>; rel=\"last\"",
            response.Header("Link"));
        Assert.Equal("25", response.Header("X-Result-Count"));
    }

    [Fact]
    public async Task U19_Link_header_drops_page_for_first_page()
    {
        var (response, _) = await _client.SendWithBodyAsync(HttpMethod.Get, "/api/digitalocean-images/?page=2&page_size=50", h => h.Host = "h");
        Assert.Equal(
            "<http://h/api/digitalocean-images/?page_size=50>; rel=\"first\", "
            + "<http://h/api/digitalocean-images/?page_size=50>; rel=\"prev\", "
            + "<http://h/api/digitalocean-images/?page=3&page_size=50>; rel=\"next\", "
            + "<http://h/api/digitalocean-images/?page=3&page_size=50>; rel=\"last\"",
            response.Header("Link"));
    }

    [Fact]
    public async Task U19_first_and_last_are_present_for_an_empty_list_and_a_single_page()
    {
        var (empty, _) = await _client.SendWithBodyAsync(HttpMethod.Get, "/api/digitalocean-regions/?name=nowhere", h => h.Host = "h");
        Assert.Equal("<http://h/api/digitalocean-regions/?name=nowhere>; rel=\"first\", <http://h/api/digitalocean-regions/?name=nowhere>; rel=\"last\"",
            empty.Header("Link"));
        Assert.Equal("0", empty.Header("X-Result-Count"));
        var (single, _) = await _client.SendWithBodyAsync(HttpMethod.Get, "/api/digitalocean-regions/?page_size=50", h => h.Host = "h");
        Assert.Equal("<http://h/api/digitalocean-regions/?page_size=50>; rel=\"first\", <http://h/api/digitalocean-regions/?page_size=50>; rel=\"last\"",
            single.Header("Link"));
        Assert.Equal(_host.Dataset.Regions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), single.Header("X-Result-Count"));
    }

    [Fact]
    public async Task U19_links_keep_unknown_and_repeated_parameters_sorted_and_re_encoded()
    {
        var (response, _) = await _client.SendWithBodyAsync(HttpMethod.Get,
            "/api/digitalocean-images/?zeta=1&page=last&alpha=a%20b&alpha=c,d&flag&page_size=100", h => h.Host = "h");
        Assert.Equal(
            "<http://h/api/digitalocean-images/?alpha=a+b&alpha=c%2Cd&flag=&page_size=100&zeta=1>; rel=\"first\", "
            + "<http://h/api/digitalocean-images/?alpha=a+b&alpha=c%2Cd&flag=&page_size=100&zeta=1>; rel=\"prev\", "
            + "<http://h/api/digitalocean-images/?alpha=a+b&alpha=c%2Cd&flag=&page=2&page_size=100&zeta=1>; rel=\"last\"",
            response.Header("Link"));
    }

    [Fact]
    public async Task U19_retrieve_carries_neither_header()
    {
        var response = await _client.GetAsync($"/api/digitalocean-images/{_host.Dataset.Images[0].Uuid}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Header("Link"));
        Assert.Null(response.Header("X-Result-Count"));
    }

    [Fact]
    public async Task U19a_HEAD_on_a_list_has_the_headers_and_no_body()
    {
        const string url = "/api/digitalocean-images/?distribution=Ubuntu&page_size=3&page=2";
        var get = await _client.GetAsync(url);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Header("X-Result-Count"), head.Header("X-Result-Count"));
        Assert.Equal(get.Header("Link"), head.Header("Link"));
        Assert.Equal(_host.Dataset.Images.Count(i => i.Distribution == "Ubuntu").ToString(System.Globalization.CultureInfo.InvariantCulture),
            head.Header("X-Result-Count"));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}
