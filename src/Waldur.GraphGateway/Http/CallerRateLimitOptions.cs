using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Hosting;
using Waldur.OptionsValidation;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// <c>RateLimiting:*</c>: how much of the gateway one caller may hold at once, so one client's flood (buggy or hostile)
/// waits in its own line instead of everyone's. A caller is its <c>Authorization</c> header (hashed; the token itself
/// is never kept), or its client address when it sends none. Health endpoints are never limited.
/// </summary>
internal sealed class CallerRateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// GraphQL requests one caller has executing at once. Two cores serve all callers: at 4, one caller's flood
    /// leaves the others most of the machine, while a page of parallel widgets (a dashboard) still runs side by side.
    /// </summary>
    [SettingRange(1, 10_000, ErrorMessage = Section + ":" + nameof(ConcurrentRequestsPerCaller) + Settings.BeBetween)]
    public int ConcurrentRequestsPerCaller { get; set; } = 4;

    /// <summary>Requests of one caller that wait (oldest first) for a free slot; beyond it <c>429 RATE_LIMITED</c>.</summary>
    [SettingRange(0, 100_000, ErrorMessage = Section + ":" + nameof(QueueLimitPerCaller) + Settings.BeBetween)]
    public int QueueLimitPerCaller { get; set; } = 16;

    /// <summary>Optional token bucket per caller: requests per second on average (0: no rate limit, only concurrency).</summary>
    [SettingRange(0, 1_000_000, ErrorMessage = Section + ":" + nameof(TokensPerSecond) + Settings.BeBetween)]
    public int TokensPerSecond { get; set; }

    /// <summary>The token bucket's size: how many requests a caller may burst after being idle.</summary>
    [SettingRange(1, 1_000_000, ErrorMessage = Section + ":" + nameof(BurstSize) + Settings.BeBetween)]
    public int BurstSize { get; set; } = 20;

    /// <summary>The <c>Retry-After</c> sent when a caller's slots and queue are full (the token bucket says its own).</summary>
    [SettingRange(1, 3600, ErrorMessage = Section + ":" + nameof(RetryAfterSeconds) + Settings.BeBetween)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>The rule across fields: the bucket must hold at least a second's tokens.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TokensPerSecond > 0 && BurstSize < TokensPerSecond)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(BurstSize)} must be at least {Section}:{nameof(TokensPerSecond)} (was {BurstSize} < {TokensPerSecond}).");
        }
    }
}

/// <summary>Stops start-up on a bad <c>RateLimiting:*</c> value, naming the key.</summary>
[OptionsValidator]
internal sealed partial class CallerRateLimitOptionsValidator : IValidateOptions<CallerRateLimitOptions>;
