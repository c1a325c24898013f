using GraphQL;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Types.Paging;

namespace Waldur.GraphGateway.Types.Resources;

/// <summary>
/// A connection over the rows of another resource that point at this one (a region's images): the caller's arguments
/// plus one more conjunct, "<c>via</c> is this row". On a uuid reference field Waldur may filter it itself; on an embedded
/// list (images' regions, which Waldur cannot filter by, U12) it stays in the gateway, and every such field of the
/// request answers from one shared scan. The link joins the cursor's argument hash, so a cursor from one parent's
/// connection is rejected by another's.
/// </summary>
internal static class ReverseConnections
{
    public static Task<ConnectionPage> LoadAsync(IResolveFieldContext context, ListResource source, string via, string parentUuid)
    {
        var request = ConnectionArguments.Read(context, source.Fields);
        FilterNode link = source.Endpoint.Shape[via].IsList
            ? new ListFieldFilter(via, FilterOperations.Some, new FieldFilter("uuid", FilterOperations.Eq, parentUuid))
            : new FieldFilter(via, FilterOperations.Eq, parentUuid);
        var where = request.Where is null ? link : new AllOfFilter([request.Where, link]);
        return context.Planner().LoadAsync(source, request with { Where = where }, context.CancellationToken);
    }
}
