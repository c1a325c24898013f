namespace Waldur.GraphGateway.Loading.Paging;

/// <summary>Relay's four connection arguments as the client sent them.</summary>
internal sealed record PagingArguments(int? First, string? After, int? Last, string? Before);
