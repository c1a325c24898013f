using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;
using Waldur.GraphGateway.Types.Relay;

namespace Waldur.GraphGateway.Types.Federation;

/// <summary>Makes a graph type a federation entity keyed by Waldur's uuid, resolved through its by-uuid DataLoader.</summary>
internal static class FederationEntityExtensions
{
    /// <summary>
    /// <c>@key(fields: "uuid")</c> plus a reference resolver. <c>_entities</c> resolves every representation in one
    /// execution level, so N representations of a type join one loader batch. A malformed uuid fails only its entity.
    /// </summary>
    public static void FederatedByUuid<T>(this ObjectGraphType<T> type, FederationOptions options,
        Func<IResolveFieldContext, string, IDataLoaderResult<T?>> load)
        where T : class
    {
        if (!options.Enabled)
        {
            return;
        }

        type.Key("uuid");
        // A miss resolves to null: the router then reports that entity alone as unresolved.
        type.ResolveReference<EntityReference, T>((context, reference) => load(context, WaldurUuid.Normalize(reference.Uuid))!);
    }
}
