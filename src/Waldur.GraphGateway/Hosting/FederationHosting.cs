using GraphQL;
using Waldur.GraphGateway.Types.Federation;

namespace Waldur.GraphGateway.Hosting;

/// <summary>The Apollo Federation v2 subgraph surface (issue 6), on unless <c>Federation:Enabled=false</c>.</summary>
internal static class FederationHosting
{
    public static IServiceCollection AddFederationSubgraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<FederationOptions, FederationOptionsValidator>(configuration, FederationOptions.Section);
        var options = configuration.GetSection(FederationOptions.Section).Get<FederationOptions>() ?? new FederationOptions();
        if (options.Enabled)
        {
            services.AddGraphQL(b => b.AddFederation(options.Version));
        }

        return services;
    }
}
