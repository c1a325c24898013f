using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Hosting;
using Waldur.GraphGateway.WaldurApi.Caching;
using Xunit;

namespace Waldur.GraphGateway.Tests.WaldurApi.Caching;

/// <summary>
/// The response cache as the gateway wires it (HybridCache, in-process L1), with the Waldur call replaced by a
/// counting function: what is cached, for whom, and how many calls concurrent misses make.
/// </summary>
public sealed class WaldurResponseCacheTests : IDisposable
{
    private const string Caller = "Token caller-one";
    private const string Url = "http://waldur.example/api/customers/?page=1&page_size=10";

    private readonly ServiceProvider _services;
    private readonly WaldurResponseCache _cache;
    private int _calls;

    public WaldurResponseCacheTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Caching:Enabled"] = "true",
            ["Caching:Ttl:marketplaceOrders"] = "0",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddSharedCaches(configuration).BuildServiceProvider();
        _cache = _services.GetRequiredService<WaldurResponseCache>();
    }

    public void Dispose() => _services.Dispose();

    private Func<CancellationToken, Task<WaldurAnswer?>> Waldur(TimeSpan delay = default, Exception? failure = null, bool notFound = false) =>
        async token =>
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(delay, token);
            return failure is not null ? throw failure : notFound ? null : new WaldurAnswer([1, 2, 3], 3, DateTimeOffset.UtcNow);
        };

    private Task<WaldurAnswer?> GetAsync(Func<CancellationToken, Task<WaldurAnswer?>> fetch, WaldurCallContext? call = null,
        string field = "customers", string caller = Caller) =>
        _cache.GetAsync(field, Url, caller, call ?? new WaldurCallContext(), fetch, CancellationToken.None);

    [Fact]
    public async Task A_second_read_by_the_same_caller_is_served_from_the_cache_and_reported_as_a_hit()
    {
        var call = new WaldurCallContext();
        var first = await GetAsync(Waldur(), call);
        var second = await GetAsync(Waldur(), call);

        Assert.Equal(1, _calls);
        Assert.Equal(first!.Body, second!.Body);
        Assert.Equal(3, second.ResultCount);
        var use = call.TakeUse();
        Assert.Equal((1, 1), (use.Hits, use.Misses));
        Assert.True(use.OldestAge >= TimeSpan.Zero);
        Assert.Equal((0, 0), (call.TakeUse().Hits, call.TakeUse().Misses));
    }

    [Fact]
    public async Task Another_caller_never_gets_the_first_callers_entry()
    {
        await GetAsync(Waldur());
        await GetAsync(Waldur(), caller: "Token caller-two");

        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task Concurrent_misses_for_one_key_make_one_Waldur_call()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => GetAsync(Waldur(TimeSpan.FromMilliseconds(200)))));

        Assert.Equal(1, _calls);
        Assert.All(answers, a => Assert.Equal(3, a!.ResultCount));
    }

    [Fact]
    public async Task Failures_and_not_found_are_never_kept()
    {
        var denied = new GatewayException(ErrorCodes.NotAuthorized, "403 from Waldur");
        await Assert.ThrowsAsync<GatewayException>(() => GetAsync(Waldur(failure: denied)));
        await Assert.ThrowsAsync<GatewayException>(() => GetAsync(Waldur(failure: denied)));
        Assert.Null(await GetAsync(Waldur(notFound: true)));
        Assert.Null(await GetAsync(Waldur(notFound: true)));
        Assert.NotNull(await GetAsync(Waldur()));

        Assert.Equal(5, _calls);
    }

    [Fact]
    public async Task No_cache_from_the_client_reads_Waldur_and_refreshes_the_entry_for_later_reads()
    {
        await GetAsync(Waldur());
        var bypass = new WaldurCallContext { BypassCache = true };
        await GetAsync(Waldur(), bypass);
        await GetAsync(Waldur());

        Assert.Equal(2, _calls);
        Assert.Equal(1, bypass.TakeUse().Misses);
    }

    [Fact]
    public async Task A_field_with_ttl_zero_is_never_cached()
    {
        var call = new WaldurCallContext();
        await GetAsync(Waldur(), call, field: "marketplaceOrders");
        await GetAsync(Waldur(), call, field: "marketplaceOrders");

        Assert.Equal(2, _calls);
        Assert.Equal((0, 0), (call.TakeUse().Hits, call.TakeUse().Misses));
    }
}
