namespace Waldur.GraphGateway.WaldurApi;

/// <summary>
/// One Waldur list/retrieve resource: its path (relative to Waldur's root, U1) and the shape its bodies are read into.
/// <see cref="Paged"/> is false for a list Waldur does not page: one response holds every row and no <c>X-Result-Count</c>.
/// </summary>
public sealed record WaldurEndpoint(string Path, RowShape Shape, bool Paged = true);
