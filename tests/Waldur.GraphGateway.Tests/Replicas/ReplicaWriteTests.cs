using Waldur.GraphGateway.Tests.Reliability;
using Xunit;

namespace Waldur.GraphGateway.Tests.Replicas;

/// <summary>Its own topology: the write changes the emulator's rows, which the other replica tests' fixture must not see.</summary>
public sealed class ReplicaWriteFixture : IAsyncLifetime
{
    public ReplicaTopology Topology { get; private set; } = null!;

    public async Task InitializeAsync() => Topology = await ReplicaTopology.StartAsync(CoreIsolation.EmulatorArgs);

    public async Task DisposeAsync() => await Topology.DisposeAsync();
}

/// <summary>Reads after writes across replicas: a caller's write drops its cached answers on every replica (issue 22).</summary>
public sealed class ReplicaWriteTests(ReplicaWriteFixture fixture) : IClassFixture<ReplicaWriteFixture>
{
    [Fact]
    public async Task A_write_through_one_replica_is_seen_by_the_callers_next_read_on_the_other()
    {
        const string count = "{ projects { totalCount } }";
        var topology = fixture.Topology;
        var replicas = topology.GatewayUrls;
        // Both replicas hold the caller's answer (in process and in Redis) before the write.
        var before = (await ReplicaTopology.QueryAsync(replicas[0], count)).Body["data"]!["projects"]!["totalCount"]!.GetValue<int>();
        await ReplicaTopology.QueryAsync(replicas[1], count);
        var cached = await ReplicaTopology.QueryAsync(replicas[0], count);
        Assert.True(cached.Body["extensions"]!["waldurCache"]!["hits"]!.GetValue<int>() > 0);

        var customer = topology.Dataset.Core.Customers.First(c => !c.Archived);
        var created = await ReplicaTopology.QueryAsync(replicas[1],
            "mutation($customer: ID!) { createProject(input: { name: \"Written on replica 1\", customer: $customer }) { project { uuid } errors { __typename } } }",
            new { customer = customer.Uuid });
        Assert.NotNull(created.Body["data"]!["createProject"]!["project"]);

        // The caller's entries were dropped on every replica (a tag invalidation through Redis): replica 0 reads afresh.
        var after = await ReplicaTopology.QueryAsync(replicas[0], count);
        Assert.Equal(before + 1, after.Body["data"]!["projects"]!["totalCount"]!.GetValue<int>());
    }

}
