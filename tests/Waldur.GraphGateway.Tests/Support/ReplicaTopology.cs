using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Waldur.Emulator;
using Waldur.Emulator.Data;

namespace Waldur.GraphGateway.Tests.Support;

/// <summary>
/// The deployment of deploy/compose.yaml as processes on loopback: <c>redis-server</c>, the emulator (in process, on
/// Kestrel), two gateway processes (the built gateway, with the compose file's settings as environment variables) and
/// <c>haproxy</c> running deploy/haproxy.cfg. Everything between them is real HTTP or RESP over loopback.
/// </summary>
public sealed class ReplicaTopology : IAsyncDisposable
{
    public const string KeySecret = "replica-tests-shared-key-secret-0123456789";
    private const int SigCont = 18;
    private const int SigStop = 19;
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);

    private readonly WebApplication _emulator;
    private readonly HttpClient _emulatorClient;
    private readonly string _directory = Directory.CreateTempSubdirectory("wgg-replicas-").FullName;
    private readonly List<ServerProcess> _gateways = [];
    private ServerProcess? _redis;
    private ServerProcess? _haproxy;

    private ReplicaTopology(WebApplication emulator)
    {
        _emulator = emulator;
        _emulatorClient = new HttpClient { BaseAddress = new Uri(emulator.Urls.First()) };
        Dataset = emulator.Services.GetRequiredService<EmulatorDataset>();
    }

    public EmulatorDataset Dataset { get; }

    public int RedisPort { get; } = LoopbackPorts.Free();

    public Uri BalancerUrl { get; private set; } = null!;

    public IReadOnlyList<Uri> GatewayUrls => [.. _gateways.Select(g => g.Url)];

    /// <summary>Everything gateway <paramref name="index"/> wrote to its console so far.</summary>
    public IReadOnlyList<string> GatewayLog(int index) => [.. _gateways[index].Output];

    public static async Task<ReplicaTopology> StartAsync(string[]? emulatorArgs = null)
    {
        var emulator = EmulatorApp.Build(["--urls", "http://127.0.0.1:0", .. emulatorArgs ?? []]);
        await emulator.StartAsync();
        var topology = new ReplicaTopology(emulator);
        try
        {
            await topology.StartRedisAsync();
            await topology.StartGatewaysAsync();
            await topology.StartBalancerAsync();
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>redis-server</c> on <see cref="RedisPort"/>, nothing persisted: a restart starts empty.</summary>
    public async Task StartRedisAsync()
    {
        _redis = ServerProcess.Start(Tool("redis-server"), ["--port", RedisPort.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        await WaitUntilAsync(() => Task.FromResult(Accepts(RedisPort)), "redis-server listening");
    }

    /// <summary>Freezes (SIGSTOP) or thaws (SIGCONT) <c>redis-server</c>: connected, but answering nothing.</summary>
    public void PauseRedis(bool paused) => _redis!.Signal(paused ? SigStop : SigCont);

    public async Task StopRedisAsync()
    {
        await (_redis?.DisposeAsync() ?? ValueTask.CompletedTask);
        _redis = null;
    }

    /// <summary>POSTs a GraphQL body (JSON text) to <paramref name="target"/> (the balancer or one replica).</summary>
    public static async Task<Answer> PostAsync(Uri target, string body, string? authorization = GatewayHost.Token,
        params (string Name, string Value)[] headers)
    {
        // A new connection per request: the balancer then picks a replica for every request, as for separate browsers.
        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version11 };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, "graphql"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.ConnectionClose = true;
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var servedBy = response.Headers.TryGetValues("X-Served-By", out var values) ? values.Single() : null;
        return new Answer(response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!, servedBy);
    }

    public static Task<Answer> QueryAsync(Uri target, string query, object? variables = null, string? authorization = GatewayHost.Token,
        params (string Name, string Value)[] headers) =>
        PostAsync(target, JsonSerializer.Serialize(new { query, variables }), authorization, headers);

    public async Task<HttpStatusCode> GetStatusAsync(Uri target, string path)
    {
        using var response = await _emulatorClient.GetAsync(new Uri(target, path));
        return response.StatusCode;
    }

    /// <summary>Every key in Redis starting with <paramref name="prefix"/>, with its value as text (hashes: all fields).</summary>
    public async Task<Dictionary<string, string>> RedisEntriesAsync(string prefix)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{RedisPort}");
        var database = redis.GetDatabase();
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var key in redis.GetServer("127.0.0.1", RedisPort).KeysAsync(pattern: prefix + "*"))
        {
            entries[key!] = await database.KeyTypeAsync(key) == RedisType.Hash
                ? string.Join(' ', (await database.HashGetAllAsync(key)).Select(f => $"{f.Name}={f.Value}"))
                : (string?)await database.StringGetAsync(key) ?? "";
        }

        return entries;
    }

    public async Task SetRedisStringAsync(string key, string value)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{RedisPort}");
        await redis.GetDatabase().StringSetAsync(key, value);
    }

    /// <summary>Waits for <paramref name="count"/> keys under <paramref name="prefix"/> that <paramref name="before"/> lacks
    /// (new ones, not a total: earlier tests' entries expire meanwhile).</summary>
    public async Task WaitForNewRedisEntriesAsync(string prefix, IReadOnlyDictionary<string, string> before, int count) =>
        await WaitUntilAsync(async () => (await RedisEntriesAsync(prefix)).Keys.Count(k => !before.ContainsKey(k)) >= count,
            $"{count} new Redis entries under {prefix}");

    public async Task ClearJournalAsync() => (await _emulatorClient.DeleteAsync("/__emulator/requests")).EnsureSuccessStatusCode();

    public async Task<List<JournalEntry>> JournalAsync() =>
        await _emulatorClient.GetFromJsonAsync<List<JournalEntry>>("/__emulator/requests", new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { _haproxy, _redis }.Concat(_gateways))
        {
            await (process?.DisposeAsync() ?? ValueTask.CompletedTask);
        }

        _emulatorClient.Dispose();
        await _emulator.StopAsync();
        await _emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>
    /// Unlike the compose file, Redis commands get 2 s here, not the gateway's default 250 ms. Here two
    /// gateways, Redis, HAProxy and the parallel tests share two cores, and a command starved past 250 ms is an outage
    /// to the gateway (Redis skipped for <c>Redis:RetryAfter</c>) that would break the sharing these tests assert; a
    /// stopped or frozen Redis still fails every command, so the outage tests prove the same.
    /// </summary>
    private const string TestRedisTimeouts = "syncTimeout=2000,asyncTimeout=2000";

    /// <summary>The compose file's gateway settings, with its service names replaced by the loopback addresses.</summary>
    private Dictionary<string, string> GatewayEnvironment()
    {
        var environment = DeployFiles.GatewayEnvironment().ToDictionary(
            s => s.Key,
            s => s.Value.Replace("http://waldur:8080/", _emulator.Urls.First() + "/", StringComparison.Ordinal)
                .Replace("redis:6379", $"127.0.0.1:{RedisPort},{TestRedisTimeouts}", StringComparison.Ordinal));
        environment["Caching__KeySecret"] = KeySecret;
        environment["Waldur__Resilience__RetryBaseDelay"] = "00:00:00.020";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return environment;
    }

    private async Task StartGatewaysAsync()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var dll = Path.Combine(AppContext.BaseDirectory, "Waldur.GraphGateway.dll");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var port = LoopbackPorts.Free();
            _gateways.Add(ServerProcess.Start(host, [dll, "--urls", $"http://127.0.0.1:{port}"], GatewayEnvironment(), new Uri($"http://127.0.0.1:{port}/")));
        }

        foreach (var gateway in _gateways)
        {
            await WaitUntilAsync(async () => await IsUpAsync(gateway.Url), $"gateway at {gateway.Url}", gateway);
        }
    }

    private async Task StartBalancerAsync()
    {
        var port = LoopbackPorts.Free();
        var config = Path.Combine(_directory, "haproxy.cfg");
        await File.WriteAllTextAsync(config, DeployFiles.HaproxyOnLoopback(port, _gateways[0].Url.Port, _gateways[1].Url.Port));
        BalancerUrl = new Uri($"http://127.0.0.1:{port}/");
        _haproxy = ServerProcess.Start(Tool("haproxy"), ["-db", "-f", config]);
        await WaitUntilAsync(async () => await IsUpAsync(BalancerUrl), "haproxy at the balancer's address", _haproxy);
    }

    private async Task<bool> IsUpAsync(Uri root)
    {
        try
        {
            using var response = await _emulatorClient.GetAsync(new Uri(root, "healthz"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> ready, string what, ServerProcess? process = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await ready())
        {
            if (clock.Elapsed > WaitTimeout || process is { HasExited: true })
            {
                throw new InvalidOperationException($"No {what} within {WaitTimeout}: {string.Join('\n', process?.Output ?? [])}");
            }

            await Task.Delay(100);
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The full path of a Debian tool (haproxy lives in /usr/sbin, which a PATH may lack).</summary>
    private static string Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"The replica tests need '{name}' (Debian packages redis-server and haproxy; .ci/run installs them).");

    /// <summary>One GraphQL answer and which replica the balancer sent it to (null when sent to a replica directly).</summary>
    public sealed record Answer(HttpStatusCode Status, JsonNode Body, string? ServedBy)
    {
        public JsonArray? Errors => Body["errors"]?.AsArray();
    }

    /// <summary>A server process this test started (and alone ends), with its console output kept.</summary>
    private sealed class ServerProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private ServerProcess(Process process, Uri url)
        {
            _process = process;
            Url = url;
        }

        public Uri Url { get; }

        public ConcurrentQueue<string> Output { get; } = new();

        public bool HasExited => _process.HasExited;

        public void Signal(int signal)
        {
            if (Kill(_process.Id, signal) != 0)
            {
                throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed");
            }
        }

        public static ServerProcess Start(string file, IEnumerable<string> args, IDictionary<string, string>? environment = null, Uri? url = null)
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            {
                info.Environment[key] = value;
            }

            var server = new ServerProcess(new Process { StartInfo = info }, url ?? new Uri("http://127.0.0.1/"));
            server._process.OutputDataReceived += (_, e) => server.Keep(e.Data);
            server._process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
            server._process.Start();
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int Kill(int pid, int signal);

        private void Keep(string? line)
        {
            if (line is not null)
            {
                Output.Enqueue(line);
            }
        }
    }
}
