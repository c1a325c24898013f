using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>
/// The DigitalOcean by-uuid loaders and their primer; options validated at start. They read Waldur through the
/// planner's per-request services (<see cref="ResidualScanner"/>, <see cref="ListRequestCache"/>), registered by
/// <c>AddWaldurLoading</c>.
/// </summary>
public static class DigitalOceanDataLoadingServiceCollectionExtensions
{
    public static IServiceCollection AddDigitalOceanDataLoaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataLoadingOptions>()
            .Bind(configuration.GetSection(DataLoadingOptions.Section))
            .Validate(o => o.ByUuidConcurrency is >= 1 and <= DataLoadingOptions.MaxConcurrency,
                $"{DataLoadingOptions.Section}:{nameof(DataLoadingOptions.ByUuidConcurrency)} must be between 1 and {DataLoadingOptions.MaxConcurrency}.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IResourcePrimer, DigitalOceanResourcePrimer>());
        services.AddDataLoader<DigitalOceanRegionByUuidDataLoader>();
        services.AddDataLoader<DigitalOceanImageByUuidDataLoader>();
        return services;
    }
}
