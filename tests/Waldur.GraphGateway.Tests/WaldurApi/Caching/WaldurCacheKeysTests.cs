using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.WaldurApi.Caching;
using Xunit;

namespace Waldur.GraphGateway.Tests.WaldurApi.Caching;

/// <summary>Cache keys (a keyed hash of caller and URL, never the token) and how TTLs are read from settings.</summary>
public sealed class WaldurCacheKeysTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef-test";
    private const string Token = "Token 5d41402abc4b2a76b9719d911017c592";
    private const string Url = "http://waldur.example/api/customers/?page=1&page_size=10";

    private static WaldurCacheKeys Keys(string? secret) =>
        new(Options.Create(new WaldurCacheOptions { KeySecret = secret }));

    [Fact]
    public void A_key_holds_neither_the_token_nor_any_encoding_of_it()
    {
        var key = Keys(Secret).For(Token, Url);
        var secretPart = Token["Token ".Length..];

        Assert.StartsWith(WaldurCacheKeys.Prefix, key, StringComparison.Ordinal);
        Assert.Equal(WaldurCacheKeys.Prefix.Length + 64, key.Length);
        foreach (var form in new[] { secretPart, Convert.ToHexString(Encoding.UTF8.GetBytes(secretPart)), Convert.ToBase64String(Encoding.UTF8.GetBytes(secretPart)) })
        {
            Assert.DoesNotContain(form, key, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("customers", key, StringComparison.Ordinal);
    }

    [Fact]
    public void Callers_and_urls_get_different_keys_and_the_same_pair_the_same_key()
    {
        var keys = Keys(Secret);

        Assert.Equal(keys.For(Token, Url), keys.For(Token, Url));
        Assert.NotEqual(keys.For(Token, Url), keys.For("Token another", Url));
        Assert.NotEqual(keys.For(Token, Url), keys.For(Token, Url + "&o=name"));
        // The header and the URL cannot trade bytes: moving a character from one to the other changes the key.
        Assert.NotEqual(keys.For("Token ab", "c/"), keys.For("Token a", "bc/"));
    }

    [Fact]
    public void Replicas_with_one_secret_share_keys_and_without_a_secret_they_do_not()
    {
        Assert.Equal(Keys(Secret).For(Token, Url), Keys(Secret).For(Token, Url));
        Assert.NotEqual(Keys(Secret).For(Token, Url), Keys(Secret + "x").For(Token, Url));
        Assert.NotEqual(Keys(null).For(Token, Url), Keys(null).For(Token, Url));
    }

    [Fact]
    public void Ttl_is_the_fields_own_else_the_default_and_zero_stays_zero()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Caching:DefaultTtl"] = "00:00:45",
            ["Caching:Ttl:customers"] = "00:02:00",
            ["Caching:Ttl:marketplaceOrders"] = "0",
        }).Build();
        var options = configuration.GetSection(WaldurCacheOptions.Section).Get<WaldurCacheOptions>()!;

        Assert.Equal(TimeSpan.FromMinutes(2), options.TtlFor("customers"));
        Assert.Equal(TimeSpan.FromMinutes(2), options.TtlFor("Customers"));
        Assert.Equal(TimeSpan.Zero, options.TtlFor("marketplaceOrders"));
        Assert.Equal(TimeSpan.FromSeconds(45), options.TtlFor("projects"));
        Assert.Equal(TimeSpan.FromSeconds(45), options.TtlFor(null));
        Assert.Equal(TimeSpan.FromSeconds(30), new WaldurCacheOptions().DefaultTtl);
    }
}
