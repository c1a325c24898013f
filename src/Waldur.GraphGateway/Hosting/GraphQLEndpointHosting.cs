using GraphQL;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Http;
using Waldur.GraphGateway.Schema;
using Waldur.GraphGateway.Types;
using Waldur.GraphGateway.Types.Filtering;

namespace Waldur.GraphGateway.Hosting;

/// <summary>The GraphQL-over-HTTP endpoint, IDE and SDL (issue 3).</summary>
internal static class GraphQLEndpointHosting
{
    private const string CorsPolicy = "GraphQL";

    public static IServiceCollection AddGraphQLEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<GraphQLHttpOptions, GraphQLHttpOptionsValidator>(configuration, GraphQLHttpOptions.Section);

        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<PersistedQueryStore>();
        services.AddSingleton<IdeAssets>();
        services.AddScoped<GraphQLRequestExecutor>();
        services.AddScoped<GraphQLHttpEndpoint>();

        services.AddGraphQL(b => b
            .AddSystemTextJson(json =>
            {
                json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
                json.Converters.Add(new FlatRowsJsonConverter());
            })
            .AddExecutionStrategy<FlatListExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .AddErrorInfoProvider<GatewayErrorInfoProvider>()
            // The validation rules (filter size, complexity, no-introspection) are chosen per request by
            // GraphQLRequestExecutor from ValidationRuleSets, not registered here.
            .ConfigureExecutionOptions(execution => execution.UnhandledExceptionDelegate = GatewayExecutionErrors.TranslateAsync));
        services.AddSingleton<FilterSizeValidationRule>();
        services.AddSingleton<ValidationRuleSets>();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<GraphQLHttpOptions>>((cors, graphql) =>
            cors.AddPolicy(CorsPolicy, policy =>
            {
                var origins = graphql.Value.AllowedOriginList();
                _ = origins.Contains("*") ? policy.AllowAnyOrigin() : policy.WithOrigins(origins);
                policy.AllowAnyHeader().WithMethods("GET", "POST").SetPreflightMaxAge(TimeSpan.FromHours(1));
            }));
        return services;
    }

    public static WebApplication MapGraphQLEndpoint(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCors(CorsPolicy);

        // One route serves /graphql and /graphql/ (routing ignores the trailing slash); the IDE posts to the latter.
        app.Map("/graphql", (HttpContext context, GraphQLHttpEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapGet("/graphql/schema.graphql", (HttpContext context, GraphQL.Types.ISchema schema) =>
            Results.Text(SchemaSdl.Client(schema), "text/plain; charset=utf-8"));

        var ideEnabled = app.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.EnableIde;
        if (ideEnabled)
        {
            var preset = (app.Services.GetService<IdePreset>() ?? IdePreset.None).Json();
            app.MapGet("/graphql/bcp-config.json", () => Results.Text(preset, "application/json"));
            app.MapGet("/graphql/{**path}", (HttpContext context, string path, IdeAssets ide) => ide.ServeFileAsync(context, path));
        }

        return app;
    }
}
