using System.Net;
using Xunit;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>CORS lets the configured origins (the hosted IDE, dev servers) call the endpoint, and nobody else.</summary>
public sealed class CorsTests
{
    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type, authorization");
        return request;
    }

    [Fact]
    public async Task Default_origins_include_the_hosted_ide_and_exclude_others()
    {
        using var factory = GatewayHost.WithoutEmulator();
        using var client = factory.CreateClient();

        using var allowedRequest = Preflight("https://eat.bananacakepop.com");
        using var allowed = await client.SendAsync(allowedRequest);
        using var deniedRequest = Preflight("https://evil.example");
        using var denied = await client.SendAsync(deniedRequest);

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://eat.bananacakepop.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(denied.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Origins_are_configurable()
    {
        using var factory = GatewayHost.WithoutEmulator(new Dictionary<string, string?> { ["GraphQL:AllowedOrigins"] = "https://app.example.org" });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://app.example.org");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://app.example.org", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
