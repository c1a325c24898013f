using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waldur.GraphGateway.Hosting;
using Waldur.GraphGateway.Redis;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.WaldurApi.Caching;
using Xunit;

namespace Waldur.GraphGateway.Tests.Redis;

/// <summary>
/// Redis configured but nobody listening (a closed loopback port): the gateway's parts work without it, send it
/// nothing while it is down, count every skipped use and warn once.
/// </summary>
public sealed class DeadRedisTests : IDisposable
{
    private static readonly Uri ClosedPort = new(GatewayHost.ClosedWaldurUrl);

    private readonly CapturedLogs _logs = new();
    private readonly ServiceProvider _services;

    public DeadRedisTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = $"{ClosedPort.Host}:{ClosedPort.Port}",
            ["Caching:Enabled"] = "true",
            ["Caching:KeySecret"] = new string('k', WaldurCacheOptions.MinKeySecretLength),
        }).Build();
        _services = new ServiceCollection().AddLogging(b => b.AddProvider(_logs)).AddSharedCaches(configuration).BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task Every_use_is_skipped_without_a_call_counted_and_warned_about_once()
    {
        long failures = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GatewayTelemetry.Name && instrument.Name == "waldur_gateway.redis.failures")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref failures, value));
        listener.Start();
        var redis = _services.GetRequiredService<RedisConnection>();
        var sent = 0;

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal("fallback", await redis.TryAsync(_ => Task.FromResult(Interlocked.Increment(ref sent).ToString()), "fallback"));
        }

        Assert.False(redis.IsAvailable);
        Assert.Equal(0, sent);
        Assert.True(Interlocked.Read(ref failures) >= 50, $"{failures} failures counted");
        Assert.Single(_logs.Lines, l => l is { Level: LogLevel.Warning } && l.Message.Contains("Redis is unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_response_cache_keeps_answering_from_memory()
    {
        var cache = _services.GetRequiredService<WaldurResponseCache>();
        var calls = 0;
        Task<WaldurAnswer?> Waldur(CancellationToken _)
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult<WaldurAnswer?>(new WaldurAnswer([42], 1, DateTimeOffset.UtcNow));
        }

        var first = await cache.GetAsync("customers", "api/customers/", "Token t", new WaldurCallContext(), Waldur, CancellationToken.None);
        var second = await cache.GetAsync("customers", "api/customers/", "Token t", new WaldurCallContext(), Waldur, CancellationToken.None);

        Assert.Equal(1, calls);
        Assert.Equal(first!.Body, second!.Body);
    }
}
