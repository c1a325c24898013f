namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// One Waldur list/retrieve resource: its path (relative to Waldur's root, U1) and the shape its bodies are read into.
/// <see cref="Paged"/> is false for a list Waldur does not page: one response holds every row and no <c>X-Result-Count</c>.
/// <see cref="Field"/> is the GraphQL root connection field it serves: the name its cache TTL is set under
/// (<c>Caching:Ttl:&lt;field&gt;</c>); null for an endpoint outside the schema.
/// </summary>
internal sealed record WaldurEndpoint(string Path, RowShape Shape, bool Paged = true, string? Field = null)
{
    /// <summary>The catalog's path, before a nested list's parameters are filled in: what facts about the endpoint key on.</summary>
    public string Template { get; init; } = Path;
}
