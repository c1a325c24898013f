namespace Waldur.GraphGateway.Loading;

/// <summary>
/// A sort key Waldur applies itself (U15): ordering by <c>Field</c> is <c>o=OrderingKey</c> (<c>-OrderingKey</c>
/// descending), and <c>?ExactParameter=value</c> selects exactly the rows whose field equals <c>value</c> (U10), which
/// re-reads a run of tied rows whole.
/// </summary>
internal sealed record ServerSortRule(string Field, string OrderingKey, string? ExactParameter);
