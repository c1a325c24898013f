using System.ComponentModel.DataAnnotations;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary><c>Waldur:Resilience:*</c>: the one standard pipeline's knobs (retries, timeouts, circuit breaker).</summary>
public sealed class WaldurResilienceOptions
{
    /// <summary>Retries of a GET/HEAD on 5xx/408/429 or a transport failure (exponential back-off with jitter).</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>One attempt's budget (until response headers arrive).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>All attempts of one Waldur call together, retries and back-off included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(2, int.MaxValue)]
    public int BreakerMinimumThroughput { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
