using GraphQL;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.DataLoading;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>How resolvers reach the request's services (graph types are built once; planners and loaders are per request).</summary>
internal static class ResolveContextExtensions
{
    public static ListPlanner Planner(this IResolveFieldContext context) => Services(context).GetRequiredService<ListPlanner>();

    public static ResourceLoaders Loaders(this IResolveFieldContext context) => Services(context).GetRequiredService<ResourceLoaders>();

    private static IServiceProvider Services(IResolveFieldContext context) =>
        context.RequestServices ?? throw new MissingRequestServicesException();
}
