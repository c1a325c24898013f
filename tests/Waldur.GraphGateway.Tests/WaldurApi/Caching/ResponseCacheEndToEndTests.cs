using Waldur.GraphGateway.Errors;
using Xunit;

namespace Waldur.GraphGateway.Tests.WaldurApi.Caching;

/// <summary>One gateway with the response cache on, over the emulator: what reaches Waldur, counted in its journal.</summary>
public sealed class ResponseCacheEndToEndTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;

    // 401 and 403 are never retried, so each refused call is one journal entry.
    public async Task InitializeAsync() =>
        _gateway = await GatewayHost.StartAsync(gatewaySettings: new Dictionary<string, string?> { ["Caching:Enabled"] = "true" });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_count_asked_alone_is_one_HEAD_for_repeated_requests()
    {
        await _gateway.ClearJournalAsync();

        var first = await _gateway.QueryAsync("{ customers { totalCount } }");
        var second = await _gateway.QueryAsync("{ customers { totalCount } }");

        var journal = await _gateway.JournalAsync();
        Assert.Equal("HEAD", Assert.Single(journal).Method);
        Assert.Equal(first["data"]!.ToJsonString(), second["data"]!.ToJsonString());
        Assert.Equal(1, second["extensions"]!["waldurCache"]!["hits"]!.GetValue<int>());
    }

    [Fact]
    public async Task Refusals_are_not_kept_and_the_next_success_is()
    {
        const string query = "{ projects(first: 4) { nodes { uuid } } }";
        await _gateway.ClearJournalAsync();

        var unknownToken = await _gateway.QueryAsync(query, authorization: "Token not-a-token");
        var againUnknown = await _gateway.QueryAsync(query, authorization: "Token not-a-token");
        await _gateway.SetFaultsAsync(new { errorRate = 1.0, errorStatus = 403 });
        var forbidden = await _gateway.QueryAsync(query);
        await _gateway.ClearFaultsAsync();
        var answered = await _gateway.QueryAsync(query);
        var cached = await _gateway.QueryAsync(query);

        Assert.Equal(ErrorCodes.NotAuthenticated, unknownToken["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(ErrorCodes.NotAuthenticated, againUnknown["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(ErrorCodes.NotAuthorized, forbidden["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(answered["errors"]);
        Assert.Equal(answered["data"]!.ToJsonString(), cached["data"]!.ToJsonString());
        Assert.Equal(4, (await _gateway.JournalAsync()).Count);
    }
}
