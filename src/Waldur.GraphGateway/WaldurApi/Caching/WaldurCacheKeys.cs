using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.WaldurApi.Caching;

/// <summary>
/// One cache key per caller and Waldur URL: HMAC-SHA256 (keyed by <see cref="WaldurCacheOptions.KeySecret"/>) of the
/// forwarded <c>Authorization</c> and the request (method and exact Waldur URL). The token itself is never stored, in memory or in Redis,
/// and without the secret a key cannot be tested against guessed tokens. Equal keys mean the same caller asked for
/// the same URL, so one caller's entries can never answer another.
/// </summary>
internal sealed class WaldurCacheKeys
{
    /// <summary>Versioned, so entries written in another layout are never read as this one.</summary>
    public const string Prefix = "wgg:waldur:v1:";

    private readonly byte[] _secret;

    public WaldurCacheKeys(IOptions<WaldurCacheOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = options.Value.KeySecret;
        // A random key still isolates callers; it only keeps this process's entries to this process.
        _secret = string.IsNullOrEmpty(secret) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>Where a caller's cache generation is kept (HMAC of the <c>Authorization</c> alone; <see cref="CallerGenerations"/>).</summary>
    public string GenerationKey(string authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return Prefix + "generation:" + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(authorization)));
    }

    public string For(string authorization, string request)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(request);
        // Length-prefixed: no pair of (header, URL) runs into another pair's bytes.
        var message = Encoding.UTF8.GetBytes($"{authorization.Length}:{authorization}\n{request}");
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, message));
    }
}
