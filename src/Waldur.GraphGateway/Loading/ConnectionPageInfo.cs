namespace Waldur.GraphGateway.Loading;

/// <summary>Relay's <c>PageInfo</c>.</summary>
internal sealed record ConnectionPageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
