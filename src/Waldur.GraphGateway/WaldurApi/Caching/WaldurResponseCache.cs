using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Telemetry;

namespace Waldur.GraphGateway.WaldurApi.Caching;

/// <summary>
/// The Waldur response cache (off by default; GETs and HEAD counts): HybridCache, with an in-process L1 and Redis as
/// L2 when configured.
/// Concurrent misses for one key share one Waldur call (HybridCache's stampede protection). Only successful answers
/// are kept: a failure (401, 403, 5xx, unreachable) throws through the factory, and HybridCache stores no exception;
/// a 404 is passed back uncached.
/// </summary>
internal sealed class WaldurResponseCache(HybridCache cache, WaldurCacheKeys keys, CallerGenerations generations, IOptions<WaldurCacheOptions> options,
    TimeProvider time)
{
    /// <summary><c>Cache-Control: no-cache</c>: read from Waldur, then keep the fresh answer for later callers.</summary>
    private const HybridCacheEntryFlags Revalidate = HybridCacheEntryFlags.DisableLocalCacheRead | HybridCacheEntryFlags.DisableDistributedCacheRead;

    /// <summary>
    /// The answer to <paramref name="request"/> (method and absolute Waldur URL) as <paramref name="authorization"/> sees it: from the cache when
    /// this caller fetched it within the TTL of <paramref name="field"/>, else from <paramref name="fetch"/> (null: 404).
    /// </summary>
    public async Task<WaldurAnswer?> GetAsync(string? field, string request, string authorization, WaldurCallContext call,
        Func<CancellationToken, Task<WaldurAnswer?>> fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(fetch);
        if (!AppliesTo(field))
        {
            return await fetch(cancellationToken);
        }

        var ttl = options.Value.TtlFor(field);

        var fetched = false;
        var entry = new HybridCacheEntryOptions { Expiration = ttl, LocalCacheExpiration = ttl, Flags = call.BypassCache ? Revalidate : null };
        try
        {
            var generation = await generations.CurrentAsync(authorization, call, cancellationToken);
            var answer = await cache.GetOrCreateAsync(keys.For(authorization, $"{generation} {request}"), async token =>
            {
                fetched = true;
                return await fetch(token) ?? throw new NotCachedException();
            }, entry, cancellationToken: cancellationToken);
            GatewayTelemetry.ResponseCacheLookups.Add(1, new KeyValuePair<string, object?>("result", fetched ? "miss" : "hit"));
            if (fetched)
            {
                call.Miss();
            }
            else
            {
                call.Hit(time.GetUtcNow() - answer.FetchedAt);
            }

            return answer;
        }
        catch (NotCachedException)
        {
            call.Miss();
            return null;
        }
    }

    /// <summary>
    /// After a caller's write: no replica reads an answer cached for that caller before it (a new generation,
    /// <see cref="CallerGenerations"/>), so the caller's next read sees what it wrote. Other callers' answers stay until
    /// their TTL. Any of the caller's entries may show the written object (a project's name is in its resources'
    /// rows), so all go, not only the written path's.
    /// </summary>
    public async Task ForgetCallerAsync(string authorization, WaldurCallContext call, CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            await generations.NextAsync(authorization, call, cancellationToken);
        }
    }

    /// <summary>Whether answers for <paramref name="field"/> are cached at all (<c>Caching:Enabled</c> and a TTL above 0).</summary>
    public bool AppliesTo(string? field) => options.Value.Enabled && options.Value.TtlFor(field) > TimeSpan.Zero;

    /// <summary>Carries a 404 out of the factory: an exception is the one result HybridCache never stores.</summary>
    private sealed class NotCachedException : Exception;
}
