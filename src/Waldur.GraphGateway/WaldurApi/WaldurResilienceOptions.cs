using Waldur.GraphGateway.Hosting;
using Waldur.OptionsValidation;

namespace Waldur.GraphGateway.WaldurApi;

/// <summary><c>Waldur:Resilience:*</c>: the one standard pipeline's knobs (retries, timeouts, circuit breaker).</summary>
internal sealed class WaldurResilienceOptions
{
    private const string Key = WaldurOptions.Section + ":" + nameof(WaldurOptions.Resilience) + ":";

    /// <summary>Retries of a GET/HEAD on 5xx/408/429 or a transport failure (exponential back-off with jitter).</summary>
    [SettingRange(0, 10, ErrorMessage = Key + nameof(MaxRetryAttempts) + Settings.BeBetween)]
    public int MaxRetryAttempts { get; set; } = 2;

    [SettingRange(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = Key + nameof(RetryBaseDelay) + Settings.BeBetween)]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>One attempt's budget (until response headers arrive).</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = Key + nameof(AttemptTimeout) + Settings.BeBetween)]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>All attempts of one Waldur call together, retries, back-off and reading the body included.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.010", "00:30:00", ErrorMessage = Key + nameof(TotalTimeout) + Settings.BeBetween)]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [SettingRange(0.01, 1.0, ErrorMessage = Key + nameof(BreakerFailureRatio) + Settings.BeBetween)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [SettingRange(2, int.MaxValue, ErrorMessage = Key + nameof(BreakerMinimumThroughput) + Settings.BeBetween)]
    public int BreakerMinimumThroughput { get; set; } = 20;

    [SettingRange(typeof(TimeSpan), "00:00:00.500", "00:10:00", ErrorMessage = Key + nameof(BreakerSamplingDuration) + Settings.BeBetween)]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    [SettingRange(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = Key + nameof(BreakDuration) + Settings.BeBetween)]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
