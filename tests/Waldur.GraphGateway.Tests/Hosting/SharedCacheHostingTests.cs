using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waldur.Catalog.Generated;
using Waldur.GraphGateway.Hosting;
using Waldur.GraphGateway.Redis;
using Waldur.GraphGateway.WaldurApi.Caching;
using Xunit;

namespace Waldur.GraphGateway.Tests.Hosting;

/// <summary>
/// The cache and Redis settings are checked (at start, through ValidateOnStart): a bad one is refused with a message
/// naming it. Checked on the services as the gateway registers them, which is what start-up resolves.
/// </summary>
public sealed class SharedCacheHostingTests
{
    private const string ClosedRedis = "127.0.0.1:9";

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSharedCaches(configuration)
            .AddWaldurLoading(configuration, WaldurCatalog.Reviewed).BuildServiceProvider();
    }

    [Theory]
    [InlineData("Caching:Ttl:customerz", "00:01:00", "Caching:Ttl:<field>")]
    [InlineData("Caching:DefaultTtl", "-00:00:01", "Caching:DefaultTtl")]
    [InlineData("Caching:KeySecret", "too-short", "Caching:KeySecret")]
    public void A_bad_cache_setting_is_refused_naming_it(string key, string value, string named)
    {
        using var services = Services(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WaldurCacheOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Redis:PersistedQueryTtl", "00:00:00")]
    [InlineData("Redis:RetryAfter", "-00:00:01")]
    public void A_bad_Redis_setting_is_refused_naming_it(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RedisOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Caching_with_Redis_needs_a_shared_key_secret()
    {
        using var services = Services(new() { ["Caching:Enabled"] = "true", ["Redis:Configuration"] = ClosedRedis });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WaldurCacheOptions>>().Value);

        Assert.Contains("Caching:KeySecret must be set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_field_ttl_and_a_secret_start_the_gateway_even_with_Redis_unreachable()
    {
        using var factory = GatewayHost.WithoutEmulator(new Dictionary<string, string?>
        {
            ["Caching:Enabled"] = "true",
            ["Caching:Ttl:Customers"] = "00:01:00",
            ["Caching:KeySecret"] = new string('s', WaldurCacheOptions.MinKeySecretLength),
            ["Redis:Configuration"] = ClosedRedis,
        });

        using var client = factory.CreateClient();
        using var alive = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.True(alive.IsSuccessStatusCode);
    }
}
