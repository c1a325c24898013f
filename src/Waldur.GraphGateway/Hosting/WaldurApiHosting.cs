using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Telemetry;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Hosting;

/// <summary>The typed Waldur client with its one resilience pipeline (issue 4), behind the response cache (issue 16).</summary>
internal static class WaldurApiHosting
{
    public static IServiceCollection AddWaldurApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddValidatedOptions<WaldurOptions, WaldurOptionsValidator>(configuration, WaldurOptions.Section);

        services.AddSharedCaches(configuration);
        services.AddSingleton<WaldurEndpointFacts>();
        services.AddHttpClient<IWaldurClient, WaldurClient>((sp, http) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<WaldurOptions>>().Value.BaseUrl!;
                // Relative API paths (U1) must append to the base, so the base always ends with '/'.
                http.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
                // The pipeline's total timeout is the deadline; HttpClient's own would cut retries short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // No HttpClient logging handlers: their per-call log scope costs CPU on every Waldur call (issue 14's
            // profile), and WaldurClient logs each call itself at Debug (never a header, so no token).
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions pipeline, IServiceProvider sp) =>
            {
                var o = sp.GetRequiredService<IOptions<WaldurOptions>>().Value.Resilience;
                // Polly requires at least one attempt; 0 (no retries) is expressed as a retry that handles nothing.
                pipeline.Retry.MaxRetryAttempts = Math.Max(1, o.MaxRetryAttempts);
                if (o.MaxRetryAttempts == 0)
                {
                    pipeline.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
                }

                pipeline.Retry.Delay = o.RetryBaseDelay;
                pipeline.Retry.UseJitter = true;
                pipeline.Retry.ShouldRetryAfterHeader = true;
                pipeline.Retry.DisableForUnsafeHttpMethods();
                pipeline.AttemptTimeout.Timeout = o.AttemptTimeout;
                pipeline.TotalRequestTimeout.Timeout = o.TotalTimeout;
                pipeline.CircuitBreaker.FailureRatio = o.BreakerFailureRatio;
                pipeline.CircuitBreaker.MinimumThroughput = o.BreakerMinimumThroughput;
                pipeline.CircuitBreaker.SamplingDuration = o.BreakerSamplingDuration;
                pipeline.CircuitBreaker.BreakDuration = o.BreakDuration;
                pipeline.CircuitBreaker.OnOpened = _ => BreakerChanged(BreakerState.Open);
                pipeline.CircuitBreaker.OnHalfOpened = _ => BreakerChanged(BreakerState.HalfOpen);
                pipeline.CircuitBreaker.OnClosed = _ => BreakerChanged(BreakerState.Closed);
            });
        return services;
    }

    private static ValueTask BreakerChanged(BreakerState state)
    {
        GatewayTelemetry.SetBreakerState(state);
        return ValueTask.CompletedTask;
    }
}
