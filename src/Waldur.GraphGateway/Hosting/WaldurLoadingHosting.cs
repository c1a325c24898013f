using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.DataLoading;

namespace Waldur.GraphGateway.Hosting;

/// <summary>The per-request services between the schema and the Waldur client: list planner and DataLoaders (issues 4, 5).</summary>
public static class WaldurLoadingHosting
{
    public static IServiceCollection AddWaldurLoading(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ListOptions>()
            .Bind(configuration.GetSection(ListOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.DefaultPageSize <= o.MaxPageSize, "Lists:DefaultPageSize must not exceed Lists:MaxPageSize.")
            .ValidateOnStart();

        // One per request: what Waldur answered is shared by every field of the request, and by no other request.
        services.AddScoped<ListRequestCache>();
        services.AddScoped<ListFetcher>();
        services.AddScoped<ResidualScanner>();
        services.AddScoped<ListPlanner>();
        services.AddDigitalOceanDataLoaders(configuration);
        return services;
    }
}
