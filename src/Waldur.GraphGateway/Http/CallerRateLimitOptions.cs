namespace Waldur.GraphGateway.Http;

/// <summary>
/// <c>RateLimiting:*</c>: how much of the gateway one caller may hold at once, so one client's flood (buggy or hostile)
/// waits in its own line instead of everyone's. A caller is its <c>Authorization</c> header (hashed; the token itself
/// is never kept), or its client address when it sends none. Health endpoints are never limited.
/// </summary>
public sealed class CallerRateLimitOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// GraphQL requests one caller has executing at once. Two cores serve all callers: at 4, one caller's flood
    /// leaves the others most of the machine, while a page of parallel widgets (a dashboard) still runs side by side.
    /// </summary>
    public int ConcurrentRequestsPerCaller { get; set; } = 4;

    /// <summary>Requests of one caller that wait (oldest first) for a free slot; beyond it <c>429 RATE_LIMITED</c>.</summary>
    public int QueueLimitPerCaller { get; set; } = 16;

    /// <summary>Optional token bucket per caller: requests per second on average (0: no rate limit, only concurrency).</summary>
    public int TokensPerSecond { get; set; }

    /// <summary>The token bucket's size: how many requests a caller may burst after being idle.</summary>
    public int BurstSize { get; set; } = 20;

    /// <summary>The <c>Retry-After</c> sent when a caller's slots and queue are full (the token bucket says its own).</summary>
    public int RetryAfterSeconds { get; set; } = 1;
}
