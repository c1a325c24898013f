using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// Parsed documents keyed by their exact text, bounded by <see cref="GraphQLHttpOptions.DocumentCacheSize"/>, so a
/// client repeating a query skips parsing and measuring. Holds syntax only, never results or variables, so
/// sharing it between callers leaks nothing.
/// </summary>
public sealed class DocumentCache : IDisposable
{
    private readonly MemoryCache? _cache;

    public DocumentCache(IOptions<GraphQLHttpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int size = options.Value.DocumentCacheSize;
        _cache = size > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = size }) : null;
    }

    public ParsedDocument? Get(string query) =>
        _cache is not null && _cache.TryGetValue(query, out ParsedDocument? parsed) ? parsed : null;

    public void Set(string query, ParsedDocument parsed) =>
        _cache?.Set(query, parsed, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });

    public void Dispose() => _cache?.Dispose();
}
