using Xunit;
using Xunit.Abstractions;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>
/// Callers with different Waldur roles sending thousands of interleaved requests over the core graph through one
/// gateway: every object and count in every answer is the caller's own (<see cref="CoreIsolation"/>).
/// </summary>
public class CoreIsolationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_answer_carries_a_row_its_caller_cannot_see()
    {
        await using var gateway = await GatewayHost.StartAsync(CoreIsolation.EmulatorArgs);
        await CoreIsolation.RunAsync(gateway.Dataset, (query, variables, auth) => gateway.QueryAsync(query, variables, auth), output, requests: 2000);
    }
}
