namespace Waldur.Emulator.Tests;

public sealed class JournalTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync("--Emulator:ImageCount=30");
        _client = _host.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<List<JsonElement>> JournalAsync()
    {
        var (response, body) = await _client.GetWithBodyAsync("/__emulator/requests");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(body).RootElement.EnumerateArray()];
    }

    [Fact]
    public async Task Journal_records_method_path_raw_query_and_status_in_arrival_order()
    {
        await _client.GetAsync("/api/digitalocean-images/?o=-type,distribution&name=a%20b&page_size=5");
        await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/digitalocean-regions/"));
        await _client.GetAsync("/api/digitalocean-images/?o=name");
        await _client.GetAsync("/api/digitalocean-images");
        await _client.GetAsync("/no/such/path/");
        await _client.PostAsync("/api/digitalocean-images/", null);

        var entries = await JournalAsync();
        Assert.Equal(
            [
                "GET /api/digitalocean-images/ o=-type,distribution&name=a%20b&page_size=5 200",
                "HEAD /api/digitalocean-regions/  200",
                "GET /api/digitalocean-images/ o=name 400",
                "GET /api/digitalocean-images  301",
                "GET /no/such/path/  404",
                "POST /api/digitalocean-images/  405",
            ],
            entries.Select(e => $"{e.GetProperty("method").GetString()} {e.GetProperty("path").GetString()} {e.GetProperty("query").GetString()} {e.GetProperty("status").GetInt32()}"));
        Assert.All(entries, e => Assert.Equal(["method", "path", "query", "status"], e.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Journal_does_not_record_its_own_calls_and_DELETE_clears_it()
    {
        await _client.GetAsync("/api/digitalocean-regions/");
        await _client.GetAsync("/__emulator/faults");
        Assert.Single(await JournalAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync("/__emulator/requests")).StatusCode);
        Assert.Empty(await JournalAsync());
    }

    [Fact]
    public async Task Journal_details_carry_the_declared_response_size()
    {
        var (_, page) = await _client.GetWithBodyAsync("/api/digitalocean-images/?page_size=7");
        var (_, detail) = await _client.GetWithBodyAsync("/api/digitalocean-images/?page_size=2&name=no-such-image");

        var (_, body) = await _client.GetWithBodyAsync("/__emulator/requests?details");
        var sizes = JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => e.GetProperty("responseBytes").GetInt64()).ToList();
        Assert.Equal([System.Text.Encoding.UTF8.GetByteCount(page), System.Text.Encoding.UTF8.GetByteCount(detail)], sizes);
        Assert.True(sizes[0] > sizes[1], $"a 7-row page ({sizes[0]} bytes) outweighs an empty one ({sizes[1]})");
    }

    [Fact]
    public async Task Journal_keeps_the_last_10000_under_concurrency()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var i = 0; i < 1300; i++)
            {
                await _client.GetAsync($"/api/x/?w={worker}&i={i}");
            }
        }));
        var entries = await JournalAsync();
        Assert.Equal(10_000, entries.Count);
        Assert.All(entries, e => Assert.Equal(404, e.GetProperty("status").GetInt32()));
        var last = entries.Select(e => e.GetProperty("query").GetString()).ToList();
        for (var worker = 0; worker < 8; worker++)
        {
            Assert.Contains($"w={worker}&i=1299", last);
            var indices = last.Where(q => q!.StartsWith($"w={worker}&", StringComparison.Ordinal))
                .Select(q => int.Parse(q!.Split("&i=")[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(indices.Order(), indices);
        }
    }
}
