using System.Net;
using System.Text.Json.Nodes;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Http;
using Waldur.GraphGateway.Tests.Reliability;
using Waldur.GraphGateway.WaldurApi.Caching;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.Replicas;

/// <summary>One topology (deploy/compose.yaml as loopback processes) for the replica tests, which run one at a time.</summary>
public sealed class ReplicaFixture : IAsyncLifetime
{
    public ReplicaTopology Topology { get; private set; } = null!;

    public async Task InitializeAsync() => Topology = await ReplicaTopology.StartAsync(CoreIsolation.EmulatorArgs);

    public async Task DisposeAsync() => await Topology.DisposeAsync();
}

/// <summary>
/// Two gateway replicas behind HAProxy sharing Redis, with the response cache on (as deploy/compose.yaml sets it):
/// persisted queries and cached Waldur answers cross replicas, never callers, and Redis going away loses no request.
/// </summary>
public sealed class ReplicaTests(ReplicaFixture fixture, ITestOutputHelper output) : IClassFixture<ReplicaFixture>
{
    private const string Owner = "Token tok-owner";

    private readonly ReplicaTopology _topology = fixture.Topology;

    private static string Apq(string hash, string? query = null) =>
        $"{{{(query is null ? "" : $"\"query\":\"{query}\",")}\"extensions\":{{\"persistedQuery\":{{\"version\":1,\"sha256Hash\":\"{hash}\"}}}}}}";

    [Fact]
    public async Task A_query_registered_through_one_replica_is_answered_by_the_other_by_hash()
    {
        // Unique per run: neither replica can know it before it is registered.
        var query = $"query Q{Guid.NewGuid():N} {{ customers(first: 1) {{ totalCount }} }}";
        var hash = PersistedQueryStore.Hash(query);
        await SettledRedisOutagesAsync();

        var register = await ReplicaTopology.PostAsync(_topology.BalancerUrl, Apq(hash, query));
        var byHash = await ReplicaTopology.PostAsync(_topology.BalancerUrl, Apq(hash));

        Assert.Equal(HttpStatusCode.OK, register.Status);
        Assert.Null(register.Errors);
        Assert.NotNull(register.ServedBy);
        Assert.NotNull(byHash.ServedBy);
        Assert.NotEqual(register.ServedBy, byHash.ServedBy);
        Assert.Null(byHash.Errors);
        Assert.Equal(register.Body["data"]!.ToJsonString(), byHash.Body["data"]!.ToJsonString());
    }

    [Fact]
    public async Task A_text_planted_in_Redis_under_another_documents_hash_is_not_run()
    {
        var query = $"query P{Guid.NewGuid():N} {{ __typename }}";
        var hash = PersistedQueryStore.Hash(query);
        await _topology.SetRedisStringAsync(PersistedQueryStore.RedisKeyPrefix + hash, "{ customers(first: 1) { nodes { uuid } } }");

        var byHash = await ReplicaTopology.PostAsync(_topology.BalancerUrl, Apq(hash));

        Assert.Equal(ErrorCodes.PersistedQueryNotFound, byHash.Errors?[0]?["extensions"]?["code"]?.GetValue<string>());
    }

    [Fact]
    public async Task One_caller_costs_one_Waldur_request_across_both_replicas_and_a_second_caller_another()
    {
        const string query = "{ projects(first: 7) { totalCount nodes { uuid name } } }";
        await SettledRedisOutagesAsync();
        await _topology.ClearJournalAsync();

        var cached = await _topology.RedisEntriesAsync(WaldurCacheKeys.Prefix);
        var first = await ReplicaTopology.QueryAsync(_topology.BalancerUrl, query);
        var afterFirst = (await _topology.JournalAsync()).Count;
        // HybridCache writes Redis just after answering: a request on the other replica within those milliseconds
        // would still go to Waldur. Waiting for the entry makes the test about sharing, not about that race.
        await _topology.WaitForNewRedisEntriesAsync(WaldurCacheKeys.Prefix, cached, 1);
        var second = await ReplicaTopology.QueryAsync(_topology.BalancerUrl, query);
        var afterSecond = (await _topology.JournalAsync()).Count;
        var owner = await ReplicaTopology.QueryAsync(_topology.BalancerUrl, query, authorization: Owner);
        var afterOwner = (await _topology.JournalAsync()).Count;

        output.WriteLine($"Waldur requests: {afterFirst} after the first answer, {afterSecond} after the second, {afterOwner} after the second caller");
        Assert.NotEqual(first.ServedBy, second.ServedBy);
        Assert.Equal(1, afterFirst);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal(afterFirst + 1, afterOwner);
        Assert.Equal(first.Body["data"]!.ToJsonString(), second.Body["data"]!.ToJsonString());
        Assert.NotEqual(first.Body["data"]!.ToJsonString(), owner.Body["data"]!.ToJsonString());
        Assert.Equal(0, first.Body["extensions"]!["waldurCache"]!["hits"]!.GetValue<int>());
        Assert.Equal(1, second.Body["extensions"]!["waldurCache"]!["hits"]!.GetValue<int>());
        Assert.True(second.Body["extensions"]!["waldurCache"]!["oldestAgeSeconds"]!.GetValue<double>() >= 0);
    }

    [Fact]
    public async Task No_cache_from_the_client_goes_to_Waldur_again()
    {
        const string query = "{ customers(first: 9) { totalCount nodes { uuid } } }";
        await ReplicaTopology.QueryAsync(_topology.BalancerUrl, query);
        await _topology.ClearJournalAsync();

        var fresh = await ReplicaTopology.QueryAsync(_topology.BalancerUrl, query, headers: ("Cache-Control", "no-cache"));

        Assert.Single(await _topology.JournalAsync());
        Assert.Equal(0, fresh.Body["extensions"]!["waldurCache"]!["hits"]!.GetValue<int>());
    }

    [Fact]
    public async Task Redis_stopped_and_restarted_mid_run_loses_no_request_and_keeps_the_replicas_ready()
    {
        var outagesBefore = await SettledRedisOutagesAsync();
        var answers = new List<ReplicaTopology.Answer>();
        var served = new HashSet<string?>();
        async Task SendAsync(int round)
        {
            // A new document per round (shared through Redis when it is up) and a list page per round (cached).
            var query = $"query R{round}x{Guid.NewGuid():N} {{ customers(first: {1 + round % 12}) {{ totalCount nodes {{ uuid }} }} }}";
            var hash = PersistedQueryStore.Hash(query);
            foreach (var answer in await Task.WhenAll(
                         ReplicaTopology.PostAsync(_topology.BalancerUrl, Apq(hash, query)),
                         ReplicaTopology.QueryAsync(_topology.BalancerUrl, query, authorization: round % 2 == 0 ? GatewayHost.Token : Owner)))
            {
                answers.Add(answer);
                served.Add(answer.ServedBy);
            }
        }

        for (var round = 0; round < 20; round++)
        {
            await SendAsync(round);
        }

        await _topology.StopRedisAsync();
        for (var round = 20; round < 60; round++)
        {
            await SendAsync(round);
        }

        var readyWithoutRedis = await Task.WhenAll(_topology.GatewayUrls.Select(u => _topology.GetStatusAsync(u, "readyz")));
        await _topology.StartRedisAsync();
        for (var round = 60; round < 80; round++)
        {
            await SendAsync(round);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Null(a.Errors));
        Assert.Equal(160, answers.Count);
        Assert.Equal(2, served.Count);
        Assert.All(readyWithoutRedis, status => Assert.Equal(HttpStatusCode.OK, status));
        await AssertSharedAgainAsync();
        await AssertOneWarningPerOutageAsync(outagesBefore);
    }

    [Fact]
    public async Task A_frozen_Redis_costs_no_request_and_one_warning_per_replica()
    {
        var outagesBefore = await SettledRedisOutagesAsync();
        _topology.PauseRedis(true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ReplicaTopology.Answer[] answers;
        try
        {
            // New documents and new pages: each one needs Redis (persisted-query lookup, L2 read and write).
            answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            {
                var query = $"query F{i}x{Guid.NewGuid():N} {{ projects(first: {20 + i}) {{ totalCount }} }}";
                return ReplicaTopology.PostAsync(_topology.BalancerUrl, Apq(PersistedQueryStore.Hash(query), query));
            }));
        }
        finally
        {
            _topology.PauseRedis(false);
        }

        output.WriteLine($"40 requests while Redis was frozen: {clock.ElapsedMilliseconds} ms in all, 40 at once (reported, not asserted)");
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Null(a.Errors));
        await AssertSharedAgainAsync();
        await AssertOneWarningPerOutageAsync(outagesBefore);
    }

    [Fact]
    public async Task Callers_sharing_the_replicas_and_their_cache_never_see_each_others_rows()
    {
        await CoreIsolation.RunAsync(_topology.Dataset,
            async (query, variables, auth) => (await ReplicaTopology.QueryAsync(_topology.BalancerUrl, query, variables, auth)).Body,
            output, requests: 1000);
    }

    [Fact]
    public async Task Redis_holds_no_token_in_its_keys_or_values()
    {
        // A page no other test reads, so neither replica holds it in memory already.
        const string query = "{ projects(first: 13) { totalCount nodes { uuid } } }";
        var cached = await _topology.RedisEntriesAsync(WaldurCacheKeys.Prefix);
        await ReplicaTopology.QueryAsync(_topology.BalancerUrl, query);
        await ReplicaTopology.QueryAsync(_topology.BalancerUrl, query, authorization: Owner);
        await _topology.WaitForNewRedisEntriesAsync(WaldurCacheKeys.Prefix, cached, 2);

        var entries = await _topology.RedisEntriesAsync("");

        Assert.Contains(entries, e => e.Key.StartsWith(WaldurCacheKeys.Prefix, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain(Waldur.GraphGateway.Hosting.EmbeddedEmulatorHosting.DemoToken, e.Key + e.Value, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("tok-owner", e.Key + e.Value, StringComparison.Ordinal));
    }

    /// <summary>
    /// Each replica's Redis lines so far: warnings (an outage began) and "available again" (it ended). The replicas
    /// log through their consoles, which reach this process asynchronously (late when its thread pool is busy).
    /// </summary>
    private (int Warnings, int Recoveries)[] RedisOutages() =>
        [.. Enumerable.Range(0, 2).Select(i => _topology.GatewayLog(i) is var log
            ? (log.Count(l => l.Contains("Redis is unavailable", StringComparison.Ordinal)), log.Count(l => l.Contains("Redis is available again", StringComparison.Ordinal)))
            : default)];

    /// <summary>
    /// Waits until no replica is inside an outage (each warning has its recovery line), asking each replica for a
    /// Redis write meanwhile: a Redis command slowed past its timeout by a loaded machine is an outage of its own
    /// (the replica then leaves Redis alone for a while), and an outage still open when a test's own begins would
    /// absorb it (no new warning), or one still being logged would be counted as the test's; a test about sharing
    /// through Redis would find a replica not using it. With <paramref name="since"/>, also until each replica has
    /// logged an outage after it (its lines may still be on their way).
    /// </summary>
    private async Task<(int Warnings, int Recoveries)[]> SettledRedisOutagesAsync((int Warnings, int Recoveries)[]? since = null)
    {
        bool Settled((int Warnings, int Recoveries) o, int i) => o.Warnings == o.Recoveries && (since is null || o.Warnings > since[i].Warnings);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var outages = RedisOutages();
        while (!outages.Select(Settled).All(s => s) && DateTime.UtcNow < deadline)
        {
            foreach (var gateway in _topology.GatewayUrls)
            {
                var query = $"query W{Guid.NewGuid():N} {{ __typename }}";
                await ReplicaTopology.PostAsync(gateway, Apq(PersistedQueryStore.Hash(query), query));
            }

            await Task.Delay(200);
            outages = RedisOutages();
        }

        return outages;
    }

    /// <summary>
    /// The outage was warned about on each replica, and once per outage however many requests met it: every warning
    /// since <paramref name="before"/> has its recovery line. (Usually one of each; a command timed out by a loaded
    /// machine makes an outage of its own, with its own pair.)
    /// </summary>
    private async Task AssertOneWarningPerOutageAsync((int Warnings, int Recoveries)[] before)
    {
        var after = await SettledRedisOutagesAsync(since: before);
        for (var i = 0; i < 2; i++)
        {
            var (warnings, recoveries) = (after[i].Warnings - before[i].Warnings, after[i].Recoveries - before[i].Recoveries);
            output.WriteLine($"replica {i + 1}: {warnings} Redis warning(s) and {recoveries} recovery line(s) for one outage");
            Assert.True(warnings >= 1, $"replica {i + 1} logged no Redis warning for the outage");
            Assert.Equal(recoveries, warnings);
        }
    }

    /// <summary>After a restart Redis reconnects in the background: a hash registered on one replica reaches the other again.</summary>
    private async Task AssertSharedAgainAsync()
    {
        JsonNode? last = null;
        // Reconnecting can take the client's backoff (up to about 10 s) plus Redis:RetryAfter (5 s); a deadline, not
        // a number of attempts, so a slow machine's slower requests do not shorten the wait.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var query = $"query S{Guid.NewGuid():N} {{ __typename }}";
            var hash = PersistedQueryStore.Hash(query);
            await ReplicaTopology.PostAsync(_topology.GatewayUrls[0], Apq(hash, query));
            var other = await ReplicaTopology.PostAsync(_topology.GatewayUrls[1], Apq(hash));
            if (other.Errors is null)
            {
                return;
            }

            last = other.Body;
            await Task.Delay(200);
        }

        Assert.Fail($"Redis was never shared again after its restart: {last}");
    }
}
