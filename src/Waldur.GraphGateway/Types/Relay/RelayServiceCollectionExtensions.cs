using GraphQL;
using GraphQL.DataLoader;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Waldur.GraphGateway.Hosting;

namespace Waldur.GraphGateway.Types.Relay;

/// <summary>Wires the Node registry and its options; node types add themselves with <see cref="AddNodeType"/>.</summary>
internal static class RelayServiceCollectionExtensions
{
    public static IServiceCollection AddRelay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RelayOptions, RelayOptionsValidator>(configuration, RelayOptions.Section);
        services.TryAddSingleton<NodeRegistry>();
        return services;
    }

    /// <summary>Makes ids of <paramref name="typeName"/> resolvable by <c>node</c>/<c>nodes</c>.</summary>
    public static IServiceCollection AddNodeType(
        this IServiceCollection services,
        string typeName,
        Func<string, IResolveFieldContext, IDataLoaderResult<object?>> resolve) =>
        services.AddSingleton(new NodeTypeRegistration(typeName, resolve));
}
