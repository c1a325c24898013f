using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Errors;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.Types.Paging;
using Waldur.GraphGateway.Types.Relay;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>
/// The root fields of every catalog resource: its connection (one planner call), then the by-uuid lookups composing
/// gateways call (<c>xByUuid</c>, <c>xsByUuids</c>). Every lookup of one execution level joins its loader's batch.
/// Uuids are accepted hyphenated or as 32 hex digits (U3); anything else is <c>UUID_INVALID</c>. An unknown uuid is null.
/// </summary>
internal static class ResourceQueryFields
{
    public static void AddTo(ObjectGraphType query, CatalogGraphTypes catalog)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var graph in catalog.All.Where(g => g.Resource.Descriptor.Parent is null))
        {
            var resource = graph.Resource;
            if (NestedConnections.PathParameters(resource) is { Count: > 0 } parameters)
            {
                NestedConnections.AddWithPathArguments(query, graph, parameters);
                continue;
            }

            query.Field(resource.FieldName, graph.Connection)
                .Description(resource.Descriptor.ListDescription)
                .Arguments(graph.ConnectionArguments())
                .ResolveAsync(async c => await c.Planner().LoadAsync(resource, ConnectionArguments.Read(c, resource, graph.LookupFields), c.CancellationToken));
        }

        foreach (var graph in catalog.All)
        {
            var descriptor = graph.Resource.Descriptor;
            var typeName = descriptor.TypeName;
            if (descriptor.ByUuidField is { } byUuid)
            {
                query.Field(byUuid, graph.Item)
                    .Description($"The {descriptor.Noun} with this Waldur uuid (32 hex digits, with or without hyphens); null when Waldur has none.")
                    .Argument<NonNullGraphType<StringGraphType>>("uuid")
                    .Resolve(c => c.Loaders().ByUuid(typeName).Load(WaldurUuid.Normalize(c.GetArgument<string>("uuid"))));
            }

            if (descriptor.ByUuidsField is { } byUuids)
            {
                query.Field(byUuids, new NonNullGraphType(new ListGraphType(graph.Item)))
                    .Description($"The {descriptor.NounPlural} with these Waldur uuids, in the order asked; null where Waldur has none or the uuid is " +
                                 "malformed (its error at that index). At most `Relay:MaxNodeIds` uuids (default 50), fetched as one batch.")
                    .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("uuids")
                    .Resolve(c => LoadMany(c, c.Loaders().ByUuid(typeName), byUuids));
            }
        }
    }

    private static IDataLoaderResult<IReadOnlyList<object?>> LoadMany(IResolveFieldContext context, ResourceByUuidDataLoader loader, string field)
    {
        var uuids = context.GetArgument<List<string>>("uuids");
        var max = context.RequestServices!.GetRequiredService<IOptions<RelayOptions>>().Value.MaxNodeIds;
        if (uuids.Count > max)
        {
            throw new GatewayException(ErrorCodes.TooManyIds, $"{field}(uuids:) takes at most {max} uuids; {uuids.Count} were given.");
        }

        var items = uuids.Select((uuid, index) =>
        {
            IDataLoaderResult<object?> item = WaldurUuid.TryNormalize(uuid, out var normalized)
                ? loader.Load(normalized).Then(r => (object?)r)
                : DataLoaderResult.Failed<object?>(WaldurUuid.Invalid(uuid));
            return (IDataLoaderResult<object?>)new NodeItemResult(item, context, index);
        }).ToList();
        return DataLoaderResult.WhenAll(items);
    }
}
