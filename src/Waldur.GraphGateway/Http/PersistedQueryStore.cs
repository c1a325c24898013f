using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// Apollo automatic persisted queries: hash → document text, bounded by <see cref="GraphQLHttpOptions.PersistedQueryCacheSize"/>.
/// Shared by every caller on purpose: a document is not caller data (it holds no answers or credentials), and the
/// hash is verified before a text is stored, so no caller can plant a different text under someone else's hash.
/// </summary>
public sealed class PersistedQueryStore : IDisposable
{
    private readonly MemoryCache? _cache;

    public PersistedQueryStore(IOptions<GraphQLHttpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int size = options.Value.PersistedQueryCacheSize;
        _cache = size > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = size }) : null;
    }

    public bool TryGet(string hash, out string? query)
    {
        query = null;
        return _cache is not null && _cache.TryGetValue(Normalize(hash), out query) && query is not null;
    }

    public void Add(string hash, string query) =>
        _cache?.Set(Normalize(hash), query, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(12) });

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text, as Apollo clients compute it.</summary>
    public static string Hash(string query) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public static bool Matches(string hash, string query) =>
        string.Equals(Normalize(hash), Hash(query), StringComparison.Ordinal);

    private static string Normalize(string hash) => hash.Trim().ToLowerInvariant();

    public void Dispose() => _cache?.Dispose();
}
