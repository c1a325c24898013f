using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;

namespace Waldur.GraphGateway.WaldurApi.Caching;

/// <summary>
/// Each caller's cache generation, part of every key of its cached answers: a caller's write starts a new generation,
/// so no replica reads the caller's older answers again (they expire unread). HybridCache's tag invalidation would not
/// do: it does not reach other replicas' in-process entries. With Redis the generation lives there (one read per
/// request that uses the cache, remembered in <see cref="WaldurCallContext"/>); without it, in this process. While
/// Redis is unreachable a replica sees only its own callers' writes (the fail-soft rule of the shared cache).
/// </summary>
internal sealed class CallerGenerations(WaldurCacheKeys keys, IServiceProvider services)
{
    /// <summary>Longer than any sensible TTL: a generation that lapses only matters to entries long expired.</summary>
    private static readonly DistributedCacheEntryOptions Lifetime = new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(7) };

    private readonly IDistributedCache? _shared = services.GetService<IDistributedCache>();
    private readonly ConcurrentDictionary<string, string> _local = new(StringComparer.Ordinal);

    public async ValueTask<string> CurrentAsync(string authorization, WaldurCallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Generation(authorization) is { } known)
        {
            return known;
        }

        var key = keys.GenerationKey(authorization);
        var shared = _shared is null ? null : await _shared.GetAsync(key, cancellationToken);
        var generation = shared is not null ? Encoding.UTF8.GetString(shared) : _local.GetValueOrDefault(key, "0");
        call.RememberGeneration(authorization, generation);
        return generation;
    }

    /// <summary>After the caller's write: a new generation here, in Redis, and for the rest of this request.</summary>
    public async Task NextAsync(string authorization, WaldurCallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var key = keys.GenerationKey(authorization);
        var generation = Guid.NewGuid().ToString("N");
        _local[key] = generation;
        call.RememberGeneration(authorization, generation);
        if (_shared is not null)
        {
            await _shared.SetAsync(key, Encoding.UTF8.GetBytes(generation), Lifetime, cancellationToken);
        }
    }
}
