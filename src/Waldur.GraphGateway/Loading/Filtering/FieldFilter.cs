namespace Waldur.GraphGateway.Loading.Filtering;

/// <summary>
/// One operation on one scalar field, e.g. <c>name.contains "ubuntu"</c>. <see cref="Value"/> is normalised: strings,
/// <c>bool</c>, <c>long</c>, <c>DateTimeOffset</c> (UTC), or a list of those for <c>in</c>/<c>nin</c>; <c>null</c> only for eq/neq.
/// </summary>
internal sealed record FieldFilter(string Field, string Operation, object? Value) : FilterNode;
