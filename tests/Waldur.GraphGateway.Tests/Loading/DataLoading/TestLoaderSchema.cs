using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using Waldur.GraphGateway.Types;

namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>A small schema executed by GraphQL.NET's real <see cref="DocumentExecuter"/> with a scoped service provider.</summary>
internal sealed class TestLoaderSchema : GraphQL.Types.Schema
{
    public TestLoaderSchema(IServiceProvider services, TestQueryGraphType query) : base(services)
    {
        Query = query;
    }

    public static ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TestTable>();
        services.AddSingleton<HangProbe>();
        services.AddScoped<RecordingItemLoader>();
        services.AddScoped<OtherItemLoader>();
        services.AddSingleton<TestItemGraphType>();
        services.AddSingleton<TestQueryGraphType>();
        services.AddSingleton<TestLoaderSchema>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Runs <paramref name="query"/> in a fresh scope (one request); returns the JSON and the scope's loaders.</summary>
    public static async Task<(string Json, RecordingItemLoader Loader, OtherItemLoader Other)> ExecuteAsync(
        ServiceProvider root, string query, CancellationToken cancellationToken = default)
    {
        await using var scope = root.CreateAsyncScope();
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = root.GetRequiredService<TestLoaderSchema>(),
            Query = query,
            RequestServices = scope.ServiceProvider,
            CancellationToken = cancellationToken,
            UnhandledExceptionDelegate = GatewayExecutionErrors.TranslateAsync,
        });
        var json = new GraphQLSerializer().Serialize(result);
        return (json, scope.ServiceProvider.GetRequiredService<RecordingItemLoader>(),
            scope.ServiceProvider.GetRequiredService<OtherItemLoader>());
    }
}
