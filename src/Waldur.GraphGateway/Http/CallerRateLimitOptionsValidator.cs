using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.Http;

/// <summary>Stops start-up on a bad <c>RateLimiting:*</c> value, naming the key.</summary>
public sealed class CallerRateLimitOptionsValidator : IValidateOptions<CallerRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, CallerRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Range(string key, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                failures.Add($"{CallerRateLimitOptions.SectionName}:{key} must be between {min} and {max} (was {value}).");
            }
        }

        Range(nameof(options.ConcurrentRequestsPerCaller), options.ConcurrentRequestsPerCaller, 1, 10_000);
        Range(nameof(options.QueueLimitPerCaller), options.QueueLimitPerCaller, 0, 100_000);
        Range(nameof(options.TokensPerSecond), options.TokensPerSecond, 0, 1_000_000);
        Range(nameof(options.BurstSize), options.BurstSize, 1, 1_000_000);
        Range(nameof(options.RetryAfterSeconds), options.RetryAfterSeconds, 1, 3600);
        if (options.TokensPerSecond > 0 && options.BurstSize < options.TokensPerSecond)
        {
            failures.Add($"{CallerRateLimitOptions.SectionName}:{nameof(options.BurstSize)} must be at least " +
                $"{CallerRateLimitOptions.SectionName}:{nameof(options.TokensPerSecond)} (was {options.BurstSize} < {options.TokensPerSecond}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
