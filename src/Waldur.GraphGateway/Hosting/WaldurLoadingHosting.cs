using Waldur.Catalog.Model;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.WaldurApi;
using Waldur.GraphGateway.WaldurApi.Caching;

namespace Waldur.GraphGateway.Hosting;

/// <summary>The catalog and the per-request services between the schema and the Waldur client: planner and loaders.</summary>
internal static class WaldurLoadingHosting
{
    public static IServiceCollection AddWaldurLoading(this IServiceCollection services, IConfiguration configuration, ResourceCatalog catalog)
    {
        services.AddValidatedOptions<ListOptions, ListOptionsValidator>(configuration, ListOptions.Section);
        services.AddValidatedOptions<DataLoadingOptions, DataLoadingOptionsValidator>(configuration, DataLoadingOptions.Section);

        // The response cache's TTLs are named by root connection field: its validator (SharedCacheHosting) checks them.
        var rootFields = catalog.Resources.Where(r => r.Parent is null).Select(r => r.ListField).ToArray();
        services.AddOptions<WaldurCacheOptions>().PostConfigure(o => o.RootFields = rootFields);

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
