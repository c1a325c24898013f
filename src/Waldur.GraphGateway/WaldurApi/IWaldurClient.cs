namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// The Waldur client: the one way the gateway talks to Waldur. Forwards the caller's <c>Authorization</c>, runs through
/// the one resilience pipeline, and throws a coded <c>GatewayException</c> on failure.
/// </summary>
public interface IWaldurClient
{
    /// <summary><c>GET {path}?…</c>: one page of a list.</summary>
    Task<WaldurPage> ListAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken);

    /// <summary><c>GET {path}{uuid}/</c>; <c>null</c> on 404 (U23).</summary>
    Task<WaldurRow?> RetrieveAsync(WaldurEndpoint endpoint, string uuid, CancellationToken cancellationToken);

    /// <summary><c>HEAD {path}?…</c>: the cheap way to count (U19a).</summary>
    Task<int> CountAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken);
}
