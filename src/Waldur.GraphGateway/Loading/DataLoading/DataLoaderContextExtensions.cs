using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>How resolvers reach the request's loaders (graph types are singletons; loaders are scoped).</summary>
public static class DataLoaderContextExtensions
{
    /// <summary>The scoped loader service <typeparamref name="TLoader"/> of this request.</summary>
    public static TLoader DataLoader<TLoader>(this IResolveFieldContext context)
        where TLoader : notnull =>
        Services(context).GetRequiredService<TLoader>();

    /// <summary>The request's registry of named loaders.</summary>
    public static DataLoaderRegistry DataLoaders(this IResolveFieldContext context) =>
        Services(context).GetRequiredService<DataLoaderRegistry>();

    private static IServiceProvider Services(IResolveFieldContext context) =>
        context.RequestServices ?? throw new MissingRequestServicesException();
}
