namespace Waldur.GraphGateway.WaldurApi;

/// <summary>One Waldur list/retrieve resource: its path (relative to Waldur's root, U1) and the shape its bodies are read into.</summary>
public sealed record WaldurEndpoint(string Path, RowShape Shape);
