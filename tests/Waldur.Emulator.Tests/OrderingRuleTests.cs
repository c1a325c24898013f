namespace Waldur.Emulator.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class OrderingRuleTests(EmulatorFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly EmulatorHost _host = fixture.Host;

    private async Task<List<JsonElement>> ListAsync(string query, string resource = "digitalocean-images")
    {
        var (response, body) = await _client.GetWithBodyAsync($"/api/{resource}/?page_size=300&{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(body).RootElement.EnumerateArray()];
    }

    private static string[] Keys(List<JsonElement> rows, params string[] fields) =>
        [.. rows.Select(r => string.Join("|", fields.Select(f => r.GetProperty(f).GetString())))];

    private static void AssertSorted(string[] values, bool descending)
    {
        for (var i = 1; i < values.Length; i++)
        {
            var c = string.CompareOrdinal(values[i - 1], values[i]);
            Assert.True(descending ? c >= 0 : c <= 0, $"rows {i - 1} and {i} out of order: '{values[i - 1]}' then '{values[i]}'");
        }
    }

    [Theory]
    [InlineData("distribution", false)]
    [InlineData("-distribution", true)]
    [InlineData("type", false)]
    [InlineData("-type", true)]
    public async Task U15_o_sorts_by_distribution_or_type_in_either_direction(string o, bool descending)
    {
        var rows = await ListAsync("o=" + o);
        Assert.Equal(_host.Dataset.Images.Count, rows.Count);
        AssertSorted(Keys(rows, o.TrimStart('-')), descending);
        Assert.NotEqual(Keys(rows, "name"), Keys(rows, "name").Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task U15_several_keys_in_one_parameter_sort_lexicographically()
    {
        var rows = await ListAsync("o=distribution,-type");
        var distributions = Keys(rows, "distribution");
        AssertSorted(distributions, descending: false);
        foreach (var group in rows.GroupBy(r => r.GetProperty("distribution").GetString()))
        {
            AssertSorted([.. group.Select(r => r.GetProperty("type").GetString()!)], descending: true);
        }
    }

    [Fact]
    public async Task U15_a_trailing_comma_is_ignored_and_a_repeated_o_keeps_the_last()
    {
        Assert.Equal(Keys(await ListAsync("o=-type"), "uuid"), Keys(await ListAsync("o=-type,"), "uuid"));
        Assert.Equal(Keys(await ListAsync("o=-type"), "uuid"), Keys(await ListAsync("o=distribution&o=-type"), "uuid"));
    }

    [Theory]
    [InlineData("name", "name")]
    [InlineData("uuid", "uuid")]
    [InlineData("created_at", "created_at")]
    [InlineData("-name", "-name")]
    [InlineData("Type", "Type")]
    [InlineData("distribution,name,uuid", "name")]
    [InlineData("type,%20distribution", " distribution")]
    [InlineData("min_disk_size", "min_disk_size")]
    public async Task U15_anything_else_is_400_naming_the_first_bad_value(string o, string named)
    {
        var (response, body) = await _client.GetWithBodyAsync("/api/digitalocean-images/?o=" + o);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"{{\"o\":[\"Select a valid choice. {named} is not one of the available choices.\"]}}", body);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task U16_default_order_is_name_ascending()
    {
        var names = Keys(await ListAsync(""), "name");
        Assert.Equal(_host.Dataset.Images.Select(i => i.Name).Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task U16_o_replaces_the_name_order_and_ties_exist()
    {
        var rows = await ListAsync("o=type");
        var ties = rows.GroupBy(r => r.GetProperty("type").GetString()).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(ties);
        Assert.Contains(ties, g => !Keys([.. g], "name").SequenceEqual(Keys([.. g], "name").Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task U16_regions_ignore_o_and_are_always_by_name()
    {
        var plain = Keys(await ListAsync("", "digitalocean-regions"), "name");
        Assert.Equal(_host.Dataset.Regions.Select(r => r.Name).Order(StringComparer.Ordinal), plain);
        Assert.Equal(plain, Keys(await ListAsync("o=-name", "digitalocean-regions"), "name"));
        Assert.Equal(plain, Keys(await ListAsync("o=bogus", "digitalocean-regions"), "name"));
    }

    [Fact]
    public void U16_dataset_has_ties_on_distribution_and_type()
    {
        Assert.Contains(_host.Dataset.Images.GroupBy(i => (i.Distribution, i.Type)), g => g.Count() > 3);
        Assert.Equal(["distribution", "type"], Waldur.Resources.DigitalOceanImages.Table(_host.Dataset).Orderings.Select(o => o.Name));
    }
}
