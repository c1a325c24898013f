using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Redis;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// Apollo automatic persisted queries: hash → document text, bounded by <see cref="GraphQLHttpOptions.PersistedQueryCacheSize"/>.
/// Shared by every caller on purpose: a document is not caller data (it holds no answers or credentials), and the
/// hash is verified before a text is stored, so no caller can plant a different text under someone else's hash.
/// With <c>Redis:Configuration</c> the texts also live in Redis (<c>wgg:apq:&lt;sha256&gt;</c>, kept
/// <see cref="RedisOptions.PersistedQueryTtl"/>), so a hash registered on one replica is known to every replica; the
/// in-process store stays in front of it, and answers alone while Redis is down.
/// </summary>
internal sealed class PersistedQueryStore : IDisposable
{
    public const string RedisKeyPrefix = "wgg:apq:";

    private readonly BoundedCache<string> _cache;
    private readonly RedisConnection? _redis;
    private readonly TimeSpan _redisTtl;

    public PersistedQueryStore(IOptions<GraphQLHttpOptions> options, RedisConnection? redis = null, IOptions<RedisOptions>? redisOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = new(options.Value.PersistedQueryCacheSize, TimeSpan.FromHours(12));
        _redis = redis;
        _redisTtl = redisOptions?.Value.PersistedQueryTtl ?? new RedisOptions().PersistedQueryTtl;
    }

    public bool TryGet(string hash, out string? query) => _cache.TryGet(Normalize(hash), out query);

    public void Add(string hash, string query) => _cache.Set(Normalize(hash), query);

    /// <summary>The text registered under <paramref name="hash"/> on this replica, else on any replica (Redis); null when unknown.</summary>
    public async Task<string?> FindAsync(string hash)
    {
        if (TryGet(hash, out var known) || _redis is null)
        {
            return known;
        }

        var shared = await _redis.TryAsync(async db => (string?)await db.StringGetAsync(RedisKey(hash)), null);
        // Redis is a store the gateway does not own alone: a text is only trusted when it still matches its hash.
        if (shared is null || !Matches(hash, shared))
        {
            return null;
        }

        Add(hash, shared);
        return shared;
    }

    /// <summary>Registers a verified text here and, with Redis, for every replica.</summary>
    public Task AddAsync(string hash, string query)
    {
        Add(hash, query);
        return _redis is null ? Task.CompletedTask : _redis.TryAsync(db => db.StringSetAsync(RedisKey(hash), query, _redisTtl));
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text, as Apollo clients compute it.</summary>
    public static string Hash(string query) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public static bool Matches(string hash, string query) =>
        string.Equals(Normalize(hash), Hash(query), StringComparison.Ordinal);

    private static string RedisKey(string hash) => RedisKeyPrefix + Normalize(hash);

    private static string Normalize(string hash) => hash.Trim().ToLowerInvariant();

    public void Dispose() => _cache.Dispose();
}
