using GraphQL;
using GraphQL.DataLoader;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.Types.Paging;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>
/// A connection over the rows of another resource that point at this one (a region's images, a customer's projects).
/// How it is read is planned in Loading (<see cref="ReverseConnectionPlan"/>); this reads the field's arguments.
/// </summary>
internal static class ReverseConnections
{
    public static IDataLoaderResult<ConnectionPage> Load(IResolveFieldContext context, ResourceGraph graph, ReverseParent parent) =>
        ReverseConnectionLoader.Load(context.Planner(), context.Loaders(), graph.Resource, parent,
            ConnectionArguments.Read(context, graph.Resource, graph.LookupFields), context.CancellationToken);
}
