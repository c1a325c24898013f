using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>
/// Steady concurrent load while Waldur's faults switch on and off. 30 s in the suite; the full form is
/// <c>SOAK_SECONDS=300 dotnet test tests/Waldur.GraphGateway.Tests --filter FullyQualifiedName~Reliability.SoakTests</c>.
/// Reports requests served, errors by code, Waldur calls and memory; asserts no 500s, bounded answers and bounded memory.
/// </summary>
[Collection(SoakCollection.Name)]
public class SoakTests(ITestOutputHelper output)
{
    private const int Workers = 8;
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(5 + 5);

    private static readonly string[] Queries =
    [
        "{ digitalOceanImages(first: 20, order: [{ type: DESC }]) { totalCount nodes { uuid name regions { name } } } }",
        "{ digitalOceanImages(first: 10, where: { minDiskSize: { gt: 20000 } }) { totalCount nodes { name } } }",
        "{ digitalOceanRegions { nodes { name images(first: 3) { nodes { name } } } } }",
        "{ digitalOceanImagesByUuids(uuids: [\"0123456789abcdef0123456789abcdef\"]) { name } node(id: \"eA==\") { id } }",
        "{ digitalOceanImages(first: -1) { totalCount } __typename }",
        "{ nope",
    ];

    private static readonly object[] Faults =
    [
        new { errorRate = 0.5 },
        new { resetRate = 0.3 },
        new { latencyMs = 1000, jitterMs = 500 },
        new { malformedRate = 0.3 },
        new { throttleRate = 0.5, retryAfterSeconds = 1 },
        new { stallRate = 0.3, stallMs = 3000 },
    ];

    [Fact]
    public async Task Steady_load_with_faults_switching_stays_bounded()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SOAK_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 30;
        await using var host = await GatewayHost.StartWithFaultsAsync(emulatorArgs: ["--Emulator:ImageCount=600"], logLevel: Microsoft.Extensions.Logging.LogLevel.Warning);

        // Warm up (JIT, caches, connection pool) so the memory baseline is the steady state's.
        for (int i = 0; i < 50; i++)
        {
            await host.PostQueryAsync(Queries[i % Queries.Length]);
        }

        var memoryStart = Settle();
        var statuses = new ConcurrentDictionary<int, int>();
        var codes = new ConcurrentDictionary<string, int>();
        var slow = new ConcurrentQueue<string>();
        long served = 0;
        long upstream = 0;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        using var stop = new CancellationTokenSource();

        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (!stop.IsCancellationRequested)
            {
                var answer = await host.PostQueryAsync(Queries[random.Next(Queries.Length)]);
                Interlocked.Increment(ref served);
                statuses.AddOrUpdate(answer.Status, 1, (_, n) => n + 1);
                foreach (var code in answer.Codes.Distinct())
                {
                    codes.AddOrUpdate(code, 1, (_, n) => n + 1);
                }

                if (answer.Elapsed > AnswerBound || answer.Json is null)
                {
                    slow.Enqueue(answer.ToString());
                }
            }
        })).ToList();

        // Faults on for 2 s, off for 2 s, cycling through every kind; Waldur calls counted from the journal each switch.
        int phase = 0;
        while (clock.Elapsed < deadline)
        {
            var on = phase % 2 == 0;
            if (on)
            {
                await host.SetFaultsAsync(Faults[phase / 2 % Faults.Length]);
            }
            else
            {
                await host.ClearFaultsAsync();
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            upstream += (await host.UpstreamCallsAsync()).Count;
            await host.ClearJournalAsync();
            phase++;
        }

        await host.ClearFaultsAsync();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        upstream += (await host.UpstreamCallsAsync()).Count;
        var recovered = await host.PostQueryAsync(Queries[0]);
        var memoryEnd = Settle();
        var unhandled = host.Logs.Lines.Where(l => l.IsUnhandledError).ToList();

        output.WriteLine($"soak {clock.Elapsed.TotalSeconds:0} s, {Workers} workers, {phase} fault switches over {Faults.Length} fault kinds");
        output.WriteLine($"requests served: {served} ({served / clock.Elapsed.TotalSeconds:0}/s); statuses {string.Join(", ", statuses.OrderBy(x => x.Key).Select(x => $"{x.Key}×{x.Value}"))}");
        output.WriteLine($"errors by code: {string.Join(", ", codes.OrderByDescending(x => x.Value).Select(x => $"{x.Key}×{x.Value}"))}");
        output.WriteLine($"Waldur calls: {upstream}; unbounded answers: {slow.Count}; unhandled errors logged: {unhandled.Count}");
        output.WriteLine($"managed memory: {memoryStart / 1048576.0:0.0} MiB at start, {memoryEnd / 1048576.0:0.0} MiB at end; working set {Environment.WorkingSet / 1048576} MiB");
        slow.Take(5).ToList().ForEach(output.WriteLine);

        Assert.True(served > seconds * Workers, $"only {served} requests served");
        Assert.DoesNotContain(statuses.Keys, status => status >= 500);
        Assert.Empty(slow);
        Assert.Empty(unhandled);
        Assert.Empty(recovered.Codes);
        // Generous: a leak grows with requests served; caches and pools reach a ceiling.
        Assert.True(memoryEnd < memoryStart * 3 + 64L * 1024 * 1024, $"managed memory grew from {memoryStart} to {memoryEnd} bytes");
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>
/// The soak measures the process's managed memory, so it runs alone, after the parallel tests: others building big
/// schemas (the `*` catalog) or topologies beside it would count as its growth.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "Soak (runs alone)";
}
