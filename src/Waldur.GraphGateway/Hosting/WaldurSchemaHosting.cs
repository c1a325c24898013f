using GraphQL;
using Waldur.Catalog.Generated;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.Schema;
using Waldur.GraphGateway.Types.Relay;
using Waldur.GraphGateway.Types.Resources;

namespace Waldur.GraphGateway.Hosting;

/// <summary>The GraphQL schema built from the resource catalog, the Node registry, and the per-request loaders behind them.</summary>
public static class WaldurSchemaHosting
{
    public static IServiceCollection AddWaldurSchema(this IServiceCollection services, IConfiguration configuration)
    {
        var catalog = WaldurCatalog.Reviewed;
        services.AddWaldurLoading(configuration, catalog);
        services.AddRelay(configuration);
        foreach (var resource in catalog.Resources)
        {
            var typeName = resource.TypeName;
            services.AddNodeType(typeName, (uuid, context) => context.Loaders().ByUuid(typeName).Load(uuid).Then(row => (object?)row));
        }

        services.AddFederationSubgraph(configuration);
        services.AddGraphQL(b => b
            .AddSchema<WaldurSchema>()
            .AddGraphTypes(typeof(WaldurSchema).Assembly)
            .AddSystemTextJson());
        return services;
    }
}
