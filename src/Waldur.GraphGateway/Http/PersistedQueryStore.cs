using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// Apollo automatic persisted queries: hash → document text, bounded by <see cref="GraphQLHttpOptions.PersistedQueryCacheSize"/>.
/// Shared by every caller on purpose: a document is not caller data (it holds no answers or credentials), and the
/// hash is verified before a text is stored, so no caller can plant a different text under someone else's hash.
/// </summary>
public sealed class PersistedQueryStore : IDisposable
{
    private readonly BoundedCache<string> _cache;

    public PersistedQueryStore(IOptions<GraphQLHttpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = new(options.Value.PersistedQueryCacheSize, TimeSpan.FromHours(12));
    }

    public bool TryGet(string hash, out string? query) => _cache.TryGet(Normalize(hash), out query);

    public void Add(string hash, string query) => _cache.Set(Normalize(hash), query);

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text, as Apollo clients compute it.</summary>
    public static string Hash(string query) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public static bool Matches(string hash, string query) =>
        string.Equals(Normalize(hash), Hash(query), StringComparison.Ordinal);

    private static string Normalize(string hash) => hash.Trim().ToLowerInvariant();

    public void Dispose() => _cache.Dispose();
}
