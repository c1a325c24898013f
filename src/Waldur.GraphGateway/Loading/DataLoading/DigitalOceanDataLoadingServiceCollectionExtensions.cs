using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>The DigitalOcean by-uuid loaders and what they share per request; options validated at start.</summary>
public static class DigitalOceanDataLoadingServiceCollectionExtensions
{
    public static IServiceCollection AddDigitalOceanDataLoaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataLoadingOptions>()
            .Bind(configuration.GetSection(DataLoadingOptions.Section))
            .Validate(o => o.ByUuidConcurrency is >= 1 and <= DataLoadingOptions.MaxConcurrency,
                $"{DataLoadingOptions.Section}:{nameof(DataLoadingOptions.ByUuidConcurrency)} must be between 1 and {DataLoadingOptions.MaxConcurrency}.")
            .ValidateOnStart();
        services.TryAddScoped<WaldurRequestFacts>();
        services.AddDataLoader<DigitalOceanRegionByUuidDataLoader>();
        services.AddDataLoader<DigitalOceanImageByUuidDataLoader>();
        return services;
    }
}
