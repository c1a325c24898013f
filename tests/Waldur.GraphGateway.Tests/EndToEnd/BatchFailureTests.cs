using Waldur.GraphGateway.Tests.Snapshots;
using Waldur.GraphGateway.Types.Relay;
using Xunit;

namespace Waldur.GraphGateway.Tests.EndToEnd;

/// <summary>A batch that Waldur fails nulls exactly its own fields; the rest of the query still answers.</summary>
public class BatchFailureTests
{
    [Fact]
    public async Task A_5xx_during_a_batch_nulls_exactly_that_batchs_fields_and_siblings_answer()
    {
        var probe = new WaldurTrafficProbe();
        await using var gateway = await GatewayHost.StartAsync(configureServices: probe.AddTo);
        var images = gateway.Dataset.Images.OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Uuid, StringComparer.Ordinal).ToList();
        var listed = images[0];
        var (x, y) = (images[^1], images[^2]);
        // The list (of one name: the other images stay unknown) resolves first (plain resolvers finish before any batch is sent); from the next call on, Waldur fails.
        var faultOn = new Lazy<Task>(() => gateway.SetFaultsAsync(new { errorRate = 1.0, errorStatus = 503 }));
        probe.BeforeCall = call => call >= 2 ? faultOn.Value : Task.CompletedTask;
        await gateway.ClearJournalAsync();
        var query = $$"""
            { list: digitalOceanImages(first: 1, where: { name: { eq: "{{listed.Name}}" } }) { nodes { name } }
              primed: node(id: "{{NodeId.Encode("DigitalOceanImage", listed.Uuid)}}") { ... on DigitalOceanImage { name } }
              x: digitalOceanImageByUuid(uuid: "{{x.Uuid}}") { name }
              y: digitalOceanImageByUuid(uuid: "{{y.Uuid}}") { name }
              both: digitalOceanImagesByUuids(uuids: ["{{x.Uuid}}", "{{listed.Uuid}}"]) { name } }
            """;
        var result = await gateway.QueryAsync(query);
        var journal = await gateway.JournalAsync();

        var data = result["data"]!;
        Assert.Equal(listed.Name, data["list"]!["nodes"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(listed.Name, data["primed"]!["name"]!.GetValue<string>());
        Assert.Equal(listed.Name, data["both"]![1]!["name"]!.GetValue<string>());
        Assert.Null(data["x"]);
        Assert.Null(data["y"]);
        Assert.Null(data["both"]![0]);
        var errors = result["errors"]!.AsArray()
            .Select(e => (Path: string.Join('.', e!["path"]!.AsArray().Select(p => p!.ToString())), Code: e["extensions"]!["code"]!.GetValue<string>()))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        Assert.Equal([("both.0", "UPSTREAM_UNAVAILABLE"), ("x", "UPSTREAM_UNAVAILABLE"), ("y", "UPSTREAM_UNAVAILABLE")], errors);
        Assert.Equal(200, journal[0].Status);
        Assert.All(journal.Skip(1), j => Assert.Equal(503, j.Status));
        // The attempts are fixed: this gateway is fresh, each failing GET is tried 1 + MaxRetryAttempts (2) times, and 6
        // failures stay below the breaker's minimum throughput (20), so it never opens. Concurrent GETs: sorted.
        MarkdownSnapshot.Match(new GraphQLExchange(query, result) { Waldur = journal, WaldurOrder = WaldurOrder.Sorted, SortErrorsByPath = true });
    }
}
