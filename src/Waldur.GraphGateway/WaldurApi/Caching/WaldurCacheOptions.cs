using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.WaldurApi.Caching;

/// <summary>
/// Settings under <c>Caching:*</c>: the per-caller cache of Waldur's answers, off unless <see cref="Enabled"/>.
/// A TTL of zero means "never cache" (for that connection field, or by default).
/// </summary>
internal sealed class WaldurCacheOptions : IValidatableObject
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
    [MinLength(MinKeySecretLength, ErrorMessage = Section + ":" + nameof(KeySecret) + " must have at least {1} characters.")]
    public string? KeySecret { get; set; }

    /// <summary>Whether <c>Redis:Configuration</c> is set (told by the hosting, not bound): then replicas share entries.</summary>
    internal bool SharedThroughRedis { get; set; }

    /// <summary>The schema's root connection fields (told by the hosting, not bound), which <see cref="Ttl"/> may name;
    /// null when no schema is registered (tests of the cache alone).</summary>
    internal IReadOnlyCollection<string>? RootFields { get; set; }

    /// <summary>The TTL for the endpoint serving <paramref name="field"/> (null: an endpoint with no field, the default).</summary>
    public TimeSpan TtlFor(string? field) =>
        field is not null && Ttl.TryGetValue(field, out var ttl) ? ttl : DefaultTtl;

    /// <summary>The rules across fields, and against the other settings, that attributes cannot state.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultTtl < TimeSpan.Zero || Ttl.Values.Any(t => t < TimeSpan.Zero))
        {
            yield return new ValidationResult("Caching:DefaultTtl and Caching:Ttl:<field> must not be negative (0 means never cache).");
        }

        // A misspelt field name would silently get the default TTL.
        if (RootFields is not null && !Ttl.Keys.All(field => RootFields.Contains(field, StringComparer.OrdinalIgnoreCase)))
        {
            yield return new ValidationResult(
                "Caching:Ttl:<field> must name a root connection field of the schema (customers, digitalOceanImages, …).");
        }

        if (Enabled && SharedThroughRedis && string.IsNullOrEmpty(KeySecret))
        {
            yield return new ValidationResult(
                "Caching:KeySecret must be set when Caching:Enabled and Redis:Configuration are: replicas share cache entries " +
                "only when they derive the same keys, and a key derived from other settings would be no secret.");
        }
    }
}

[OptionsValidator]
internal sealed partial class WaldurCacheOptionsValidator : IValidateOptions<WaldurCacheOptions>;
