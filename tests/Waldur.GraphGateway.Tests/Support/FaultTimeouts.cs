namespace Waldur.GraphGateway.Tests.Support;

/// <summary>Gateway timeout settings for tests that provoke faults, and the production ones for tests about input.</summary>
public static class FaultTimeouts
{
    /// <summary>Settings that make faults visible quickly: 800 ms per attempt, 2 retries, 2 s per Waldur call, 5 s per operation.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Fast = new Dictionary<string, string?>
    {
        ["Waldur:Resilience:AttemptTimeout"] = "00:00:00.800",
        ["Waldur:Resilience:TotalTimeout"] = "00:00:02",
        ["Waldur:Resilience:MaxRetryAttempts"] = "2",
        ["Waldur:Resilience:RetryBaseDelay"] = "00:00:00.020",
        // Off unless a test is about the breaker: a breaker opened by one fault would change what the next one shows.
        ["Waldur:Resilience:BreakerMinimumThroughput"] = "100000",
        ["Waldur:Resilience:BreakerSamplingDuration"] = "00:00:02",
        ["GraphQL:ExecutionTimeout"] = "00:00:05",
    };

    /// <summary>The gateway's defaults for attempt and total timeouts (10 s, 30 s), for tests about input rather than faults.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Production = new Dictionary<string, string?>
    {
        ["Waldur:Resilience:AttemptTimeout"] = "00:00:10",
        ["Waldur:Resilience:TotalTimeout"] = "00:00:30",
        ["Waldur:Resilience:BreakerSamplingDuration"] = "00:00:30",
        ["GraphQL:ExecutionTimeout"] = "00:00:30",
    };
}
