namespace Waldur.GraphGateway.Hosting;

/// <summary><c>/healthz</c> (the process is alive) and <c>/readyz</c> (Waldur answers).</summary>
public static class HealthHosting
{
    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services) => services;

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }
}
