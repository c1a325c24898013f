namespace Waldur.GraphGateway.WaldurApi.Caching;

/// <summary>
/// Settings under <c>Caching:*</c>: the per-caller cache of Waldur's answers, off unless <see cref="Enabled"/>.
/// A TTL of zero means "never cache" (for that connection field, or by default).
/// </summary>
public sealed class WaldurCacheOptions
{
    public const string Section = "Caching";

    /// <summary>The shortest secret accepted: 32 characters, 256 bits when random hex or base64.</summary>
    public const int MinKeySecretLength = 32;

    public bool Enabled { get; set; }

    public TimeSpan DefaultTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per GraphQL root connection field (<c>Caching:Ttl:customers</c>): the TTL of its list pages and objects.</summary>
    public Dictionary<string, TimeSpan> Ttl { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The HMAC key behind every cache key (see <see cref="WaldurCacheKeys"/>). Unset: a random key per process, so
    /// replicas cannot share entries; start-up is refused when Redis is configured without it.
    /// </summary>
    public string? KeySecret { get; set; }

    /// <summary>The TTL for the endpoint serving <paramref name="field"/> (null: an endpoint with no field, the default).</summary>
    public TimeSpan TtlFor(string? field) =>
        field is not null && Ttl.TryGetValue(field, out var ttl) ? ttl : DefaultTtl;
}
