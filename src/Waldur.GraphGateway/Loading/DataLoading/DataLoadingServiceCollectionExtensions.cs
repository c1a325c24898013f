using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>Registers loaders as scoped services: one instance, one cache, per request.</summary>
public static class DataLoadingServiceCollectionExtensions
{
    public static IServiceCollection AddDataLoading(this IServiceCollection services)
    {
        services.TryAddScoped<DataLoaderRegistry>();
        return services;
    }

    public static IServiceCollection AddDataLoader<TLoader>(this IServiceCollection services)
        where TLoader : class
    {
        services.AddDataLoading();
        services.TryAddScoped<TLoader>();
        return services;
    }
}
