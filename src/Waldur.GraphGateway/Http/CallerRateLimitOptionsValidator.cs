using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.Http;

/// <summary>Stops start-up on a bad <c>RateLimiting:*</c> value, naming the key.</summary>
public sealed class CallerRateLimitOptionsValidator : IValidateOptions<CallerRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, CallerRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new SettingFailures(CallerRateLimitOptions.SectionName);

        failures.Range(nameof(options.ConcurrentRequestsPerCaller), options.ConcurrentRequestsPerCaller, 1, 10_000);
        failures.Range(nameof(options.QueueLimitPerCaller), options.QueueLimitPerCaller, 0, 100_000);
        failures.Range(nameof(options.TokensPerSecond), options.TokensPerSecond, 0, 1_000_000);
        failures.Range(nameof(options.BurstSize), options.BurstSize, 1, 1_000_000);
        failures.Range(nameof(options.RetryAfterSeconds), options.RetryAfterSeconds, 1, 3600);
        if (options.TokensPerSecond > 0 && options.BurstSize < options.TokensPerSecond)
        {
            failures.Add(nameof(options.BurstSize),
                $"must be at least {CallerRateLimitOptions.SectionName}:{nameof(options.TokensPerSecond)} (was {options.BurstSize} < {options.TokensPerSecond}).");
        }

        return failures.Result();
    }
}
