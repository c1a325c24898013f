using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>The resilience settings, seen from Waldur's side: Retry-After is waited out, and the breaker opens, fails fast, and closes.</summary>
public class ResiliencePolicyTests(ITestOutputHelper output)
{
    private const string RegionsQuery = "{ __typename digitalOceanRegions(first: 2) { nodes { name } } }";

    [Fact]
    public async Task A_429_is_retried_only_after_its_Retry_After_and_within_the_total_timeout()
    {
        await using var host = await GatewayHost.StartWithFaultsAsync(new Dictionary<string, string?>
        {
            ["Waldur:Resilience:TotalTimeout"] = "00:00:08",
            ["GraphQL:ExecutionTimeout"] = "00:00:10",
        });
        await host.SetFaultsAsync(new { throttleRate = 1.0, retryAfterSeconds = 1 });
        var answer = await host.PostQueryAsync(RegionsQuery);
        var attempts = await host.UpstreamCallsAsync();
        output.WriteLine($"one throttled request: {answer}");
        attempts.ForEach(a => output.WriteLine($"  {a}"));

        Assert.Equal("UPSTREAM_UNAVAILABLE", answer.CodesByField["digitalOceanRegions"]);
        Assert.Equal("Query", answer.Data?["__typename"]?.ToString());
        // 2 retries allowed; Retry-After: 1 puts them at ~1 s and ~2 s, both well inside the 8 s total (a busy CI machine
        // delays each step, and a total only 2 s past the last retry left it one retry short).
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(429, a.Status));
        foreach (var (before, after) in attempts.Zip(attempts.Skip(1)))
        {
            Assert.True(after.AtMs - before.AtMs >= 950, $"retried {after.AtMs - before.AtMs:0} ms after a 429 with Retry-After: 1");
        }
    }

    [Fact]
    public async Task The_breaker_opens_under_sustained_failure_answers_fast_while_open_and_closes_after_recovery()
    {
        await using var host = await GatewayHost.StartWithFaultsAsync(new Dictionary<string, string?>
        {
            ["Waldur:Resilience:BreakerMinimumThroughput"] = "4",
            ["Waldur:Resilience:BreakerFailureRatio"] = "0.5",
            ["Waldur:Resilience:BreakerSamplingDuration"] = "00:00:05",
            // Long against the few requests that check the circuit is open: a break of 1.5 s could end before a busy
            // machine sent them, and the half-open probe would then reach Waldur.
            ["Waldur:Resilience:BreakDuration"] = "00:00:05",
        }, logLevel: Microsoft.Extensions.Logging.LogLevel.Warning);
        await host.SetFaultsAsync(new { errorRate = 1.0, errorStatus = 503 });

        // Sustained failure: keep asking until a request costs Waldur nothing (the circuit is open).
        int calls = 0;
        GatewayAnswer? open = null;
        for (int i = 0; i < 10 && open is null; i++)
        {
            var answer = await host.PostQueryAsync(RegionsQuery);
            var seen = (await host.UpstreamCallsAsync()).Count;
            output.WriteLine($"failing request {i + 1}: {answer.CodesByField["digitalOceanRegions"]} in {answer.Elapsed.TotalMilliseconds:0} ms, Waldur attempts so far {seen}");
            Assert.Equal("UPSTREAM_UNAVAILABLE", answer.CodesByField["digitalOceanRegions"]);
            open = seen == calls ? answer : null;
            calls = seen;
        }

        Assert.NotNull(open);
        Assert.Contains("circuit open", open.Json!["errors"]![0]!["message"]!.ToString(), StringComparison.Ordinal);

        // While open: several more requests, all answered without touching Waldur.
        var whileOpen = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.PostQueryAsync(RegionsQuery)));
        output.WriteLine($"while open: {whileOpen.Length} requests, slowest {whileOpen.Max(a => a.Elapsed.TotalMilliseconds):0} ms, Waldur attempts {(await host.UpstreamCallsAsync()).Count}");
        Assert.Equal(calls, (await host.UpstreamCallsAsync()).Count);
        Assert.All(whileOpen, a => Assert.Equal("UPSTREAM_UNAVAILABLE", a.CodesByField["digitalOceanRegions"]));
        Assert.All(whileOpen, a => Assert.Equal("Query", a.Data?["__typename"]?.ToString()));
        Assert.Equal("503", (await host.ReadyzAsync())[..3]);

        // Waldur recovers; after the break the half-open probe succeeds and the circuit closes.
        await host.ClearFaultsAsync();
        Assert.Equal("200 ready", await host.ReadyzAsync());
        GatewayAnswer? recovered = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (recovered is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            var answer = await host.PostQueryAsync(RegionsQuery);
            recovered = answer.Codes.Count == 0 ? answer : null;
        }

        Assert.NotNull(recovered);
        var after = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.PostQueryAsync(RegionsQuery)));
        output.WriteLine($"after recovery: first success {recovered}; then {after.Count(a => a.Codes.Count == 0)}/5 clean answers");
        Assert.All(after, a => Assert.Empty(a.Codes));
        Assert.All(after, a => Assert.Equal(2, a.Data?["digitalOceanRegions"]?["nodes"]?.AsArray().Count));
    }
}
