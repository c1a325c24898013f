using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waldur.Emulator;
using Waldur.Emulator.Data;
using Waldur.GraphGateway.Hosting;
using Waldur.GraphGateway.Schema;

namespace Waldur.GraphGateway.Tests.Support;

/// <summary>
/// The one way tests start the real gateway: in memory (or on Kestrel) with <see cref="GatewayHostOptions"/>, in front
/// of a real emulator over loopback HTTP (gateway → Waldur is always real HTTP) or of a closed port. Its entry point is
/// found through a gateway type: <c>Program</c> is ambiguous here, the emulator has one too. Journal and fault helpers
/// drive the emulator. (Gateway processes behind a balancer and Redis: <see cref="ReplicaTopology"/>.)
/// </summary>
public sealed class GatewayHost : WebApplicationFactory<WaldurSchema>
{
    /// <summary>The emulator's staff token, as a client sends it.</summary>
    public const string Token = "Token " + EmbeddedEmulatorHosting.DemoToken;

    /// <summary>Where the gateway looks for Waldur when a test starts no emulator: transport tests never start the embedded one.</summary>
    public const string ClosedWaldurUrl = "http://127.0.0.1:9/";

    private readonly GatewayHostOptions _options;
    private readonly HttpClient? _emulatorClient;
    private readonly EmulatorDataset? _dataset;
    private readonly Uri? _emulatorUri;
    private WebApplication? _emulator;
    private HttpClient? _client;

    private GatewayHost(GatewayHostOptions options, WebApplication? emulator)
    {
        _options = options;
        _emulator = emulator;
        if (emulator is not null)
        {
            _emulatorUri = new Uri(emulator.Urls.First());
            _emulatorClient = new HttpClient { BaseAddress = _emulatorUri };
            _dataset = emulator.Services.GetRequiredService<EmulatorDataset>();
        }

        if (options.KestrelPort is { } port)
        {
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            StartServer();
        }
    }

    public Uri EmulatorUri => _emulatorUri ?? throw new InvalidOperationException("no emulator");

    /// <summary>The data the first emulator started with (a restarted one has the same).</summary>
    public EmulatorDataset Dataset => _dataset ?? throw new InvalidOperationException("no emulator");

    public CapturedLogs Logs { get; } = new();

    /// <summary>A client of the gateway kept for the host's life, patient enough for the slowest fault a test provokes.</summary>
    public HttpClient Client => _client ??= CreateLongClient();

    /// <summary>Starts the emulator (unless <see cref="GatewayHostOptions.Emulator"/> is off) and the gateway.</summary>
    public static async Task<GatewayHost> StartAsync(GatewayHostOptions options)
    {
        if (!options.Emulator)
        {
            return new GatewayHost(options, null);
        }

        var port = options.RestartableEmulator ? LoopbackPorts.Free() : 0;
        var emulator = EmulatorApp.Build(["--urls", $"http://127.0.0.1:{port}", .. options.EmulatorArgs]);
        await emulator.StartAsync();
        return new GatewayHost(options, emulator);
    }

    /// <summary>The gateway and an emulator, retries 20 ms apart so a fault costs a test little time.</summary>
    public static Task<GatewayHost> StartAsync(string[]? emulatorArgs = null, IReadOnlyDictionary<string, string?>? gatewaySettings = null,
        Action<IServiceCollection>? configureServices = null, int? kestrelPort = null) =>
        StartAsync(new GatewayHostOptions
        {
            EmulatorArgs = emulatorArgs ?? [],
            Settings = Merge(new Dictionary<string, string?> { ["Waldur:Resilience:RetryBaseDelay"] = "00:00:00.020" }, gatewaySettings),
            Services = configureServices,
            KestrelPort = kestrelPort,
        });

    /// <summary>
    /// The gateway with <see cref="FaultTimeouts.Fast"/> under <paramref name="settings"/> and its logs captured, in front of
    /// a restartable emulator: for tests that provoke faults and read what the gateway logged.
    /// </summary>
    public static async Task<GatewayHost> StartWithFaultsAsync(IReadOnlyDictionary<string, string?>? settings = null, string[]? emulatorArgs = null,
        LogLevel logLevel = LogLevel.Trace)
    {
        var host = await StartAsync(new GatewayHostOptions
        {
            EmulatorArgs = emulatorArgs ?? [],
            RestartableEmulator = true,
            Settings = Merge(FaultTimeouts.Fast, settings),
            CapturedLogLevel = logLevel,
        });
        // The gateway starts now, while Waldur is up: a test that stops the emulator first sees a running gateway lose it.
        _ = host.Client;
        return host;
    }

