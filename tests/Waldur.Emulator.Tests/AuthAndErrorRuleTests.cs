namespace Waldur.Emulator.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class AuthAndErrorRuleTests(EmulatorFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly EmulatorHost _host = fixture.Host;

    [Theory]
    [InlineData("Token demo-token")]
    [InlineData("token demo-token")]
    [InlineData("TOKEN   demo-token")]
    [InlineData("Bearer demo-token")]
    [InlineData("bearer demo-token")]
    public async Task U20_Token_and_Bearer_are_accepted_with_any_keyword_case(string authorization)
    {
        using var client = _host.Client(authorization);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/digitalocean-images/")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic ZGVtbzpkZW1v")]
    [InlineData("demo-token")]
    public async Task U20_missing_credentials_are_401_with_WWW_Authenticate_Token(string? authorization)
    {
        using var client = _host.Client(authorization);
        foreach (var path in new[] { "/api/digitalocean-images/", "/api/digitalocean-regions/", $"/api/digitalocean-images/{_host.Dataset.Images[0].Uuid}/" })
        {
            var (response, body) = await client.GetWithBodyAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("{\"detail\":\"Authentication credentials were not provided.\"}", body);
            Assert.Equal("Token", response.Header("WWW-Authenticate"));
        }
    }

    [Theory]
    [InlineData("Token wrong-token", "Invalid token.")]
    [InlineData("Bearer w_1700000000_abcdef", "Invalid token.")]
    [InlineData("Token demo-token extra", "Invalid token. Token string should not contain spaces.")]
    [InlineData("Token", "Invalid token. No credentials provided.")]
    [InlineData("Token DEMO-TOKEN", "Invalid token.")]
    public async Task U20_bad_tokens_are_401_with_the_DRF_message(string authorization, string detail)
    {
        using var client = _host.Client(authorization);
        var (response, body) = await client.GetWithBodyAsync("/api/digitalocean-images/");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal($"{{\"detail\":\"{detail}\"}}", body);
        Assert.Equal("Token", response.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task U20_configured_tokens_replace_the_default()
    {
        await using var host = await EmulatorHost.StartAsync("--Emulator:Tokens=alpha,beta");
        using var alpha = host.Client("Token alpha");
        using var beta = host.Client("Bearer beta");
        using var demo = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await alpha.GetAsync("/api/digitalocean-regions/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await beta.GetAsync("/api/digitalocean-regions/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await demo.GetAsync("/api/digitalocean-regions/")).StatusCode);
    }

    [Fact]
    public async Task U21_errors_are_DRF_shapes_with_application_json()
    {
        var responses = new[]
        {
            await _client.GetAsync("/api/digitalocean-images/?o=uuid"),
            await _client.GetAsync("/api/digitalocean-images/?page=999"),
            await _client.GetAsync("/api/digitalocean-images/nope/"),
            await _host.Client(null).GetAsync("/api/digitalocean-images/"),
        };
        foreach (var response in responses)
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType!.ToString());
            var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            Assert.All(root.EnumerateObject(), p => Assert.True(
                p.Name == "detail" ? p.Value.ValueKind == JsonValueKind.String
                : p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(m => m.ValueKind == JsonValueKind.String)));
        }
    }

    [Fact]
    public async Task U21_null_characters_are_a_field_validation_error()
    {
        var (response, body) = await _client.GetWithBodyAsync("/api/digitalocean-images/?name=a%00b&o=bad");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"name\":[\"Null characters are not allowed.\"],\"o\":[\"Select a valid choice. bad is not one of the available choices.\"]}", body);
    }

    [Fact]
    public async Task U22_Waldur_itself_never_throttles()
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => _client.GetAsync("/api/digitalocean-images/?page_size=1")));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));
        Assert.All(statuses, s => Assert.Null(s.Header("Retry-After")));
    }

    [Theory]
    [InlineData("digitalocean-images", "00000000000000000000000000000000", "Image")]
    [InlineData("digitalocean-images", "not-a-uuid", "Image")]
    [InlineData("digitalocean-images", "12345", "Image")]
    [InlineData("digitalocean-regions", "ffffffffffffffffffffffffffffffff", "Region")]
    [InlineData("digitalocean-regions", "zzz", "Region")]
    public async Task U23_unknown_or_malformed_uuid_is_404_No_X_matches(string resource, string uuid, string model)
    {
        var (response, body) = await _client.GetWithBodyAsync($"/api/{resource}/{uuid}/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal($"{{\"detail\":\"No {model} matches the given query.\"}}", body);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/plain")]
    [InlineData("application/xml, text/csv")]
    public async Task U24_an_unsatisfiable_Accept_is_406(string accept)
    {
        var (response, body) = await _client.SendWithBodyAsync(HttpMethod.Get, "/api/digitalocean-images/", h => h.TryAddWithoutValidation("Accept", accept));
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("{\"detail\":\"Could not satisfy the request Accept header.\"}", body);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/xml, application/json;q=0.5")]
    [InlineData("*/*")]
    [InlineData("application/*")]
    public async Task U24_an_Accept_that_allows_json_is_served(string accept)
    {
        var (response, _) = await _client.SendWithBodyAsync(HttpMethod.Get, "/api/digitalocean-images/", h => h.TryAddWithoutValidation("Accept", accept));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task U24_format_xml_is_404_Not_found_and_format_json_is_fine()
    {
        var (response, body) = await _client.GetWithBodyAsync("/api/digitalocean-images/?format=xml");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{\"detail\":\"Not found.\"}", body);
        var (retrieve, retrieveBody) = await _client.GetWithBodyAsync($"/api/digitalocean-regions/{_host.Dataset.Regions[0].Uuid}/?format=xml");
        Assert.Equal(HttpStatusCode.NotFound, retrieve.StatusCode);
        Assert.Equal("{\"detail\":\"Not found.\"}", retrieveBody);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/digitalocean-images/?format=json")).StatusCode);
    }
}
