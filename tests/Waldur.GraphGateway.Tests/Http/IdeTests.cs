using System.Net;
using Xunit;

using static Waldur.GraphGateway.Tests.Http.GraphQLClient;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>Banana Cake Pop at <c>/graphql/</c> for browsers, with its config and JavaScript content types.</summary>
public sealed class IdeTests(TransportFixture fixture) : IClassFixture<TransportFixture>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Browsers_asking_graphql_are_redirected_to_the_ide_folder()
    {
        using var client = fixture.CreateClientWithoutRedirects();

        var reply = await GetAsync(client, "/graphql", BrowserAccept);

        Assert.Equal(HttpStatusCode.Redirect, reply.Status);
        Assert.Equal("/graphql/", reply.Headers["Location"]);
    }

    [Fact]
    public async Task The_ide_page_and_its_scripts_are_served_with_javascript_types()
    {
        var page = await GetAsync(_client, "/graphql/", BrowserAccept);
        var script = System.Text.RegularExpressions.Regex.Match(page.Body, "src=\"(static/js/main\\.[^\"]+\\.js)\"").Groups[1].Value;
        var js = await GetAsync(_client, "/graphql/" + script);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.Contains("<div id=\"root\">", page.Body, StringComparison.Ordinal);
        Assert.NotEmpty(script);
        Assert.Equal(HttpStatusCode.OK, js.Status);
        Assert.Equal("text/javascript", js.MediaType);
    }

    [Fact]
    public async Task Bcp_config_points_the_ide_at_this_endpoint_without_telemetry()
    {
        var reply = await GetAsync(_client, "/graphql/bcp-config.json");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(reply.Json.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.Equal("Waldur GraphGateway", reply.Json.GetProperty("title").GetString());
        Assert.True(reply.Json.GetProperty("disableTelemetry").GetBoolean());
        // In front of a real Waldur the IDE presets no credentials and no document: callers bring their own token.
        Assert.False(reply.Json.TryGetProperty("httpHeaders", out _));
        Assert.False(reply.Json.TryGetProperty("graphQLDocument", out _));
    }

    [Fact]
    public async Task The_ide_posts_to_the_folder_url_and_gets_graphql()
    {
        var reply = await PostAsync(_client, """{"query":"{ __typename }"}""", path: "/graphql/");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Query", reply.Json.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Paths_outside_the_package_are_not_served()
    {
        var reply = await GetAsync(_client, "/graphql/..%2F..%2Fappsettings.json");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task The_ide_can_be_turned_off()
    {
        using var factory = GatewayHost.WithoutEmulator(new Dictionary<string, string?> { ["GraphQL:EnableIde"] = "false" });
        using var client = factory.CreateClient();

        var page = await GetAsync(client, "/graphql/", "text/html");
        var config = await GetAsync(client, "/graphql/bcp-config.json");

        Assert.Equal(HttpStatusCode.NotAcceptable, page.Status);
        Assert.Equal(HttpStatusCode.NotFound, config.Status);
    }
}
