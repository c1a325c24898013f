namespace Waldur.Emulator.Faults;

/// <summary>
/// Faults injected on <c>/api/</c> requests (JSON camelCase at <c>/__emulator/faults</c>, PascalCase under
/// <c>Emulator:Faults:*</c>). Every request waits <see cref="LatencyMs"/> plus up to <see cref="JitterMs"/>; then, in this
/// order, each rate (0..1) is rolled: reset, throttle, error, malformed, stall. The first hit decides the answer.
/// </summary>
public sealed record FaultSettings
{
    public int LatencyMs { get; init; }

    public int JitterMs { get; init; }

    /// <summary>Answer <see cref="ErrorStatus"/> with <c>{"detail":"&lt;reason phrase&gt;"}</c>.</summary>
    public double ErrorRate { get; init; }

    public int ErrorStatus { get; init; } = 503;

    /// <summary>Answer 429 with <c>Retry-After: <see cref="RetryAfterSeconds"/></c>, as a proxy in front of Waldur would (U22).</summary>
    public double ThrottleRate { get; init; }

    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Abort the connection without a response.</summary>
    public double ResetRate { get; init; }

    /// <summary>Answer 200 with the real body cut in half (invalid JSON, consistent Content-Length).</summary>
    public double MalformedRate { get; init; }

    /// <summary>Send the first half of the real body, wait <see cref="StallMs"/>, then send the rest.</summary>
    public double StallRate { get; init; }

    public int StallMs { get; init; } = 5000;

    /// <summary>Apply a write (POST/PUT/PATCH/DELETE that succeeds, 2xx), then abort the connection without a response, so
    /// a client cannot know the outcome. Left out of the JSON while false.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool DropResponseAfterWrite { get; init; }

    /// <summary>Problems as (setting, message); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Range(string name, double value, double min, double max)
        {
            if (double.IsNaN(value) || value < min || value > max)
            {
                errors.Add($"{name} must be between {min} and {max} (got {value}).");
            }
        }

        Range("latencyMs", LatencyMs, 0, 600_000);
        Range("jitterMs", JitterMs, 0, 600_000);
        Range("errorRate", ErrorRate, 0, 1);
        Range("errorStatus", ErrorStatus, 400, 599);
        Range("throttleRate", ThrottleRate, 0, 1);
        Range("retryAfterSeconds", RetryAfterSeconds, 0, 86_400);
        Range("resetRate", ResetRate, 0, 1);
        Range("malformedRate", MalformedRate, 0, 1);
        Range("stallRate", StallRate, 0, 1);
        Range("stallMs", StallMs, 0, 600_000);
        return errors;
    }
}
