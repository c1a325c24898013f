using GraphQL;
using Waldur.GraphGateway.Schema;

namespace Waldur.GraphGateway.Hosting;

/// <summary>The GraphQL schema, its types and per-request loaders (issues 4, 5).</summary>
public static class WaldurSchemaHosting
{
    public static IServiceCollection AddWaldurSchema(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGraphQL(b => b
            .AddSchema<WaldurSchema>()
            .AddGraphTypes(typeof(WaldurSchema).Assembly)
            .AddSystemTextJson());
        return services;
    }
}
