using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using GraphQL;
using Microsoft.AspNetCore.RateLimiting;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// The per-caller limiter behind <c>RateLimiting:*</c> (ASP.NET Core's rate-limiting middleware): a concurrency
/// limiter with a bounded queue per caller, chained with an optional token bucket, and the GraphQL-shaped 429 a
/// refused caller gets.
/// </summary>
internal static class CallerRateLimiter
{
    public static PartitionedRateLimiter<HttpContext> Create(CallerRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var concurrency = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetConcurrencyLimiter(
            CallerKey(context), _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = options.ConcurrentRequestsPerCaller,
                QueueLimit = options.QueueLimitPerCaller,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
        if (options.TokensPerSecond == 0)
        {
            return concurrency;
        }

        var rate = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
            CallerKey(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.BurstSize,
                TokensPerPeriod = options.TokensPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        return PartitionedRateLimiter.CreateChained(rate, concurrency);
    }

    /// <summary>
    /// Who is asking: a hash of <c>Authorization</c> (so the partition table never holds a token), else the client
    /// address (behind a proxy, configure forwarded headers so this is the client's, not the proxy's).
    /// </summary>
    public static string CallerKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            return "auth:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)), 0, 16);
        }

        return "addr:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    /// <summary><c>429</c>, <c>Retry-After</c>, and a GraphQL error body with <c>RATE_LIMITED</c> in the negotiated media type.</summary>
    public static async ValueTask RejectAsync(OnRejectedContext rejected, CallerRateLimitOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        ArgumentNullException.ThrowIfNull(options);
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))
            : options.RetryAfterSeconds;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var mediaType = ResponseMediaType.Negotiate(context.Request.Headers.Accept) ?? ResponseMediaType.Json;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        var serializer = context.RequestServices.GetRequiredService<IGraphQLSerializer>();
        var error = new ExecutionError($"Too many requests from this caller at once; retry after {retryAfter} s.")
        {
            Code = Errors.ErrorCodes.RateLimited,
        };
        await serializer.WriteAsync(context.Response.Body, new ExecutionResult { Errors = [error] }, cancellationToken);
    }
}
