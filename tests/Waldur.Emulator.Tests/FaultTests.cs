using System.Diagnostics;
using System.Net.Http.Json;

namespace Waldur.Emulator.Tests;

public sealed class FaultTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync("--Emulator:ImageCount=40");
        _client = _host.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private async Task PutAsync(string json)
    {
        var response = await _client.PutAsync("/__emulator/faults", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Faults_GET_shows_defaults_PUT_replaces_DELETE_resets()
    {
        var (_, initial) = await _client.GetWithBodyAsync("/__emulator/faults");
        Assert.Equal("{\"latencyMs\":0,\"jitterMs\":0,\"errorRate\":0,\"errorStatus\":503,\"throttleRate\":0,\"retryAfterSeconds\":1,"
            + "\"resetRate\":0,\"malformedRate\":0,\"stallRate\":0,\"stallMs\":5000}", initial);
        await PutAsync("{\"errorRate\":0.25,\"errorStatus\":500}");
        var current = await _client.GetFromJsonAsync<JsonElement>("/__emulator/faults");
        Assert.Equal(0.25, current.GetProperty("errorRate").GetDouble());
        Assert.Equal(500, current.GetProperty("errorStatus").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync("/__emulator/faults")).StatusCode);
        var (_, reset) = await _client.GetWithBodyAsync("/__emulator/faults");
        Assert.Equal(initial, reset);
    }

    [Theory]
    [InlineData("{\"errorRate\":1.5}", "errorRate")]
    [InlineData("{\"throttleRate\":-0.1}", "throttleRate")]
    [InlineData("{\"errorStatus\":200}", "errorStatus")]
    [InlineData("{\"latencyMs\":-1}", "latencyMs")]
    [InlineData("{\"errorRat\":0.5}", "errorRat")]
    [InlineData("{\"errorRate\":\"high\"}", "errorRate")]
    [InlineData("not json", "Invalid")]
    public async Task Faults_PUT_rejects_bad_values_with_400(string json, string named)
    {
        var response = await _client.PutAsync("/__emulator/faults", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await _client.GetFromJsonAsync<JsonElement>("/__emulator/faults")).GetProperty("errorRate").GetDouble());
    }

    [Fact]
    public async Task Error_rate_1_answers_errorStatus_on_api_routes_only()
    {
        await PutAsync("{\"errorRate\":1}");
        var (response, body) = await _client.GetWithBodyAsync("/api/digitalocean-images/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("{\"detail\":\"Service Unavailable\"}", body);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/elsewhere/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/__emulator/requests")).StatusCode);
        var journal = await _client.GetFromJsonAsync<JsonElement>("/__emulator/requests");
        Assert.Equal(503, journal[0].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Throttle_rate_1_is_429_with_Retry_After()
    {
        await PutAsync("{\"throttleRate\":1,\"retryAfterSeconds\":7}");
        var response = await _client.GetAsync("/api/digitalocean-regions/");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("7", response.Header("Retry-After"));
    }

    [Fact]
    public async Task Reset_rate_1_aborts_the_connection_and_is_journaled_as_0()
    {
        await PutAsync("{\"resetRate\":1}");
        await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetAsync("/api/digitalocean-images/"));
        var journal = await _client.GetFromJsonAsync<JsonElement>("/__emulator/requests");
        Assert.Equal(0, journal[journal.GetArrayLength() - 1].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Malformed_rate_1_is_a_200_with_invalid_json()
    {
        await PutAsync("{\"malformedRate\":1}");
        var (response, body) = await _client.GetWithBodyAsync("/api/digitalocean-images/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("[{", body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Latency_delays_api_requests()
    {
        await PutAsync("{\"latencyMs\":300}");
        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/digitalocean-regions/")).StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 290, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Stall_rate_1_sends_half_the_body_then_the_rest()
    {
        // The clock starts only once this test has read the first byte, which a busy machine can delay well past the
        // first half's arrival: a stall long against that delay, and half of it asserted.
        await PutAsync("{\"stallRate\":1,\"stallMs\":3000}");
        using var response = await _client.GetAsync("/api/digitalocean-images/", HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1];
        Assert.Equal(1, await stream.ReadAsync(buffer));
        var watch = Stopwatch.StartNew();
        var rest = await new StreamReader(stream).ReadToEndAsync();
        Assert.True(watch.ElapsedMilliseconds >= 1500, $"rest arrived after {watch.ElapsedMilliseconds} ms");
        var (_, full) = await new Func<Task<(HttpResponseMessage, string)>>(async () =>
        {
            await _client.DeleteAsync("/__emulator/faults");
            return await _client.GetWithBodyAsync("/api/digitalocean-images/");
        })();
        Assert.Equal(full, (char)buffer[0] + rest);
    }

    [Fact]
    public async Task Faults_can_be_set_at_start()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Faults:ErrorRate=1", "--Emulator:Faults:ErrorStatus=502");
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.BadGateway, (await client.GetAsync("/api/digitalocean-images/")).StatusCode);
    }
}
