using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>
/// One caller floods the gateway with heavy requests (24 at once, each a legal 40-term residual filter over a scan of
/// 2,000 images); another caller's light query keeps its latency. Without per-caller limits the light median went
/// from 5 ms to about 3 s (issue 17). Asserted generously (5× or +200 ms) so a busy machine does not flake; the
/// figures are printed and copied into the README.
/// </summary>
[Collection(FairnessCollection.Name)]
public sealed class FairnessTests(ITestOutputHelper output)
{
    private const string Heavy = "query Q($w: DigitalOceanImageFilterInput) { digitalOceanImages(where: $w, first: 10) { totalCount nodes { name } } }";
    private const string Light = "{ digitalOceanImages(first: 3) { nodes { name } } }";

    [Fact]
    public async Task A_flooding_caller_leaves_another_callers_light_requests_near_their_unloaded_latency()
    {
        await using var host = await GatewayHost.StartWithFaultsAsync(FaultTimeouts.Production,
            ["--Emulator:ImageCount=2000", "--Emulator:Tokens:0=" + Waldur.GraphGateway.Hosting.EmbeddedEmulatorHosting.DemoToken, "--Emulator:Tokens:1=light-token"],
            Microsoft.Extensions.Logging.LogLevel.Warning);
        var where = new JsonObject
        {
            ["or"] = new JsonArray([.. Enumerable.Range(0, 40).Select(i => (JsonNode)new JsonObject { ["name"] = new JsonObject { ["contains"] = $"zz{i}q" } })]),
        };
        var warm = await host.PostQueryAsync(Heavy, new { w = where });
        Assert.Empty(warm.Codes);
        var unloaded = await LightMedianAsync(host, 30);

        using var stop = new CancellationTokenSource();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        var flood = Enumerable.Range(0, 24).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var answer = await host.PostQueryAsync(Heavy, new { w = where });
                statuses.Add(answer.Status);
                if (answer.Status == 429)
                {
                    await Task.Delay(50);
                }
            }
        })).ToList();
        await Task.Delay(1000);
        var loaded = await LightMedianAsync(host, 30);
        await stop.CancelAsync();
        await Task.WhenAll(flood);

        var counts = statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}");
        output.WriteLine($"light median unloaded {unloaded:0.0} ms, under the flood {loaded:0.0} ms; flood answers: {string.Join(", ", counts)}");
        Assert.Contains(429, statuses);
        Assert.Contains(200, statuses);
        Assert.True(loaded <= Math.Max(5 * unloaded, unloaded + 200), $"light median {loaded:0.0} ms under the flood vs {unloaded:0.0} ms unloaded");
    }

    private static async Task<double> LightMedianAsync(GatewayHost host, int count)
    {
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            var answer = await host.PostQueryAsync(Light, authorization: "Token light-token");
            times.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal((200, 0), (answer.Status, answer.Codes.Count));
        }

        times.Sort();
        return times[count / 2];
    }
}

/// <summary>
/// The fairness test compares two latencies measured seconds apart on the same cores, so it runs alone, after the
/// parallel tests: beside them, another test's burst of work (a large schema built, a topology started) landing in
/// one measurement and not the other decided the ratio, not the rate limiter.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FairnessCollection
{
    public const string Name = "Fairness (runs alone)";
}
