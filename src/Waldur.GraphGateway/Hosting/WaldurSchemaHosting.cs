using GraphQL;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Schema;

namespace Waldur.GraphGateway.Hosting;

/// <summary>The GraphQL schema, its types and per-request loaders (issues 4, 5).</summary>
public static class WaldurSchemaHosting
{
    public static IServiceCollection AddWaldurSchema(this IServiceCollection services, IConfiguration configuration)
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

        services.AddGraphQL(b => b
            .AddSchema<WaldurSchema>()
            .AddGraphTypes(typeof(WaldurSchema).Assembly)
            .AddSystemTextJson());
        return services;
    }
}
