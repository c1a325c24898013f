using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>
/// Each Waldur fault, then recovery: every request is answered in bounded time with the fault's code on the fields that
/// need Waldur and data on the rest, no 500s; retries only where they help and never more than the settings allow;
/// <c>/readyz</c> tells the truth throughout.
/// </summary>
public class FaultTests(ITestOutputHelper output)
{
    /// <summary>Two list fields that need Waldur, one that does not, and one that fails on its own (a negative size).</summary>
    public const string Query =
        "{ __typename regions: digitalOceanRegions(first: 3) { totalCount nodes { name } } " +
        "images: digitalOceanImages(first: 2, where: { type: { eq: \"snapshot\" } }) { totalCount nodes { uuid name } } " +
        "bad: digitalOceanImages(first: -1) { totalCount } }";

    private const int MaxRetryAttempts = 2;
    private const int Concurrency = 6;

    /// <summary>Past the operation deadline, room for a loaded 2-core machine; a hang would go far past it.</summary>
    private static readonly TimeSpan Room = TimeSpan.FromSeconds(4);

    public static TheoryData<string> Scenarios() => [.. FaultScenario.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Gateway_survives_the_fault_and_recovers(string name)
    {
        var scenario = FaultScenario.All.Single(s => s.Name == name);
        await using var host = await GatewayHost.StartWithFaultsAsync(scenario.Settings, logLevel: Microsoft.Extensions.Logging.LogLevel.Warning);
        var answerBound = scenario.Deadline + Room;

        // Baseline: how many Waldur calls one request costs when all is well.
        var healthy = await host.PostQueryAsync(Query);
        AssertHealthy(healthy);
        Assert.Equal("200 ready", await host.ReadyzAsync());
        var perRequest = (await host.UpstreamCallsAsync()).Count;
        output.WriteLine($"[{name}] healthy: {healthy.Status}, {perRequest} Waldur calls per request, readyz 200");

        await host.ClearJournalAsync();
        if (scenario.Faults is null)
        {
            await host.StopEmulatorAsync();
        }
        else
        {
            await host.SetFaultsAsync(scenario.Faults);
        }

        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => host.PostQueryAsync(Query)));
        var healthz = await host.Client.GetAsync("/healthz");
        var readyz = await host.ReadyzAsync();
        var journal = scenario.Faults is null ? [] : await host.UpstreamCallsAsync();
        output.WriteLine($"[{name}] {Concurrency} concurrent requests under the fault, all answered after {clock.ElapsedMilliseconds} ms; readyz {readyz}");
        foreach (var answer in answers)
        {
            output.WriteLine($"  answer: {answer.Status} in {answer.Elapsed.TotalMilliseconds:0} ms, codes by field: {string.Join(", ", answer.CodesByField.Select(kv => $"{kv.Key}={kv.Value}"))}");
        }

        output.WriteLine($"  Waldur saw {journal.Count} attempts (bound {Concurrency} × {perRequest} × {1 + MaxRetryAttempts})");
        foreach (var call in journal.Take(12))
        {
            output.WriteLine($"    {call}");
        }

        foreach (var answer in answers)
        {
            Assert.Equal(200, answer.Status);
            Assert.NotNull(answer.Json);
            Assert.True(answer.Elapsed < answerBound, $"answered in {answer.Elapsed}, beyond {answerBound}");
            Assert.Equal("Query", answer.Data?["__typename"]?.ToString());
            var codes = answer.CodesByField;
            Assert.Equal("PAGING_NEGATIVE_SIZE", codes["bad"]);
            Assert.Equal(scenario.ExpectedCode, codes["regions"]);
            Assert.Equal(scenario.ExpectedCode, codes["images"]);
            Assert.DoesNotContain("INTERNAL_ERROR", answer.Codes);
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(scenario.Ready ? "200 ready" : "503", readyz[..(scenario.Ready ? readyz.Length : 3)]);

        if (scenario.Faults is not null)
        {
            Assert.True(journal.Count <= Concurrency * perRequest * (1 + MaxRetryAttempts), $"{journal.Count} attempts: a retry storm");
            if (scenario.Retryable)
            {
                Assert.True(journal.Count > Concurrency * perRequest, "a retryable fault is retried");
            }
            else
            {
                Assert.True(journal.Count <= Concurrency * perRequest, "a 200 with a broken body is not retried");
            }
        }

        // Recovery: the fault goes away and the very next request has data again.
        if (scenario.Faults is null)
        {
            await host.RestartEmulatorAsync();
        }
        else
        {
            await host.ClearFaultsAsync();
        }

        var recovered = await host.PostQueryAsync(Query);
        output.WriteLine($"[{name}] recovered: {recovered.Status}, codes [{string.Join(", ", recovered.Codes)}], readyz {await host.ReadyzAsync()}");
        AssertHealthy(recovered);
        Assert.Equal("200 ready", await host.ReadyzAsync());
        Assert.DoesNotContain(host.Logs.Lines, l => l.IsUnhandledError);
    }

    private static void AssertHealthy(GatewayAnswer answer)
    {
        Assert.Equal(200, answer.Status);
        Assert.Equal(["PAGING_NEGATIVE_SIZE"], answer.Codes);
        Assert.True(answer.Data?["regions"]?["totalCount"]?.GetValue<int>() > 0);
        Assert.True(answer.Data?["images"]?["nodes"]?.AsArray().Count > 0);
    }
}
