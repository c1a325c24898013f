using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Waldur.Emulator;
using Waldur.Emulator.Data;
using Waldur.GraphGateway.Schema;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>
/// The gateway wired to a real emulator over loopback HTTP (gateway → Waldur is always real HTTP); queries go through
/// the gateway's GraphQL-over-HTTP endpoint. (Any gateway type names the entry assembly for the factory:
/// <c>Program</c> is ambiguous here, the emulator has one too.) Journal and fault helpers drive the emulator.
/// </summary>
public sealed class GatewayUnderTest : IAsyncDisposable
{
    public const string Token = "Token demo-token";

    private readonly WebApplication _emulator;
    private readonly WebApplicationFactory<WaldurSchema> _gateway;
    private readonly HttpClient _emulatorClient;

    private GatewayUnderTest(WebApplication emulator, WebApplicationFactory<WaldurSchema> gateway, Uri emulatorUri)
    {
        _emulator = emulator;
        _gateway = gateway;
        _emulatorClient = new HttpClient { BaseAddress = emulatorUri };
        Dataset = emulator.Services.GetRequiredService<EmulatorDataset>();
    }

    public EmulatorDataset Dataset { get; }

    /// <summary>
    /// Starts the emulator and the gateway; with <paramref name="kestrelPort"/> the gateway listens on that loopback port
    /// (real Kestrel, for clients outside the process such as a Prometheus scraper) instead of an in-memory server.
    /// </summary>
    public static async Task<GatewayUnderTest> StartAsync(string[]? emulatorArgs = null, IDictionary<string, string?>? gatewaySettings = null,
        Action<IServiceCollection>? configureServices = null, int? kestrelPort = null)
    {
        var emulator = EmulatorApp.Build(["--urls", "http://127.0.0.1:0", .. emulatorArgs ?? []]);
        await emulator.StartAsync();
        var emulatorUri = new Uri(emulator.Urls.First());
        var gateway = new WebApplicationFactory<WaldurSchema>().WithWebHostBuilder(web =>
        {
            // Production: responses as operators' users see them (no exception details in errors).
            web.UseEnvironment("Production");
            web.UseSetting("Waldur:BaseUrl", emulatorUri.AbsoluteUri);
            web.UseSetting("Waldur:Resilience:RetryBaseDelay", "00:00:00.020");
            foreach (var (key, value) in gatewaySettings ?? new Dictionary<string, string?>())
            {
                web.UseSetting(key, value);
            }

            if (configureServices is not null)
            {
                web.ConfigureTestServices(configureServices);
            }
        });
        if (kestrelPort is { } port)
        {
            gateway.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
            gateway.StartServer();
        }

        return new GatewayUnderTest(emulator, gateway, emulatorUri);
    }

    /// <summary>Runs a query as a caller with <paramref name="authorization"/> over the gateway's HTTP endpoint and returns the body.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null, string? authorization = Token,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var client = _gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>GETs a gateway path (e.g. <c>/graphql?sdl</c>) and returns the body.</summary>
    public async Task<string> GetTextAsync(string path, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var client = _gateway.CreateClient();
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        return await client.GetStringAsync(new Uri(path, UriKind.Relative));
    }

    /// <summary>
    /// GETs a path straight from the emulator (not through the gateway) as <paramref name="authorization"/>: what Waldur
    /// itself answers, for oracles and byte counts. The emulator journals it like any other request.
    /// </summary>
    public async Task<(int Status, byte[] Body)> EmulatorGetAsync(string pathAndQuery, string authorization = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await _emulatorClient.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A list page straight from the emulator: status, <c>X-Result-Count</c> (null when Waldur sends none: an unpaged list) and body.</summary>
    public async Task<(int Status, int? Count, string Body)> EmulatorListAsync(string pathAndQuery, string authorization = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await _emulatorClient.SendAsync(request);
        int? count = response.Headers.TryGetValues("X-Result-Count", out var values) ? int.Parse(values.First(), System.Globalization.CultureInfo.InvariantCulture) : null;
        return ((int)response.StatusCode, count, await response.Content.ReadAsStringAsync());
    }

    public async Task ClearJournalAsync() => (await _emulatorClient.DeleteAsync("/__emulator/requests")).EnsureSuccessStatusCode();

    public async Task<List<JournalEntry>> JournalAsync() =>
        await _emulatorClient.GetFromJsonAsync<List<JournalEntry>>("/__emulator/requests", new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];

    public async Task SetFaultsAsync(object faults) => (await _emulatorClient.PutAsJsonAsync("/__emulator/faults", faults)).EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync() => (await _emulatorClient.DeleteAsync("/__emulator/faults")).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        _emulatorClient.Dispose();
        await _gateway.DisposeAsync();
        await _emulator.StopAsync();
        await _emulator.DisposeAsync();
    }
}
