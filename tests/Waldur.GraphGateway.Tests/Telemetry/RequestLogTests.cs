using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Http;
using Xunit;

namespace Waldur.GraphGateway.Tests.Telemetry;

/// <summary>Quiet logs for normal events, one line for a Waldur failure, and the trace id on every line of a request.</summary>
public sealed class RequestLogTests
{
    private static readonly Dictionary<string, string?> GatewayDebug = new() { ["Logging:LogLevel:Waldur.GraphGateway"] = "Debug" };

    [Fact]
    public async Task A_client_that_goes_away_mid_body_is_one_Debug_line_not_an_error()
    {
        await using var host = await GatewayHost.StartWithFaultsAsync(GatewayDebug);
        using var scope = host.Services.CreateScope();
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = gone.Token };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Headers.Accept = "application/json";
        context.Request.Body = new ResetStream();
        context.Response.Body = new MemoryStream();

        await scope.ServiceProvider.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context);

        var gateway = host.Logs.Lines.Where(l => l.Category.StartsWith("Waldur.GraphGateway", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(gateway, l => l.Level >= LogLevel.Warning);
        var line = Assert.Single(gateway, l => l.Message.Contains("went away", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, line.Level);
        Assert.Null(line.Exception);
    }

    [Fact]
    public async Task A_client_that_cancels_while_Waldur_is_slow_leaves_no_error()
    {
        await using var host = await GatewayHost.StartWithFaultsAsync(FaultTimeouts.Production.Concat(GatewayDebug).ToDictionary());
        await host.SetFaultsAsync(new { latencyMs = 3000 });
        using var impatient = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ digitalOceanRegions { totalCount } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", GatewayHost.Token);
        var sent = host.Client.SendAsync(request, impatient.Token);

        // Cancel once the gateway is waiting on Waldur, not after a fixed time: on a busy machine a fixed 300 ms could
        // end the request before it reached the endpoint, and then there is nothing for the endpoint to log.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(await host.UpstreamCallsAsync()).Any(c => c.Path.Contains("digitalocean-regions", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sent);

        deadline = DateTime.UtcNow.AddSeconds(10);
        while (!host.Logs.Lines.Any(l => l.Message.Contains("went away", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(LogLevel.Debug, Assert.Single(host.Logs.Lines, l => l.Message.Contains("went away", StringComparison.Ordinal)).Level);
        Assert.DoesNotContain(host.Logs.Lines, l => l.IsUnhandledError || l.Message.Contains("Unhandled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Waldur_failure_after_retries_is_one_Warning_per_operation_with_its_code_and_no_stack_trace()
    {
        await using var host = await GatewayHost.StartWithFaultsAsync(GatewayDebug);
        await host.SetFaultsAsync(new { errorRate = 1.0, errorStatus = 503 });

        var answer = await host.PostQueryAsync("query Three { a: digitalOceanImages(first: 1) { totalCount } b: digitalOceanRegions(first: 1) { totalCount } c: digitalOceanSizes(first: 1) { totalCount } }");
        Assert.Equal(3, answer.Json!["errors"]!.AsArray().Count);

        var warnings = host.Logs.Lines.Where(l => l.Level >= LogLevel.Warning && l.Category != "Polly").ToList();
        var warning = Assert.Single(warnings);
        Assert.Equal(typeof(GraphQLRequestExecutor).FullName, warning.Category);
        Assert.Contains("Three", warning.Message, StringComparison.Ordinal);
        Assert.Contains("UPSTREAM_UNAVAILABLE", warning.Message, StringComparison.Ordinal);
        Assert.Null(warning.Exception);
    }

    [Fact]
    public async Task Every_log_line_of_a_request_carries_its_trace_id()
    {
        var logs = new ScopedLogs();
        await using var gateway = await GatewayHost.StartAsync(
            gatewaySettings: GatewayDebug,
            configureServices: services => services.AddSingleton<ILoggerProvider>(logs));
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

        await gateway.QueryAsync("{ digitalOceanImages(first: 2) { nodes { name } } digitalOceanRegions { totalCount } }",
            headers: new Dictionary<string, string> { ["traceparent"] = $"00-{traceId}-00f067aa0ba902b7-01" });

        var requestLines = logs.Lines.Where(l => l.Category.StartsWith("Waldur.GraphGateway.WaldurApi", StringComparison.Ordinal)).ToList();
        Assert.True(requestLines.Count >= 2, $"the Waldur client logged its calls at Debug ({requestLines.Count} lines)");
        Assert.All(requestLines, line => Assert.Equal(traceId, line.Scope.GetValueOrDefault("TraceId")));
    }

    [Fact]
    public async Task The_console_prints_the_scopes_that_carry_the_trace_id_unless_told_not_to()
    {
        await using var host = await GatewayHost.StartWithFaultsAsync();
        Assert.True(host.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
        await using var quiet = await GatewayHost.StartWithFaultsAsync(new Dictionary<string, string?> { ["Logging:Console:FormatterOptions:IncludeScopes"] = "false" });
        Assert.False(quiet.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
    }

    /// <summary>A request body whose connection was reset by the client.</summary>
    private sealed class ResetStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("The client reset the connection.");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new IOException("The client reset the connection.");
    }
}
