using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Loading.DataLoading;
using Waldur.GraphGateway.Schema;
using Waldur.GraphGateway.Types.Relay;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>
/// By-uuid lookups, the entry points composing gateways (stitching, federation) call. Every lookup of one execution
/// level joins its loader's batch. Uuids are accepted hyphenated or as 32 hex digits (U3); anything else is
/// <c>UUID_INVALID</c>. An unknown uuid is null.
/// </summary>
public static class DigitalOceanLookupFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<DigitalOceanImageGraphType>("digitalOceanImageByUuid")
            .Description("The image with this Waldur uuid (32 hex digits, with or without hyphens); null when Waldur has none.")
            .Argument<NonNullGraphType<StringGraphType>>("uuid")
            .Resolve(c => c.DataLoader<DigitalOceanImageByUuidDataLoader>().Load(WaldurUuid.Normalize(c.GetArgument<string>("uuid"))));

        query.Field<NonNullGraphType<ListGraphType<DigitalOceanImageGraphType>>>("digitalOceanImagesByUuids")
            .Description("The images with these Waldur uuids, in the order asked; null where Waldur has none or the uuid is malformed " +
                         "(its error at that index). At most `Relay:MaxNodeIds` uuids (default 50), fetched as one batch.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("uuids")
            .Resolve(ResolveImages);

        query.Field<DigitalOceanRegionGraphType>("digitalOceanRegionByUuid")
            .Description("The region with this Waldur uuid (32 hex digits, with or without hyphens); null when Waldur has none.")
            .Argument<NonNullGraphType<StringGraphType>>("uuid")
            .Resolve(c => c.DataLoader<DigitalOceanRegionByUuidDataLoader>().Load(WaldurUuid.Normalize(c.GetArgument<string>("uuid"))));
    }

    private static IDataLoaderResult<IReadOnlyList<object?>> ResolveImages(IResolveFieldContext context)
    {
        var uuids = context.GetArgument<List<string>>("uuids");
        var max = context.RequestServices!.GetRequiredService<IOptions<RelayOptions>>().Value.MaxNodeIds;
        if (uuids.Count > max)
            throw new GatewayError(ErrorCodes.TooManyIds, $"digitalOceanImagesByUuids(uuids:) takes at most {max} uuids; {uuids.Count} were given.");
        var loader = context.DataLoader<DigitalOceanImageByUuidDataLoader>();
        var items = uuids.Select((uuid, index) =>
        {
            IDataLoaderResult<object?> item = WaldurUuid.TryNormalize(uuid, out var normalized)
                ? loader.Load(normalized).Then(i => (object?)i)
                : new FailedResult(WaldurUuid.Invalid(uuid));
            return (IDataLoaderResult<object?>)new NodeItemResult(item, context, index);
        }).ToList();
        return DataLoaderResult.WhenAll(items);
    }

    private sealed class FailedResult(ExecutionError error) : IDataLoaderResult<object?>
    {
        public Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromException<object?>(error);
    }
}
