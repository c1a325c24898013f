namespace Waldur.GraphGateway.Tests.Loading.DataLoading;

/// <summary>A row of the test schema: <c>Next</c> names another row, so queries can walk levels.</summary>
public sealed record TestItem(string Key, string Value, string? Next);
