using Waldur.Catalog.Model;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.WaldurApi;
using Waldur.GraphGateway.WaldurApi.Caching;

namespace Waldur.GraphGateway.Hosting;

/// <summary>The catalog and the per-request services between the schema and the Waldur client: planner and loaders.</summary>
public static class WaldurLoadingHosting
{
    public static IServiceCollection AddWaldurLoading(this IServiceCollection services, IConfiguration configuration, ResourceCatalog catalog)
    {
        services.AddOptions<ListOptions>()
            .Bind(configuration.GetSection(ListOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.DefaultPageSize <= o.MaxPageSize, "Lists:DefaultPageSize must not exceed Lists:MaxPageSize.")
            .ValidateOnStart();
        services.AddOptions<DataLoadingOptions>()
            .Bind(configuration.GetSection(DataLoadingOptions.Section))
            .Validate(o => o.ByUuidConcurrency is >= 1 and <= DataLoadingOptions.MaxConcurrency,
                $"{DataLoadingOptions.Section}:{nameof(DataLoadingOptions.ByUuidConcurrency)} must be between 1 and {DataLoadingOptions.MaxConcurrency}.")
            .ValidateOnStart();

        // The response cache's TTLs are named by root connection field: a misspelt name would silently get the default.
        services.AddOptions<WaldurCacheOptions>()
            .Validate(o => o.Ttl.Keys.All(field => catalog.Resources.Any(r => r.Parent is null && string.Equals(r.ListField, field, StringComparison.OrdinalIgnoreCase))),
                "Caching:Ttl:<field> must name a root connection field of the schema (customers, digitalOceanImages, …).");

        // Built once: what every resource's rows, filters and Waldur parameters are.
        services.AddSingleton(catalog);
        services.AddSingleton<RowShapes>();
        services.AddSingleton<ListResources>();
        services.AddSingleton<Loading.Filtering.IgnoredFilters>();

        // One per request: what Waldur answered is shared by every field of the request, and by no other request.
        services.AddScoped<ListRequestCache>();
        services.AddScoped<WaldurCallBudget>();
        services.AddScoped<ListFetcher>();
        services.AddScoped<ResidualScanner>();
        services.AddScoped<ListPlanner>();
        services.AddScoped<ResourceLoaders>();
        services.AddScoped<RowsReadFeed>();
        services.AddScoped<IResourcePrimer>(provider => provider.GetRequiredService<RowsReadFeed>());
        return services;
    }
}
