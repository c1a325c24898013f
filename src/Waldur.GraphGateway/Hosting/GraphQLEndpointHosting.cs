namespace Waldur.GraphGateway.Hosting;

/// <summary>The GraphQL-over-HTTP endpoint, IDE and SDL (issue 3).</summary>
public static class GraphQLEndpointHosting
{
    public static IServiceCollection AddGraphQLEndpoint(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapGraphQLEndpoint(this WebApplication app) => app;
}
