using GraphQL;
using Waldur.GraphGateway.Schema;
using Waldur.GraphGateway.Types.DigitalOcean;
using Waldur.GraphGateway.Types.Relay;

namespace Waldur.GraphGateway.Hosting;

/// <summary>The GraphQL schema, its types, the Node registry and the per-request loaders behind them (issues 4, 5).</summary>
public static class WaldurSchemaHosting
{
    public static IServiceCollection AddWaldurSchema(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWaldurLoading(configuration);
        services.AddRelay(configuration);
        services.AddDigitalOceanNodeTypes();

        services.AddGraphQL(b => b
            .AddSchema<WaldurSchema>()
            .AddGraphTypes(typeof(WaldurSchema).Assembly)
            .AddSystemTextJson());
        return services;
    }
}
