using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Waldur.GraphGateway.Schema;
using Xunit;

namespace Waldur.GraphGateway.ContractTests;

/// <summary>The gateway in-process (an in-memory server, like a deployment with <c>Waldur:BaseUrl</c> = the target) and its GraphQL client.</summary>
public sealed class Gateway : IAsyncDisposable
{
    private readonly WebApplicationFactory<WaldurSchema> _factory;

    public Gateway(Uri waldurRoot, IDictionary<string, string?>? settings = null)
    {
        _factory = new WebApplicationFactory<WaldurSchema>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Waldur:BaseUrl", waldurRoot.AbsoluteUri);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                web.UseSetting(key, value);
            }
        });
    }

    /// <summary>Runs <paramref name="query"/> as <paramref name="caller"/> and returns the response body.</summary>
    public async Task<JsonNode> QueryAsync(string query, Caller caller, object? variables = null)
    {
        using var client = _factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(2);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.TryAddWithoutValidation("Authorization", caller.Authorization);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(text) ?? new JsonObject();
        }
        catch (System.Text.Json.JsonException)
        {
            return new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = $"HTTP {(int)response.StatusCode}, not JSON: {text}" }) };
        }
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}

/// <summary>The target, direct REST to it, and the gateway over it (the reviewed catalog), shared by the whole suite.</summary>
public sealed class ContractFixture : IAsyncLifetime
{
    public ContractTarget Target { get; private set; } = null!;
    public WaldurRest Rest { get; private set; } = null!;
    public Gateway Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Target = await ContractTarget.StartAsync();
        Rest = new WaldurRest(Target.Root);
        // Rate limiting off: the suite is one caller asking one query at a time, not what the limiter is for.
        Gateway = new Gateway(Target.Root, new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        Rest.Dispose();
        await Target.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ContractCollection : ICollectionFixture<ContractFixture>
{
    public const string Name = "contract";
}
