using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Redis;
using Waldur.GraphGateway.WaldurApi.Caching;

namespace Waldur.GraphGateway.Hosting;

/// <summary>
/// Redis (optional, shared by replicas) and the Waldur response cache (issue 16). Without <c>Redis:Configuration</c>
/// nothing here talks to the network: persisted queries and cached answers stay in process.
/// </summary>
internal static class SharedCacheHosting
{
    /// <summary>Large enough for a 300-row page of the widest resource; a larger answer is simply not cached.</summary>
    private const int MaxCachedAnswerBytes = 16 * 1024 * 1024;

    public static IServiceCollection AddSharedCaches(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RedisOptions, RedisOptionsValidator>(configuration, RedisOptions.Section);
        // Whether Redis is configured is told to the cache settings, so their one validator can ask for a shared secret.
        services.AddValidatedOptions<WaldurCacheOptions, WaldurCacheOptionsValidator>(configuration, WaldurCacheOptions.Section)
            .PostConfigure<IOptions<RedisOptions>>((o, redis) => o.SharedThroughRedis = redis.Value.IsConfigured);

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<WaldurCallContext>();
        services.AddSingleton<WaldurCacheKeys>();
        services.AddSingleton<CallerGenerations>();
        services.AddSingleton<WaldurResponseCache>();
        services.AddHybridCache(o => o.MaximumPayloadBytes = MaxCachedAnswerBytes)
            .AddSerializer<WaldurAnswer, WaldurAnswerSerializer>();

        if (configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() is { IsConfigured: true })
        {
            services.AddSingleton<RedisConnection>();
            services.AddHostedService<RedisConnectionAtStart>();
            // HybridCache takes its L2 from IDistributedCache: Redis, behind the wrapper that turns failures into misses.
            services.AddSingleton<IDistributedCache>(sp =>
            {
                var connection = sp.GetRequiredService<RedisConnection>();
                var redis = new RedisCache(Options.Create(new RedisCacheOptions
                {
                    ConnectionMultiplexerFactory = () => Task.FromResult(connection.Multiplexer),
                }));
                return new FailSoftDistributedCache(redis, connection);
            });
        }

        return services;
    }

    /// <summary>Connects when the host starts: a Redis that is down costs start-up its connect timeout, not a request.</summary>
    private sealed class RedisConnectionAtStart(RedisConnection connection) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(connection.IsAvailable);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
