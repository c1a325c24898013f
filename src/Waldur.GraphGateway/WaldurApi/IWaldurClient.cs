namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// The typed Waldur client: the one way the gateway talks to Waldur. Forwards the caller's <c>Authorization</c>,
/// runs through the one resilience pipeline, and throws <c>GatewayError</c> with a stable code on failure.
/// </summary>
public interface IWaldurClient
{
    /// <summary><c>GET {path}?…</c>: one page of a list.</summary>
    Task<WaldurPage<T>> ListAsync<T>(WaldurEndpoint<T> endpoint, WaldurListQuery query, CancellationToken cancellationToken)
        where T : class;

    /// <summary><c>GET {path}{uuid}/</c>; <c>null</c> on 404 (U23).</summary>
    Task<T?> RetrieveAsync<T>(WaldurEndpoint<T> endpoint, string uuid, CancellationToken cancellationToken)
        where T : class;

    /// <summary><c>HEAD {path}?…</c>: the cheap way to count (U19a).</summary>
    Task<int> CountAsync<T>(WaldurEndpoint<T> endpoint, WaldurListQuery query, CancellationToken cancellationToken)
        where T : class;
}
