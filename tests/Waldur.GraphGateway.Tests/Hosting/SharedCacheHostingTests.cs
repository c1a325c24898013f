using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Tests.Http;
using Waldur.GraphGateway.WaldurApi.Caching;
using Xunit;

namespace Waldur.GraphGateway.Tests.Hosting;

/// <summary>The cache and Redis settings are checked at start: a bad one stops start-up with a message naming it.</summary>
public sealed class SharedCacheHostingTests
{
    private const string ClosedRedis = "127.0.0.1:9";

    [Theory]
    [InlineData("Caching:Ttl:customerz", "00:01:00", "Caching:Ttl:<field>")]
    [InlineData("Caching:DefaultTtl", "-00:00:01", "Caching:DefaultTtl")]
    [InlineData("Caching:KeySecret", "too-short", "Caching:KeySecret")]
    [InlineData("Redis:PersistedQueryTtl", "00:00:00", "Redis:PersistedQueryTtl")]
    [InlineData("Redis:RetryAfter", "-00:00:01", "Redis:RetryAfter")]
    public void A_bad_setting_stops_start_up_naming_it(string key, string value, string named)
    {
        using var factory = new GatewayFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Caching_with_Redis_needs_a_shared_key_secret()
    {
        using var factory = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Caching:Enabled"] = "true",
            ["Redis:Configuration"] = ClosedRedis,
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Caching:KeySecret must be set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_field_ttl_and_a_secret_start_even_with_Redis_unreachable()
    {
        using var factory = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Caching:Enabled"] = "true",
            ["Caching:Ttl:Customers"] = "00:01:00",
            ["Caching:KeySecret"] = new string('s', WaldurCacheOptions.MinKeySecretLength),
            ["Redis:Configuration"] = ClosedRedis,
        });

        using var client = factory.CreateClient();
        using var ready = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.True(ready.IsSuccessStatusCode);
    }
}
