namespace Waldur.GraphGateway.Hosting;

/// <summary><c>/healthz</c> (the process is alive) and <c>/readyz</c> (Waldur answers).</summary>
internal static class HealthHosting
{
    /// <summary>A client of its own, with a short timeout, so a probe never waits on the data path's retries.</summary>
    public const string ReadinessClient = "waldur-readiness";

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddHttpClient(ReadinessClient, client => client.Timeout = TimeSpan.FromSeconds(3));
        return services;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Probes must see the process, not a caller's place in the rate limiter's queue.
        app.MapGet("/healthz", () => Results.Text("ok")).DisableRateLimiting();
        app.MapGet("/readyz", ReadyAsync).DisableRateLimiting();
        return app;
    }

    /// <summary>Ready when Waldur answers a cheap HEAD below 500: even a 401 proves it is up and reachable.</summary>
    private static async Task<IResult> ReadyAsync(IHttpClientFactory clients, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var baseUrl = configuration["Waldur:BaseUrl"];
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var root))
        {
            return Results.Text("Waldur:BaseUrl is not set", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var probe = new Uri(root, "api/digitalocean-regions/");
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, probe);
            using var response = await clients.CreateClient(ReadinessClient).SendAsync(request, cancellationToken);
            return (int)response.StatusCode < 500
                ? Results.Text("ready")
                : Results.Text($"Waldur answered {(int)response.StatusCode}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return Results.Text($"Waldur is unreachable: {ex.GetType().Name}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
