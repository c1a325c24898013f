using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>
/// Thousands of seeded mutations of valid requests: never a 500, never an unhandled exception in the log, always a
/// well-formed JSON body. Bounded in count and in time (whichever comes first), and reproducible by seed.
/// </summary>
public class MutationTests(ITestOutputHelper output)
{
    private const int Seed = 20240817;
    private const int Count = 3000;
    private const int Workers = 4;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Mutated_requests_never_get_a_500_or_a_malformed_body()
    {
        await using var host = await GatewayHost.StartWithFaultsAsync(FaultTimeouts.Production, logLevel: Microsoft.Extensions.Logging.LogLevel.Warning);
        var mutator = new RequestMutator(Seed);
        var bodies = Enumerable.Range(0, Count).Select(_ => mutator.Next()).ToList();
        var statuses = new ConcurrentDictionary<int, int>();
        var codes = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        int next = -1;
        int sent = 0;

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count && clock.Elapsed < Budget)
            {
                var (body, what) = bodies[i];
                var answer = await host.SendAsync(HttpMethod.Post, "/graphql", body, "application/json");
                Interlocked.Increment(ref sent);
                statuses.AddOrUpdate(answer.Status, 1, (_, n) => n + 1);
                foreach (var code in answer.Codes.Distinct())
                {
                    codes.AddOrUpdate(code, 1, (_, n) => n + 1);
                }

                if (answer.Status >= 500 || answer.Json is null || (answer.Json["data"] is null && answer.Json["errors"] is null))
                {
                    failures.Enqueue($"#{i} ({what}) {answer}\n    request: {(body.Length > 400 ? body[..400] + "…" : body)}");
                }
            }
        }));

        var unhandled = host.Logs.Lines.Where(l => l.IsUnhandledError).ToList();
        output.WriteLine($"seed {Seed}: {sent} mutated requests in {clock.ElapsedMilliseconds} ms with {Workers} workers");
        output.WriteLine($"statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        output.WriteLine($"codes: {string.Join(", ", codes.OrderByDescending(c => c.Value).Select(c => $"{c.Key}×{c.Value}"))}");
        output.WriteLine($"failures: {failures.Count}; unhandled errors logged: {unhandled.Count}");
        failures.Take(10).ToList().ForEach(output.WriteLine);
        unhandled.Take(5).ToList().ForEach(l => output.WriteLine($"  log: {l.AllText[..Math.Min(1200, l.AllText.Length)]}"));

        Assert.True(sent >= Math.Min(Count, 1000), $"only {sent} requests within the budget");
        Assert.Empty(failures);
        Assert.Empty(unhandled);
    }
}
