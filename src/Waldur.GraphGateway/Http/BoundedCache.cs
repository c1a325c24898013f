using Microsoft.Extensions.Caching.Memory;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// A string-keyed cache holding at most <c>size</c> entries, each kept while used within <c>slidingExpiration</c>;
/// a size of 0 turns it off. The one bounding rule behind the document cache and the persisted-query store.
/// </summary>
internal sealed class BoundedCache<TValue>(int size, TimeSpan slidingExpiration) : IDisposable
    where TValue : class
{
    private readonly MemoryCache? _cache = size > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = size }) : null;

    public bool TryGet(string key, out TValue? value)
    {
        value = null;
        return _cache is not null && _cache.TryGetValue(key, out value) && value is not null;
    }

    public void Set(string key, TValue value) =>
        _cache?.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = slidingExpiration });

    public void Dispose() => _cache?.Dispose();
}