    /// <summary>The gateway alone, Waldur at <see cref="ClosedWaldurUrl"/> unless <paramref name="settings"/> say otherwise.</summary>
    public static GatewayHost WithoutEmulator(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        string environment = "Production") =>
        new(new GatewayHostOptions { Emulator = false, Settings = settings ?? new Dictionary<string, string?>(), Services = services, Environment = environment }, null);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_options.Environment);
        var settings = Merge(new Dictionary<string, string?> { ["Waldur:BaseUrl"] = _emulatorUri?.AbsoluteUri ?? ClosedWaldurUrl }, _options.Settings);
        // Left out rather than set to null, which would shadow values the gateway itself adds to its configuration
        // (the embedded emulator's address).
        foreach (var (key, value) in settings.Where(s => s.Value is not null))
        {
            builder.UseSetting(key, value);
        }

        if (_options.Services is { } services)
        {
            builder.ConfigureTestServices(services);
        }

        if (_options.CapturedLogLevel is { } level)
        {
            builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(level));
        }
    }

    /// <summary>Runs a query as a caller with <paramref name="authorization"/> over the gateway's HTTP endpoint and returns the body.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null, string? authorization = Token,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var client = CreateClient();
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

    /// <summary>POSTs one GraphQL request as JSON with <paramref name="authorization"/>; the answer as a client sees it (status, timing).</summary>
    public Task<GatewayAnswer> PostQueryAsync(string query, object? variables = null, string? authorization = Token,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        return SendAsync(HttpMethod.Post, "/graphql", body, "application/json", authorization, headers);
    }

    public async Task<GatewayAnswer> SendAsync(HttpMethod method, string path, string? body, string? contentType,
        string? authorization = Token, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await SendAsync(request);
    }

    public async Task<GatewayAnswer> SendAsync(HttpRequestMessage request)
    {
        var clock = Stopwatch.StartNew();
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            json = null;
        }

        return new GatewayAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), text, json, clock.Elapsed);
    }

    /// <summary>GETs a gateway path (e.g. <c>/graphql?sdl</c>) and returns the body.</summary>
    public async Task<string> GetTextAsync(string path, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var client = CreateClient();
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        return await client.GetStringAsync(new Uri(path, UriKind.Relative));
    }

    public async Task<string> ReadyzAsync()
    {
        using var response = await Client.GetAsync("/readyz");
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    /// <summary>
    /// GETs a path straight from the emulator (not through the gateway) as <paramref name="authorization"/>: what Waldur
    /// itself answers, for oracles and byte counts. The emulator journals it like any other request.
    /// </summary>
    public async Task<(int Status, byte[] Body)> EmulatorGetAsync(string pathAndQuery, string authorization = Token)
    {
        using var response = await EmulatorSendAsync(pathAndQuery, authorization);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A list page straight from the emulator: status, <c>X-Result-Count</c> (null when Waldur sends none: an unpaged list) and body.</summary>
    public async Task<(int Status, int? Count, string Body)> EmulatorListAsync(string pathAndQuery, string authorization = Token)
    {
        using var response = await EmulatorSendAsync(pathAndQuery, authorization);
        int? count = response.Headers.TryGetValues("X-Result-Count", out var values) ? int.Parse(values.First(), CultureInfo.InvariantCulture) : null;
        return ((int)response.StatusCode, count, await response.Content.ReadAsStringAsync());
    }

    public async Task ClearJournalAsync() => (await EmulatorClient.DeleteAsync("/__emulator/requests")).EnsureSuccessStatusCode();

    /// <summary>The emulator's journal: each request with a write's body.</summary>
    public async Task<List<JournalEntry>> JournalAsync() =>
        await EmulatorClient.GetFromJsonAsync<List<JournalEntry>>("/__emulator/requests", new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];

    /// <summary>The emulator's journal with details: arrival times and header names.</summary>
    public async Task<List<UpstreamCall>> UpstreamCallsAsync() =>
        await EmulatorClient.GetFromJsonAsync<List<UpstreamCall>>("/__emulator/requests?details", new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];

    public async Task SetFaultsAsync(object faults) => (await EmulatorClient.PutAsJsonAsync("/__emulator/faults", faults)).EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync() => (await EmulatorClient.DeleteAsync("/__emulator/faults")).EnsureSuccessStatusCode();

    /// <summary>Waldur down: the emulator stops and its port refuses connections.</summary>
    public async Task StopEmulatorAsync()
    {
        if (_emulator is { } emulator)
        {
            _emulator = null;
            await emulator.StopAsync();
            await emulator.DisposeAsync();
        }
    }

    /// <summary>Waldur back: a fresh emulator (same data, empty journal) on the same port.</summary>
    public async Task RestartEmulatorAsync()
    {
        if (!_options.RestartableEmulator)
        {
            throw new InvalidOperationException("the emulator was not started restartable");
        }

        await StopEmulatorAsync();
        var emulator = EmulatorApp.Build(["--urls", EmulatorUri.GetLeftPart(UriPartial.Authority), .. _options.EmulatorArgs]);
        await emulator.StartAsync();
        _emulator = emulator;
    }

    public override async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _emulatorClient?.Dispose();
        await base.DisposeAsync();
        await StopEmulatorAsync();
    }

    private HttpClient EmulatorClient => _emulatorClient ?? throw new InvalidOperationException("no emulator");

    private static Dictionary<string, string?> Merge(IReadOnlyDictionary<string, string?> defaults, IReadOnlyDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>(defaults);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    private HttpClient CreateLongClient()
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        return client;
    }

    private async Task<HttpResponseMessage> EmulatorSendAsync(string pathAndQuery, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return await EmulatorClient.SendAsync(request);
    }
}
