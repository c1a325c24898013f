using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waldur.Emulator;
using Waldur.Emulator.Data;
using Waldur.GraphGateway.Schema;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>
/// The real gateway (in memory, Production environment, logs captured) in front of a real emulator on a loopback port,
/// with short timeouts so a fault shows within a test. The emulator can be stopped (its port then refuses
/// connections: Waldur down) and started again on the same port (recovery).
/// </summary>
public sealed class ReliabilityHost : IAsyncDisposable
{
    public const string DefaultToken = "Token demo-token";

    /// <summary>Settings that make faults visible quickly: 800 ms per attempt, 2 retries, 2 s per Waldur call, 5 s per operation.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ShortTimeouts = new Dictionary<string, string?>
    {
        ["Waldur:Resilience:AttemptTimeout"] = "00:00:00.800",
        ["Waldur:Resilience:TotalTimeout"] = "00:00:02",
        ["Waldur:Resilience:MaxRetryAttempts"] = "2",
        ["Waldur:Resilience:RetryBaseDelay"] = "00:00:00.020",
        // Off unless a test is about the breaker: a breaker opened by one fault would change what the next one shows.
        ["Waldur:Resilience:BreakerMinimumThroughput"] = "100000",
        ["Waldur:Resilience:BreakerSamplingDuration"] = "00:00:02",
        ["GraphQL:ExecutionTimeout"] = "00:00:05",
    };

    /// <summary>The gateway's defaults for attempt and total timeouts (10 s, 30 s), for tests about input rather than faults.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ProductionTimeouts = new Dictionary<string, string?>
    {
        ["Waldur:Resilience:AttemptTimeout"] = "00:00:10",
        ["Waldur:Resilience:TotalTimeout"] = "00:00:30",
        ["Waldur:Resilience:BreakerSamplingDuration"] = "00:00:30",
        ["GraphQL:ExecutionTimeout"] = "00:00:30",
    };

    private readonly string[] _emulatorArgs;
    private readonly WebApplicationFactory<WaldurSchema> _gateway;
    private readonly HttpClient _emulatorClient;
    private WebApplication? _emulator;

    private ReliabilityHost(WebApplication emulator, string[] emulatorArgs, Uri emulatorUri, WebApplicationFactory<WaldurSchema> gateway, CapturedLogs logs)
    {
        _emulator = emulator;
        _emulatorArgs = emulatorArgs;
        EmulatorUri = emulatorUri;
        _gateway = gateway;
        Logs = logs;
        Client = gateway.CreateClient();
        Client.Timeout = TimeSpan.FromSeconds(60);
        _emulatorClient = new HttpClient { BaseAddress = emulatorUri };
        Dataset = emulator.Services.GetRequiredService<EmulatorDataset>();
    }

    public Uri EmulatorUri { get; }

    public CapturedLogs Logs { get; }

    public HttpClient Client { get; }

    public EmulatorDataset Dataset { get; }

    public IServiceProvider GatewayServices => _gateway.Services;

    public static async Task<ReliabilityHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, string[]? emulatorArgs = null, LogLevel logLevel = LogLevel.Trace)
    {
        emulatorArgs ??= [];
        // Not port 0: a stopped emulator's port must stay closed, and free for its restart, while tests in parallel
        // bind port 0 (see LoopbackPorts).
        var emulator = EmulatorApp.Build(["--urls", $"http://127.0.0.1:{LoopbackPorts.Free()}", .. emulatorArgs]);
        await emulator.StartAsync();
        var emulatorUri = new Uri(emulator.Urls.First());
        var logs = new CapturedLogs();
        var gateway = new WebApplicationFactory<WaldurSchema>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Waldur:BaseUrl", emulatorUri.AbsoluteUri);
            foreach (var (key, value) in ShortTimeouts.Concat(settings ?? new Dictionary<string, string?>()))
            {
                web.UseSetting(key, value);
            }

            web.ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(logLevel));
        });
        return new ReliabilityHost(emulator, emulatorArgs, emulatorUri, gateway, logs);
    }

    /// <summary>POSTs one GraphQL request as JSON with <paramref name="authorization"/>.</summary>
    public Task<GatewayAnswer> QueryAsync(string query, object? variables = null, string? authorization = DefaultToken,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        return SendAsync(HttpMethod.Post, "/graphql", body, "application/json", authorization, headers);
    }

    public async Task<GatewayAnswer> SendAsync(HttpMethod method, string path, string? body, string? contentType,
        string? authorization = DefaultToken, IReadOnlyDictionary<string, string>? headers = null)
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

    public async Task<string> ReadyzAsync()
    {
        using var response = await Client.GetAsync("/readyz");
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    public async Task ClearJournalAsync() => (await _emulatorClient.DeleteAsync("/__emulator/requests")).EnsureSuccessStatusCode();

    public async Task<List<UpstreamCall>> JournalAsync() =>
        await _emulatorClient.GetFromJsonAsync<List<UpstreamCall>>("/__emulator/requests?details", new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];

    public async Task SetFaultsAsync(object faults) => (await _emulatorClient.PutAsJsonAsync("/__emulator/faults", faults)).EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync() => (await _emulatorClient.DeleteAsync("/__emulator/faults")).EnsureSuccessStatusCode();

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
        await StopEmulatorAsync();
        var emulator = EmulatorApp.Build(["--urls", EmulatorUri.GetLeftPart(UriPartial.Authority), .. _emulatorArgs]);
        await emulator.StartAsync();
        _emulator = emulator;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _emulatorClient.Dispose();
        await _gateway.DisposeAsync();
        await StopEmulatorAsync();
    }
}
