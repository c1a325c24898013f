using GraphQL;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.Schema;
using Waldur.GraphGateway.Types.Mutations;
using Waldur.GraphGateway.Types.Relay;
using Waldur.GraphGateway.Types.Resources;

namespace Waldur.GraphGateway.Hosting;

/// <summary>The GraphQL schema built from the resource catalog, the Node registry, and the per-request loaders behind them.</summary>
internal static class WaldurSchemaHosting
{
    public static IServiceCollection AddWaldurSchema(this IServiceCollection services, IConfiguration configuration)
    {
        // The catalog shapes the services below, so it is chosen now; a bad name stops start-up through the validator.
        var options = configuration.GetSection(CatalogOptions.Section).Get<CatalogOptions>() ?? new CatalogOptions();
        var catalog = CatalogSelection.Select(options.Include, options.Exclude).Catalog;
        services.AddValidatedOptions<CatalogOptions, CatalogOptionsValidator>(configuration, CatalogOptions.Section);
        services.AddWaldurLoading(configuration, catalog);
        services.AddRelay(configuration);
        foreach (var resource in catalog.Resources.Where(ResourceGraph.IsNodeResource))
        {
            var typeName = resource.TypeName;
            services.AddNodeType(typeName, (uuid, context) => context.Loaders().ByUuid(typeName).Load(uuid).Then(row => (object?)row));
        }

        // One set of graph types per schema, shared by the query and the mutation roots (a graph type belongs to one schema).
        services.AddSingleton(sp => new CatalogGraphTypes(sp.GetRequiredService<Loading.ListResources>(),
            sp.GetRequiredService<IOptions<Types.Federation.FederationOptions>>().Value));
        services.AddSingleton(WriteCatalog.For(catalog));
        services.AddFederationSubgraph(configuration);
        services.AddGraphQL(b => b
            .AddSchema<WaldurSchema>()
            .AddGraphTypes(typeof(WaldurSchema).Assembly)
            .AddSystemTextJson());
        return services;
    }
}
