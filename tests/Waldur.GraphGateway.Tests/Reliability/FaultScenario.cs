using System.Globalization;

namespace Waldur.GraphGateway.Tests.Reliability;

/// <summary>
/// One way Waldur misbehaves: the emulator's fault settings (null: Waldur is down, its port closed), whether the
/// gateway may retry it, and what <c>/readyz</c> should then say (ready while Waldur answers below 500).
/// </summary>
public sealed record FaultScenario(string Name, object? Faults, bool Retryable, bool Ready, string ExpectedCode = "UPSTREAM_UNAVAILABLE",
    IReadOnlyDictionary<string, string?>? Settings = null)
{
    /// <summary>
    /// Room for a retry after <c>Retry-After: 1</c>: it comes about 1 s into a Waldur call, and the short total of 2 s
    /// left a busy machine 1 s to spoil it (1.4 s between attempts was seen under load); all three attempts then fit.
    /// </summary>
    private static readonly Dictionary<string, string?> RetryAfterRoom = new()
    {
        ["Waldur:Resilience:TotalTimeout"] = "00:00:04",
        ["GraphQL:ExecutionTimeout"] = "00:00:10",
    };

    public static readonly IReadOnlyList<FaultScenario> All =
    [
        // Past the 800 ms attempt timeout whatever the load, and 2 s short of /readyz's own 3 s probe timeout, which a
        // busy machine's delays must not reach (1,500 ms left it 1.5 s).
        new("latency beyond the attempt timeout", new { latencyMs = 1000 }, Retryable: true, Ready: true),
        new("burst of 503", new { errorRate = 1.0, errorStatus = 503 }, Retryable: true, Ready: false),
        new("burst of 500", new { errorRate = 1.0, errorStatus = 500 }, Retryable: true, Ready: false),
        new("429 with Retry-After", new { throttleRate = 1.0, retryAfterSeconds = 1 }, Retryable: true, Ready: true, Settings: RetryAfterRoom),
        new("connection resets", new { resetRate = 1.0 }, Retryable: true, Ready: false),
        new("malformed JSON bodies", new { malformedRate = 1.0 }, Retryable: false, Ready: true, ExpectedCode: "UPSTREAM_INVALID_RESPONSE"),
        new("bodies that stall mid-stream", new { stallRate = 1.0, stallMs = 8000 }, Retryable: false, Ready: true),
        new("Waldur down (port closed)", null, Retryable: true, Ready: false),
    ];

    /// <summary>The operation deadline (GraphQL:ExecutionTimeout) the gateway runs this scenario with.</summary>
    public TimeSpan Deadline => TimeSpan.Parse(
        Settings?.GetValueOrDefault("GraphQL:ExecutionTimeout") ?? FaultTimeouts.Fast["GraphQL:ExecutionTimeout"]!, CultureInfo.InvariantCulture);

    public override string ToString() => Name;
}
