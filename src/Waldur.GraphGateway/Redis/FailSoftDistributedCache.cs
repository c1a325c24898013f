using Microsoft.Extensions.Caching.Distributed;

namespace Waldur.GraphGateway.Redis;

/// <summary>
/// The response cache's L2: Redis through <c>Microsoft.Extensions.Caching.StackExchangeRedis</c>, with every failure
/// turned into a miss (reads) or a skipped write, so HybridCache carries on with its L1 and the factory (Waldur).
/// While the connection is down nothing is sent at all: a dead Redis adds no time to a request.
/// </summary>
internal sealed class FailSoftDistributedCache(IDistributedCache redis, RedisConnection connection) : IDistributedCache
{
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        connection.TryAsync(_ => redis.GetAsync(key, token), null);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        connection.TryAsync(_ => redis.SetAsync(key, value, options, token));

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        connection.TryAsync(_ => redis.RefreshAsync(key, token));

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        connection.TryAsync(_ => redis.RemoveAsync(key, token));
}
