namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// The Waldur client: the one way the gateway talks to Waldur. Forwards the caller's <c>Authorization</c>, runs through
/// the one resilience pipeline, and throws a coded <c>GatewayException</c> on failure.
/// </summary>
internal interface IWaldurClient
{
    /// <summary><c>GET {path}?…</c>: one page of a list.</summary>
    Task<WaldurPage> ListAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken);

    /// <summary><c>GET {path}{uuid}/</c>; <c>null</c> on 404 (U23).</summary>
    Task<WaldurRow?> RetrieveAsync(WaldurEndpoint endpoint, string uuid, CancellationToken cancellationToken);

    /// <summary>
    /// A write (<c>POST</c>/<c>PUT</c>/<c>PATCH</c>/<c>DELETE</c>), sent once: its answer, or <c>WALDUR_OUTCOME_UNKNOWN</c>
    /// when the request may have been applied but no answer came.
    /// </summary>
    Task<WaldurWriteResult> WriteAsync(HttpMethod method, string relativeUrl, byte[]? body, CancellationToken cancellationToken);

    /// <summary><c>HEAD {path}?…</c>: the cheap way to count (U19a).</summary>
    Task<int> CountAsync(WaldurEndpoint endpoint, WaldurListQuery query, CancellationToken cancellationToken);
}
