using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Http;

namespace Waldur.GraphGateway.Hosting;

/// <summary>Per-caller fairness (issue 17): ASP.NET Core's rate limiter in front of every endpoint but health.</summary>
internal static class RateLimitingHosting
{
    public static IServiceCollection AddCallerRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<CallerRateLimitOptions, CallerRateLimitOptionsValidator>(configuration, CallerRateLimitOptions.Section);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<CallerRateLimitOptions>>((limiter, callers) =>
        {
            var options = callers.Value;
            limiter.GlobalLimiter = CallerRateLimiter.Create(options);
            limiter.OnRejected = (rejected, cancellationToken) => CallerRateLimiter.RejectAsync(rejected, options, cancellationToken);
        });
        return services;
    }

    /// <summary>
    /// After <see cref="GraphQLEndpointHosting.MapGraphQLEndpoint"/>: middleware runs in the order it is added, so a 429
    /// still carries CORS headers (a browser client can read it), and the endpoints run last, after the limiter.
    /// </summary>
    public static WebApplication UseCallerRateLimiting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Read now, as the endpoint's own settings are: a bad value stops start-up here, before any hosted service runs.
        if (app.Services.GetRequiredService<IOptions<CallerRateLimitOptions>>().Value.Enabled)
        {
            app.UseRateLimiter();
        }

        return app;
    }
}
