using System.Collections.Concurrent;
using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.Types;
using Waldur.GraphGateway.Types.Relay;

namespace Waldur.GraphGateway.Tests.Types.Relay;

/// <summary>
/// Widgets and gadgets registered as node types through <see cref="RelayServiceCollectionExtensions.AddNodeType"/>,
/// each loaded by a named loader of the request's <c>WidgetLoaders</c>. A batch holding
/// <see cref="FailingUuid"/> fails.
/// </summary>
public sealed class RelayTestSchema : GraphQL.Types.Schema
{
    public RelayTestSchema(IServiceProvider services, RelayTestQueryGraphType query) : base(services)
    {
        Query = query;
    }

    public ConcurrentQueue<(string Type, string[] Keys)> Batches { get; } = new();

    public static readonly string FailingUuid = new('e', 32);

    public static readonly string[] WidgetUuids = Enumerable.Range(0, 60).Select(i => $"{i:x32}").ToArray();

    public static ServiceProvider BuildServices(int? maxNodeIds = null)
    {
        var settings = new Dictionary<string, string?>();
        if (maxNodeIds is { } max)
        {
            settings["Relay:MaxNodeIds"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var services = new ServiceCollection();
        services.AddScoped<WidgetLoaders>();
        services.AddRelay(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddNodeType("Widget", (uuid, ctx) => Loader(ctx, "Widget").Load(uuid).Then(w => (object?)w));
        services.AddNodeType("Gadget", (uuid, ctx) => Loader(ctx, "Gadget").Load(uuid).Then(w => (object?)w));
        services.AddSingleton<NodeGraphType>();
        services.AddSingleton<WidgetGraphType>();
        services.AddSingleton<GadgetGraphType>();
        services.AddSingleton<RelayTestQueryGraphType>();
        services.AddSingleton<RelayTestSchema>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static DataLoader<string, Widget> Loader(IResolveFieldContext ctx, string kind) =>
        ctx.RequestServices!.GetRequiredService<WidgetLoaders>().For(kind, (RelayTestSchema)ctx.Schema);

    /// <summary>The request's widget and gadget loaders (scoped), recording each batch on the schema.</summary>
    private sealed class WidgetLoaders
    {
        private readonly Dictionary<string, WidgetLoader> _loaders = [];

        public WidgetLoader For(string kind, RelayTestSchema schema)
        {
            lock (_loaders)
            {
                if (!_loaders.TryGetValue(kind, out var loader))
                {
                    _loaders[kind] = loader = new WidgetLoader(kind, schema);
                }

                return loader;
            }
        }
    }

    private sealed class WidgetLoader(string kind, RelayTestSchema schema) : DataLoader<string, Widget>
    {
        protected override Task<IReadOnlyDictionary<string, Widget>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        {
            schema.Batches.Enqueue((kind, keys.ToArray()));
            if (keys.Contains(FailingUuid))
            {
                throw new GatewayException(ErrorCodes.UpstreamUnavailable, "Waldur answered 502.");
            }

            IReadOnlyDictionary<string, Widget> found = keys.Where(WidgetUuids.Contains)
                .ToDictionary(k => k, k => new Widget(k, $"{kind} {k.TrimStart('0')}", kind));
            return Task.FromResult(found);
        }
    }

    public static async Task<string> ExecuteAsync(ServiceProvider root, string query)
    {
        await using var scope = root.CreateAsyncScope();
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = root.GetRequiredService<RelayTestSchema>(),
            Query = query,
            RequestServices = scope.ServiceProvider,
            UnhandledExceptionDelegate = GatewayExecutionErrors.TranslateAsync,
        });
        return new GraphQLSerializer().Serialize(result);
    }
}
