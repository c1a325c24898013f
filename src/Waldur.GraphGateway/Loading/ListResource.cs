using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Everything the planner needs to know about one Waldur list resource: where it lives, its fields, which predicates
/// Waldur applies (<see cref="Pushdown"/>), and its default order (<see cref="DefaultOrderField"/> ascending, U16),
/// whose exact-match parameter (<see cref="DefaultOrderExactParameter"/>) fetches one group of tied rows, and the sort
/// keys Waldur applies through <c>o</c> (<see cref="ServerSort"/>; none for a resource that ignores <c>o</c>).
/// A new Waldur resource joins the gateway by declaring one of these.
/// </summary>
public sealed record ListResource<T>(
    string TypeName,
    string FieldName,
    WaldurEndpoint<T> Endpoint,
    FieldSet Fields,
    IReadOnlyList<PushdownRule> Pushdown,
    Func<T, string> Uuid,
    string DefaultOrderField,
    Func<T, string> DefaultOrderKey,
    string? DefaultOrderExactParameter,
    IReadOnlyList<ServerSortRule>? ServerSort = null)
    where T : class;
