using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Waldur.GraphGateway.Tests.Hosting;

/// <summary>With no Waldur:BaseUrl the gateway hosts the emulator itself, says so, and stops it when it stops.</summary>
public sealed class EmbeddedEmulatorTests
{
    [Fact]
    public async Task No_waldur_url_starts_the_emulator_on_loopback_and_stops_it_with_the_gateway()
    {
        var logs = new LogCollector();
        Uri emulatorUrl;
        using (var factory = GatewayHost.WithoutEmulator(
            new Dictionary<string, string?> { ["Waldur:BaseUrl"] = null },
            services => services.AddSingleton<ILoggerProvider>(logs)))
        {
            using var client = factory.CreateClient();
            emulatorUrl = new Uri(factory.Services.GetRequiredService<IConfiguration>()["Waldur:BaseUrl"]!);

            using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            using var direct = new HttpClient();
            using var health = await direct.GetAsync(new Uri(emulatorUrl, "__emulator/health"));

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("127.0.0.1", emulatorUrl.Host);
            Assert.Contains(logs.Messages, m => m.Contains(emulatorUrl.ToString(), StringComparison.Ordinal) && m.Contains(GatewayHost.Token, StringComparison.Ordinal));

            // A newcomer's first Run: the IDE's preset header and document answer with data and no error.
            using var config = JsonDocument.Parse(await client.GetStringAsync(new Uri("/graphql/bcp-config.json", UriKind.Relative)));
            var authorization = config.RootElement.GetProperty("httpHeaders").GetProperty("Authorization").GetString();
            var document = config.RootElement.GetProperty("graphQLDocument").GetString();
            Assert.Equal(GatewayHost.Token, authorization);
            using var run = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
            {
                Content = JsonContent.Create(new { query = document }),
            };
            run.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var answer = await client.SendAsync(run);
            using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.False(body.RootElement.TryGetProperty("errors", out var errors), errors.ToString());
            Assert.True(body.RootElement.GetProperty("data").EnumerateObject().All(f => f.Value.ValueKind == JsonValueKind.Object));
        }

        using var after = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync(new Uri(emulatorUrl, "__emulator/health")));
    }

    [Fact]
    public async Task Gateways_started_together_each_serve_against_the_emulator_on_the_port_it_bound()
    {
        // Each embedded emulator binds port 0 and the gateway takes the address Kestrel bound: gateways (or any other
        // process) starting at once cannot be handed one port, as a port probed free and bound later could be.
        var factories = Enumerable.Range(0, 3).Select(_ => GatewayHost.WithoutEmulator(new Dictionary<string, string?> { ["Waldur:BaseUrl"] = null })).ToList();
        try
        {
            var started = await Task.WhenAll(factories.Select(factory => Task.Run(async () =>
            {
                using var client = factory.CreateClient();
                using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
                return (Ready: ready.StatusCode, Url: new Uri(factory.Services.GetRequiredService<IConfiguration>()["Waldur:BaseUrl"]!));
            })));

            Assert.All(started, s => Assert.Equal(HttpStatusCode.OK, s.Ready));
            Assert.Equal(factories.Count, started.Select(s => s.Url.Port).Distinct().Count());
            using var direct = new HttpClient();
            foreach (var (_, url) in started)
            {
                Assert.Equal("127.0.0.1", url.Host);
                Assert.NotEqual(0, url.Port);
                using var health = await direct.GetAsync(new Uri(url, "__emulator/health"));
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }
        }
        finally
        {
            foreach (var factory in factories)
            {
                await factory.DisposeAsync();
            }
        }
    }

    [Fact]
    public void A_configured_waldur_url_is_used_as_is()
    {
        using var factory = GatewayHost.WithoutEmulator(new Dictionary<string, string?> { ["Waldur:BaseUrl"] = "http://waldur.internal:8000/" });
        using var client = factory.CreateClient();

        Assert.Equal("http://waldur.internal:8000/", factory.Services.GetRequiredService<IConfiguration>()["Waldur:BaseUrl"]);
    }

    private sealed class LogCollector : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue(formatter(state, exception));

        public void Dispose() { }
    }
}
